package dev.vigil.bench.load;

import dev.vigil.bench.payload.SampleTemplate;
import dev.vigil.protocol.Role;
import java.io.IOException;

/**
 * What one system under test expects on a connection, once the WebSocket is open: how to join
 * (hello, MQTT CONNECT, nothing), how to carry a sample, which received messages hold samples, and
 * how to stay alive. One implementation per system; all calls come from the engine thread.
 */
public interface PeerDialect {
  /** Short name used in tables, e.g. {@code vigil}. */
  String name();

  /** Request path for a peer of this role. */
  String path(Role role);

  /** WebSocket subprotocol to ask for, or {@code null}. */
  String subprotocol();

  /** The WebSocket is open: start the application handshake. */
  void onOpen(Peer peer) throws IOException;

  /** A complete text or binary message arrived. */
  void onMessage(Peer peer, int opcode, byte[] data, int off, int len) throws IOException;

  /** Sends the agent's freshly stamped sample. */
  void sendSample(Peer agent, SampleTemplate sample);

  /** Called every few seconds on every ready peer; sends a keep-alive if the system needs one. */
  void keepAlive(Peer peer, long nowNanos);
}
