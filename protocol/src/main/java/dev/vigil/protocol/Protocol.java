package dev.vigil.protocol;

import java.util.Set;

/** Protocol-wide constants: version, limits and timings that both ends must agree on. */
public final class Protocol {
  /** The protocol version this code speaks, carried as {@code v} in every envelope. */
  public static final int VERSION = 1;

  /** Versions this code can decode. */
  public static final Set<Integer> SUPPORTED_VERSIONS = Set.of(VERSION);

  /** Largest message a relay accepts from an agent or dashboard, in UTF-8 bytes. */
  public static final int MAX_INBOUND_MESSAGE_BYTES = 1024 * 1024;

  /** Largest message a dashboard accepts from the relay (snapshots of big fleets), in bytes. */
  public static final int MAX_RELAY_MESSAGE_BYTES = 64 * 1024 * 1024;

  /** Default interval between heartbeats, in milliseconds. */
  public static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 5_000;

  /** A peer silent for this many heartbeat intervals is considered dead. */
  public static final int HEARTBEAT_TIMEOUT_FACTOR = 3;

  /** How long a new connection has to send its {@link Hello}, in milliseconds. */
  public static final long HELLO_TIMEOUT_MS = 10_000;

  /** Default relay WebSocket port. */
  public static final int DEFAULT_RELAY_PORT = 8787;

  /** Default relay HTTP port (health, hosts). */
  public static final int DEFAULT_HTTP_PORT = 8788;

  private Protocol() {}
}
