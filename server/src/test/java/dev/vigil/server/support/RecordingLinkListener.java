package dev.vigil.server.support;

import dev.vigil.protocol.Envelope;
import dev.vigil.server.link.LinkListener;
import dev.vigil.server.link.PeerLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A transport's listener for tests that run a transport without the relay core: records the links
 * opened and how they closed, ignores messages. Thread-safe.
 */
public final class RecordingLinkListener implements LinkListener {
  /** Every link opened, in order. */
  public final List<PeerLink> opened = Collections.synchronizedList(new ArrayList<>());

  /** Every close, as {@code "<code> <reason> byPeer=<true|false>"}. */
  public final List<String> closes = Collections.synchronizedList(new ArrayList<>());

  private final BlockingQueue<PeerLink> openedQueue = new LinkedBlockingQueue<>();

  /** Waits for the next link opened. */
  public PeerLink awaitOpened(Duration timeout) throws InterruptedException {
    PeerLink link = openedQueue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (link == null) {
      throw new AssertionError("no link opened within " + timeout);
    }
    return link;
  }

  @Override
  public void onOpen(PeerLink link) {
    opened.add(link);
    openedQueue.add(link);
  }

  @Override
  public void onMessage(PeerLink link, Envelope envelope) {}

  @Override
  public void onRejected(PeerLink link, int closeCode, String reason) {}

  @Override
  public void onPeerCloseFrame(PeerLink link, int code) {}

  @Override
  public void onClosed(PeerLink link, int code, String reason, boolean byPeer) {
    closes.add(code + " " + reason + " byPeer=" + byPeer);
  }
}
