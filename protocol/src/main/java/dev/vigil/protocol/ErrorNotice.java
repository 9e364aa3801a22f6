package dev.vigil.protocol;

/**
 * Sent just before the relay closes a connection, carrying the same code and reason as the close
 * frame, for transports that have no close frame.
 *
 * @param code one of {@link CloseCodes}
 * @param reason precise human reason, e.g. "missing required field 'hostId' in sample"
 */
public record ErrorNotice(int code, String reason) implements Message {}
