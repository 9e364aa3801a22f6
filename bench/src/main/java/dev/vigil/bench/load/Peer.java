package dev.vigil.bench.load;

import dev.vigil.bench.payload.SampleTemplate;
import dev.vigil.protocol.Role;

/**
 * One simulated agent or dashboard connection as a {@link PeerDialect} sees it: it can send frames,
 * say the peer is ready, hand over a delivered payload, or give up. Used only on the engine thread.
 */
public interface Peer {
  /** Agent or dashboard. */
  Role role();

  /** Index among the peers of its role, from 0. */
  int index();

  /** Sends one final frame whose payload is {@code prefix} then {@code payload[off..off+len)}. */
  void send(int opcode, byte[] prefix, byte[] payload, int off, int len);

  /** Sends one final frame with {@code payload} as its payload. */
  void send(int opcode, byte[] payload);

  /** The application handshake is done: an agent may send samples, a dashboard receives them. */
  void markReady();

  /** An application payload that may carry a sample's stamps. */
  void deliver(byte[] data, int off, int len);

  /** Ends the connection because of {@code reason} (e.g. the server refused the hello). */
  void fail(String reason);

  /** The agent's sample bytes; only for agents. */
  SampleTemplate sample();

  /** State the dialect keeps per connection, or {@code null}. */
  Object dialectState();

  /** Sets the state the dialect keeps per connection. */
  void dialectState(Object state);

  /** {@link System#nanoTime()} of the last frame sent, 0 if none. */
  long lastSendNanos();
}
