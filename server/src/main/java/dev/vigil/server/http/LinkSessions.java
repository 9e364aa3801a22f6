package dev.vigil.server.http;

import dev.vigil.server.link.LinkListener;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP link sessions by id, with the two counts the transport bounds: open sessions ({@link
 * HttpLinkLimits#MAX_SESSIONS}) and held requests ({@link HttpLinkLimits#MAX_HELD_REQUESTS}).
 * Closed sessions stay findable for their linger, then {@link #sweep} forgets them. Thread-safe.
 */
final class LinkSessions {
  private final Map<String, HttpPeerLink> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final SecureRandom random = new SecureRandom();
  private final LinkListener listener;
  private final long lingerNanos;
  private int held;

  LinkSessions(LinkListener listener, long closedLingerMs) {
    this.listener = listener;
    this.lingerNanos = closedLingerMs * 1_000_000;
  }

  /** A new open session, announced to the listener; null when {@code MAX_SESSIONS} are open. */
  HttpPeerLink open(String remoteAddress) {
    if (open.incrementAndGet() > HttpLinkLimits.MAX_SESSIONS) {
      open.decrementAndGet();
      return null;
    }
    HttpPeerLink link;
    do {
      byte[] bytes = new byte[HttpLinkLimits.SESSION_ID_BYTES];
      random.nextBytes(bytes);
      link =
          new HttpPeerLink(
              HexFormat.of().formatHex(bytes), remoteAddress, listener, open::decrementAndGet);
    } while (sessions.putIfAbsent(link.id(), link) != null);
    listener.onOpen(link);
    return link;
  }

  /** The session, open or lingering after its close; null when unknown. */
  HttpPeerLink find(String id) {
    return sessions.get(id);
  }

  /** Open sessions. */
  int openCount() {
    return open.get();
  }

  /** Takes one held-request slot; false when all are taken. */
  synchronized boolean tryHold() {
    if (held >= HttpLinkLimits.MAX_HELD_REQUESTS) {
      return false;
    }
    held++;
    return true;
  }

  /** Gives back a slot taken by {@link #tryHold}. */
  synchronized void release() {
    held--;
    notifyAll();
  }

  /** Requests holding a slot now. */
  synchronized int heldCount() {
    return held;
  }

  /** Waits up to {@code timeoutMs} for every held request to end. */
  synchronized void awaitNoneHeld(long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (held > 0) {
      long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMs <= 0) {
        return;
      }
      wait(leftMs);
    }
  }

  /** Forgets sessions closed longer than the linger ago. */
  void sweep() {
    long now = System.nanoTime();
    sessions
        .values()
        .removeIf(link -> link.closedAtNanos() != 0 && now - link.closedAtNanos() > lingerNanos);
  }

  /** Closes every open session, e.g. when the relay stops. */
  void closeAll(int code, String reason) {
    for (HttpPeerLink link : sessions.values()) {
      link.close(code, reason);
    }
  }
}
