package dev.vigil.server.notify;

import dev.vigil.protocol.Alert;

/**
 * A notification not yet delivered when the relay stopped, kept for the next start.
 *
 * @param channel the channel's name, e.g. {@code webhook[0]}
 * @param alert the alert as it was broadcast
 * @param transition what happened to it
 */
public record PendingDelivery(String channel, Alert alert, Transition transition) {}
