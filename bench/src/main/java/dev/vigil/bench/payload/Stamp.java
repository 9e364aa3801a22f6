package dev.vigil.bench.payload;

/**
 * The stamps found in one delivered message. Deliberately mutable: the receive path fills one
 * instance per engine again and again instead of allocating per message. Not thread-safe.
 */
public final class Stamp {
  /** Index of the agent that sent it (from its host id). */
  public int agent;

  /** Scheduled send time, microseconds since harness start. */
  public long scheduledUs;

  /** The agent's sequence number, from 1. */
  public long seq;
}
