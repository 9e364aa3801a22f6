package dev.vigil.server.link;

import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Role;
import java.net.URI;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one reverse connection up: dials a listening peer (an agent or a dashboard that can be
 * reached by the relay but cannot reach it), hands the link to the relay's {@link LinkListener}
 * exactly like an accepted connection, and redials when it ends, with full-jitter {@link Backoff}
 * reset once the relay welcomed the peer. A close code after which the same settings would fail
 * again ({@link CloseCodes#shouldReconnect} false) is logged as an error and retried at {@link
 * #REFUSED_RETRY_MS}, so the peer's operator can fix it without restarting the relay. Thread-safe.
 */
public final class PeerDialer implements AutoCloseable {
  /** Wait before redialling a peer whose last link ended with a do-not-retry close code. */
  public static final long REFUSED_RETRY_MS = Backoff.DEFAULT_CAP_MS;

  /** The link {@link #close} closed, for {@link #awaitClosed}. */
  private volatile DialedPeerLink closing;

  private static final Logger log = LoggerFactory.getLogger(PeerDialer.class);

  private final URI uri;
  private final MessageCodec codec;
  private final LinkListener relay;
  private final ScheduledExecutorService timer;
  private final Backoff backoff;

  private DialedPeerLink current;
  private boolean welcomed;
  private Integer peerCloseCode;
  private ScheduledFuture<?> redial;
  private boolean stopped;

  /**
   * @param uri the listening peer, {@code ws://} or {@code wss://}
   * @param codec decodes what the peer sends
   * @param relay the relay's listener, as for accepted connections
   * @param timer runs the redials; must not be the relay's core thread's queue of urgent work
   * @param backoff delays between attempts
   */
  public PeerDialer(
      URI uri,
      MessageCodec codec,
      LinkListener relay,
      ScheduledExecutorService timer,
      Backoff backoff) {
    this.uri = uri;
    this.codec = codec;
    this.relay = relay;
    this.timer = timer;
    this.backoff = backoff;
  }

  /** Dials for the first time, from the timer thread; returns at once. */
  public synchronized void start() {
    schedule(0);
  }

  /** Stops redialling and closes the current link with 1001 (going away). */
  @Override
  public void close() {
    DialedPeerLink link;
    synchronized (this) {
      stopped = true;
      if (redial != null) {
        redial.cancel(false);
      }
      link = current;
      current = null;
      closing = link;
    }
    if (link != null) {
      link.close(CloseCodes.GOING_AWAY, "relay shutting down");
    }
  }

  private void dial() {
    DialedPeerLink link;
    synchronized (this) {
      if (stopped) {
        return;
      }
      link = new DialedPeerLink(uri, codec, new Watch(), this::welcomed);
      current = link;
      welcomed = false;
      peerCloseCode = null;
    }
    log.debug("Dialling {}", uri);
    link.connect();
    synchronized (this) {
      if (stopped) {
        link.abort(CloseCodes.GOING_AWAY, "relay shutting down"); // closed while dialling
      }
    }
  }

  /**
   * After {@link #close}: waits for the link to close, dropping it at {@code deadlineNanos} if the
   * peer has not answered the close by then.
   */
  public void awaitClosed(long deadlineNanos) throws InterruptedException {
    DialedPeerLink link = closing;
    if (link != null) {
      link.awaitClosedOrAbort(deadlineNanos, CloseCodes.GOING_AWAY, "relay shutting down");
    }
  }

  private synchronized void welcomed(Role role, String name) {
    welcomed = true;
    backoff.reset();
    log.info(
        "Dialled peer {} welcomed as {} '{}'",
        uri,
        role == Role.AGENT ? "agent" : "dashboard",
        name);
  }

  private synchronized void ended(DialedPeerLink link, int code, String reason) {
    if (link != current || stopped) {
      return;
    }
    current = null;
    int effective = peerCloseCode != null ? peerCloseCode : code;
    long delayMs;
    if (!CloseCodes.shouldReconnect(effective)) {
      delayMs = REFUSED_RETRY_MS;
      log.error(
          "Link to dialled peer {} ended with {} ({}); the same settings would fail again: fix them"
              + " on either side; retrying in {} ms",
          uri,
          effective,
          reason,
          delayMs);
    } else {
      boolean firstFailure = backoff.attempts() == 0;
      delayMs = backoff.nextDelayMs();
      if (welcomed) {
        log.warn(
            "Link to dialled peer {} lost ({} {}); redialling in {} ms",
            uri,
            code,
            reason,
            delayMs);
      } else if (firstFailure) {
        // Said once per outage; the retries that follow are logged at debug.
        log.warn("Cannot reach {} ({} {}); redialling in {} ms", uri, code, reason, delayMs);
      } else {
        log.debug("Cannot reach {} ({} {}); redialling in {} ms", uri, code, reason, delayMs);
      }
    }
    schedule(delayMs);
  }

  private void schedule(long delayMs) {
    try {
      redial = timer.schedule(this::dial, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("Dial timer stopped; not redialling {}", uri);
    }
  }

  /** Passes every event on to the relay and redials once the link ended. */
  private final class Watch implements LinkListener {
    @Override
    public void onOpen(PeerLink link) {
      relay.onOpen(link);
    }

    @Override
    public void onMessage(PeerLink link, Envelope envelope) {
      relay.onMessage(link, envelope);
    }

    @Override
    public void onRejected(PeerLink link, int closeCode, String reason) {
      relay.onRejected(link, closeCode, reason);
    }

    @Override
    public void onPeerCloseFrame(PeerLink link, int code) {
      synchronized (PeerDialer.this) {
        if (link == current) {
          peerCloseCode = code;
        }
      }
      relay.onPeerCloseFrame(link, code);
    }

    @Override
    public void onClosed(PeerLink link, int code, String reason, boolean byPeer) {
      relay.onClosed(link, code, reason, byPeer);
      ended((DialedPeerLink) link, code, reason);
    }
  }
}
