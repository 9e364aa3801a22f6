package dev.vigil.server;

import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.server.link.LinkListener;
import dev.vigil.server.link.PeerDialer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The relay's reverse connections: one {@link PeerDialer} per configured listening peer. */
final class ReverseLinks implements AutoCloseable {
  private final List<PeerDialer> dialers;
  private final ScheduledExecutorService timer;

  private ReverseLinks(List<PeerDialer> dialers, ScheduledExecutorService timer) {
    this.dialers = dialers;
    this.timer = timer;
  }

  /** Starts dialling every peer of {@code peers}; nothing runs when there are none. */
  static ReverseLinks start(List<URI> peers, MessageCodec codec, LinkListener relay) {
    if (peers.isEmpty()) {
      return new ReverseLinks(List.of(), null);
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-dialer");
              t.setDaemon(true);
              return t;
            });
    List<PeerDialer> dialers = new ArrayList<>();
    for (URI uri : peers) {
      PeerDialer dialer = new PeerDialer(uri, codec, relay, timer, new Backoff());
      dialers.add(dialer);
      dialer.start();
    }
    return new ReverseLinks(dialers, timer);
  }

  /** How long {@link #close} waits for dialled peers to answer the close before dropping them. */
  public static final long CLOSE_GRACE_MS = 1_000;

  /** Stops dialling and closes every dialled link with 1001, dropping those that do not answer. */
  @Override
  public void close() {
    for (PeerDialer dialer : dialers) {
      dialer.close();
    }
    long deadline =
        System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(CLOSE_GRACE_MS);
    try {
      for (PeerDialer dialer : dialers) {
        dialer.awaitClosed(deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
