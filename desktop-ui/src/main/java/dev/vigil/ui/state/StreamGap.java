package dev.vigil.ui.state;

/**
 * A stretch of the relay's live stream this dashboard did not get and could not get back: the relay
 * restarted, or the dashboard was away longer than the relay's replay buffer holds. Shown to the
 * operator so that a quiet stretch is never mistaken for "nothing happened".
 *
 * @param fromMs when the last message before the gap arrived, epoch milliseconds (0 if none had)
 * @param toMs when the relay reported the gap on reconnecting, epoch milliseconds
 * @param missedMessages relay messages lost in between, when the relay knows; null otherwise
 * @param reason the relay's words for why
 */
public record StreamGap(long fromMs, long toMs, Long missedMessages, String reason) {}
