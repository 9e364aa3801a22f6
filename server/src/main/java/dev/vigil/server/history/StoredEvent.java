package dev.vigil.server.history;

/**
 * A device event as stored.
 *
 * @param hostId the host
 * @param timestampMs when the agent saw it
 * @param kind wire name of the kind, e.g. {@code device.added}
 * @param deviceId the device
 * @param json the event body as the codec encodes it
 */
public record StoredEvent(
    String hostId, long timestampMs, String kind, String deviceId, String json) {}
