package dev.vigil.server.notify;

import java.util.Map;

/**
 * The dispatcher's counts, as shown under {@code notifications} in {@code /health}.
 *
 * @param queued deliveries unfinished now: waiting for an attempt, under way or waiting to retry
 * @param channels each channel's counts by channel name ({@code webhook[0]}, {@code email}, …)
 */
public record NotificationStats(int queued, Map<String, ChannelStats> channels) {
  /** No channel: what a relay without notifications reports. */
  public static final NotificationStats NONE = new NotificationStats(0, Map.of());

  /** The counts of channel {@code name}; all zero when there is none by that name. */
  public ChannelStats channel(String name) {
    return channels.getOrDefault(name, new ChannelStats(0, 0, 0, 0, 0));
  }
}
