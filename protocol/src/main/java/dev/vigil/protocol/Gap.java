package dev.vigil.protocol;

/**
 * Relay → dashboard: the dashboard asked to resume its stream, but the relay cannot send what it
 * missed. A fresh {@link Snapshot} follows at once; what happened between the dashboard's last
 * message and that snapshot is lost to it, and the dashboard must say so to the operator.
 *
 * @param lastSeq the last sequence number the dashboard said it had
 * @param resumedAtSeq the sequence number the snapshot that follows stands at; live messages go on
 *     from the next one
 * @param missedMessages messages numbered between the two that cannot be replayed, when known (the
 *     same stream epoch); null when the stream began again and the count is unknown
 * @param reason why, in words for the operator (relay restarted, replay buffer overrun)
 */
public record Gap(
    long lastSeq, long resumedAtSeq, @OptionalField Long missedMessages, String reason)
    implements Message {}
