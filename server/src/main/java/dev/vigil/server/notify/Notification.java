package dev.vigil.server.notify;

import dev.vigil.protocol.Alert;

/**
 * One delivery attempt's content. Receivers dedupe on the alert id and transition: delivery is
 * at-least-once.
 *
 * @param alert the alert as broadcast to dashboards
 * @param transition what happened to it
 * @param relayId the relay run that sends it
 * @param sentAtMs when this attempt started, epoch milliseconds
 * @param json the webhook body and the command's standard input, see {@link NotificationJson}
 */
public record Notification(
    Alert alert, Transition transition, String relayId, long sentAtMs, String json) {}
