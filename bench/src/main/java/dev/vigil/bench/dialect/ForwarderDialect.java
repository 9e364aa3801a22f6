package dev.vigil.bench.dialect;

import dev.vigil.bench.load.Peer;
import dev.vigil.bench.load.PeerDialect;
import dev.vigil.bench.payload.SampleTemplate;
import dev.vigil.bench.ws.WsFrames;
import dev.vigil.protocol.Role;

/**
 * The bare forwarder: agents connect to {@code /agent} and send the sample bytes as text frames;
 * dashboards connect to {@code /dashboard} and receive them. No application handshake.
 */
public final class ForwarderDialect implements PeerDialect {
  /** Path agents connect to. */
  public static final String AGENT_PATH = "/agent";

  /** Path dashboards connect to. */
  public static final String DASHBOARD_PATH = "/dashboard";

  private static final byte[] NO_PREFIX = new byte[0];

  @Override
  public String name() {
    return "bare";
  }

  @Override
  public String path(Role role) {
    return role == Role.AGENT ? AGENT_PATH : DASHBOARD_PATH;
  }

  @Override
  public String subprotocol() {
    return null;
  }

  @Override
  public void onOpen(Peer peer) {
    peer.markReady();
  }

  @Override
  public void onMessage(Peer peer, int opcode, byte[] data, int off, int len) {
    peer.deliver(data, off, len);
  }

  @Override
  public void sendSample(Peer agent, SampleTemplate sample) {
    agent.send(WsFrames.OP_TEXT, NO_PREFIX, sample.bytes(), 0, sample.length());
  }

  @Override
  public void keepAlive(Peer peer, long nowNanos) {
    // Java-WebSocket pings at the WebSocket level; the engine answers those.
  }
}
