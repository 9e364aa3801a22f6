package dev.vigil.server.http;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.server.link.FrameBatch;
import dev.vigil.server.link.LinkListener;
import dev.vigil.server.link.PeerLink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP link session as a {@link PeerLink}: what the relay sends goes into a {@link LinkOutbox}
 * for the peer's events stream or polls; closing marks the outbox closed and reports the close to
 * the listener at once, since there is no socket to wait for. Sending never blocks.
 */
final class HttpPeerLink implements PeerLink {
  /** The close reason of a session its peer deleted. */
  static final String CLOSED_BY_PEER = "closed by peer";

  private static final Logger log = LoggerFactory.getLogger(HttpPeerLink.class);

  private final String id;
  private final String remote;
  private final LinkListener listener;
  private final Runnable onEnded;
  private final LinkOutbox outbox = new LinkOutbox();

  /** Held while one POST hands its lines to the listener, so that two POSTs do not interleave. */
  private final Object inbound = new Object();

  private volatile long closedAtNanos;

  /**
   * @param onEnded run once, when the link closes
   */
  HttpPeerLink(String id, String remote, LinkListener listener, Runnable onEnded) {
    this.id = id;
    this.remote = remote;
    this.listener = listener;
    this.onEnded = onEnded;
  }

  String id() {
    return id;
  }

  LinkOutbox outbox() {
    return outbox;
  }

  LinkListener listener() {
    return listener;
  }

  /** The lock that keeps one POST's messages together and in order. */
  Object inboundLock() {
    return inbound;
  }

  /** When it closed ({@link System#nanoTime}), or 0 while open. */
  long closedAtNanos() {
    return closedAtNanos;
  }

  @Override
  public void send(String text) {
    checkBuffer(outbox.append(List.of(text)));
  }

  @Override
  public void send(FrameBatch batch) {
    checkBuffer(outbox.append(batch.texts()));
  }

  @Override
  public void close(int code, String reason) {
    end(code, reason, false, false);
  }

  @Override
  public void abort(int code, String reason) {
    end(code, reason, true, false);
  }

  /**
   * Closes the link with 1001 because the messages after {@code after} are no longer held: the peer
   * must open a new link and resume by protocol.
   *
   * @return the close to tell the peer: this one, or the earlier one if the link had closed already
   */
  LinkOutbox.Close closeAsGone(long after) {
    close(
        CloseCodes.GOING_AWAY,
        "events after " + after + " are no longer held; open a new link and resume");
    return outbox.closed();
  }

  /** The peer deleted the session: it ends as closed by the peer, dropping what it did not get. */
  void closeByPeer() {
    end(CloseCodes.NORMAL, CLOSED_BY_PEER, true, true);
  }

  @Override
  public boolean isOpen() {
    return outbox.closed() == null;
  }

  /** Messages not yet written to an events stream or returned by a poll. */
  @Override
  public int queuedWrites() {
    return outbox.undeliveredCount();
  }

  /** UTF-8 bytes of the messages not yet written to an events stream or returned by a poll. */
  @Override
  public long queuedBytes() {
    return outbox.undeliveredBytes();
  }

  @Override
  public String remoteAddress() {
    return remote;
  }

  @Override
  public String toString() {
    return "http:" + remote;
  }

  private void checkBuffer(long heldBytes) {
    if (heldBytes > HttpLinkLimits.MAX_SESSION_BUFFER_BYTES) {
      abort(
          CloseCodes.SLOW_CONSUMER,
          String.format(
              "slow consumer: over %,d bytes held for this HTTP link; reconnect and resume",
              HttpLinkLimits.MAX_SESSION_BUFFER_BYTES));
    }
  }

  private void end(int code, String reason, boolean discardUndelivered, boolean byPeer) {
    if (outbox.close(code, reason, discardUndelivered)) {
      closedAtNanos = System.nanoTime();
      log.debug("{} (session {}) closed with {} {}", this, id, code, reason);
      onEnded.run();
      listener.onClosed(this, code, reason, byPeer);
    }
  }
}
