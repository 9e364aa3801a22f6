package dev.vigil.link;

import java.util.List;
import java.util.Optional;

/**
 * Which transport the next attempt uses. Starts on the best; after {@link
 * #FAILURES_BEFORE_FALLBACK} attempts in a row that fail before the relay's welcome (a real round
 * trip) it steps down one rung, and from the last rung back to the first. While on a lower rung it
 * names a better one to probe in the background; a probe that is welcomed moves the ladder up.
 * Thread-safe.
 */
public final class TransportLadder {
  /** Attempts in a row that must fail on one transport before the next one is tried. */
  public static final int FAILURES_BEFORE_FALLBACK = 2;

  /** How often a link on a lower rung tries a better transport in the background. */
  public static final long UPGRADE_PROBE_INTERVAL_MS = 30_000;

  private final List<Transport> rungs;
  private int current;
  private int failures;
  private int nextProbe;

  /** A ladder over these transports, best first. */
  public TransportLadder(List<Transport> rungs) {
    if (rungs.isEmpty()) {
      throw new IllegalArgumentException("a ladder needs at least one transport");
    }
    this.rungs = List.copyOf(rungs);
  }

  /** WebSocket, then Server-Sent Events, then long-polling: the dashboard's ladder. */
  public static TransportLadder forDashboard() {
    return new TransportLadder(List.of(Transport.WEBSOCKET, Transport.SSE, Transport.LONG_POLL));
  }

  /** WebSocket, then long-polling (batched POSTs up, polls for commands down): the agent's. */
  public static TransportLadder forAgent() {
    return new TransportLadder(List.of(Transport.WEBSOCKET, Transport.LONG_POLL));
  }

  /** The transport for the next attempt. */
  public synchronized Transport current() {
    return rungs.get(current);
  }

  /** The transports, best first. */
  public List<Transport> rungs() {
    return rungs;
  }

  /** An attempt on {@code transport} ended before the relay's welcome. */
  public synchronized void failed(Transport transport) {
    if (transport != rungs.get(current)) {
      return; // a probe or a stale attempt: the rung in use is not to blame
    }
    failures++;
    if (failures >= FAILURES_BEFORE_FALLBACK) {
      current = (current + 1) % rungs.size();
      failures = 0;
      nextProbe = 0;
    }
  }

  /** The relay welcomed a link on {@code transport}: it works, and the ladder stands on it. */
  public synchronized void welcomed(Transport transport) {
    int index = rungs.indexOf(transport);
    if (index >= 0) {
      current = index;
      failures = 0;
      nextProbe = 0;
    }
  }

  /** True when the ladder stands on its best transport. */
  public synchronized boolean onBest() {
    return current == 0;
  }

  /**
   * A better transport to try in the background, cycling through those above the current one, best
   * first; empty on the best.
   */
  public synchronized Optional<Transport> probeCandidate() {
    if (current == 0) {
      return Optional.empty();
    }
    Transport candidate = rungs.get(nextProbe % current);
    nextProbe = (nextProbe + 1) % current;
    return Optional.of(candidate);
  }
}
