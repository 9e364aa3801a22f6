package dev.vigil.server.notify;

import java.util.concurrent.atomic.AtomicLong;

/** One channel's live counts; thread-safe. */
final class ChannelCounters {
  final AtomicLong sent = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong retrying = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();

  ChannelStats snapshot() {
    return new ChannelStats(sent.get(), failed.get(), retrying.get(), retries.get(), dropped.get());
  }
}
