package dev.vigil.bench.dialect;

import dev.vigil.bench.load.Peer;
import dev.vigil.bench.load.PeerDialect;
import dev.vigil.bench.payload.BenchSensors;
import dev.vigil.bench.payload.SampleTemplate;
import dev.vigil.bench.ws.WsFrames;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Vigil protocol, as a real agent and dashboard speak it: {@code hello} (agents as simulated
 * hosts {@code bench-<i>}), {@code catalog} after the agent's {@code welcome}, samples, and a
 * {@code pong} for every {@code ping}. Control messages go through the protocol's own {@link
 * MessageCodec}; samples use the pre-encoded {@link SampleTemplate}, checked against the codec once
 * at start-up.
 */
public final class VigilDialect implements PeerDialect {
  /** Software version the simulated peers report. */
  static final String SOFTWARE_VERSION = "bench";

  private static final byte[] PING_PREFIX = prefix("ping");
  private static final byte[] WELCOME_PREFIX = prefix("welcome");
  private static final byte[] ERROR_PREFIX = prefix("error");
  private static final byte[] RECEIVED_PREFIX = prefix("received");

  /**
   * Epoch of every simulated agent's numbered stream: samples carry sequence numbers, so the relay
   * de-duplicates and acknowledges them as it does for a real agent's store-and-forward buffer.
   */
  static final String STREAM_EPOCH = "bench";

  private final MessageCodec codec = MessageCodec.forRelayMessages();
  private final String agentToken;
  private final String operatorToken;
  private final boolean catalogAfterWelcome;

  /** Peers as in production: agents send their catalog after {@code welcome}. */
  public VigilDialect(String agentToken, String operatorToken) {
    this(agentToken, operatorToken, true);
  }

  private VigilDialect(String agentToken, String operatorToken, boolean catalogAfterWelcome) {
    this.agentToken = agentToken;
    this.operatorToken = operatorToken;
    this.catalogAfterWelcome = catalogAfterWelcome;
    String sample = SampleTemplate.forAgent(0).toString();
    DecodeResult check = codec.decode(sample);
    if (!(check instanceof DecodeResult.Decoded)) {
      throw new IllegalStateException("sample template is not a valid message: " + check);
    }
  }

  /** Idle agents: {@code hello} and pongs only, no catalog, for the per-connection memory test. */
  public static VigilDialect idleAgents(String agentToken) {
    return new VigilDialect(agentToken, "", false);
  }

  private static byte[] prefix(String type) {
    return ("{\"v\":1,\"type\":\"" + type + "\"").getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String name() {
    return "vigil";
  }

  @Override
  public String path(Role role) {
    return "/";
  }

  @Override
  public String subprotocol() {
    return null;
  }

  @Override
  public void onOpen(Peer peer) {
    boolean agent = peer.role() == Role.AGENT;
    String peerId = agent ? BenchSensors.hostId(peer.index()) : "bench-dashboard-" + peer.index();
    Hello hello =
        new Hello(
            peer.role(),
            agent ? agentToken : operatorToken,
            peerId,
            peerId,
            SOFTWARE_VERSION,
            Map.of(),
            true,
            null,
            agent ? STREAM_EPOCH : null,
            null,
            null);
    sendText(peer, codec.encode(hello));
  }

  @Override
  public void onMessage(Peer peer, int opcode, byte[] data, int off, int len) throws IOException {
    if (opcode != WsFrames.OP_TEXT) {
      throw new IOException("relay sent a non-text frame, opcode " + opcode);
    }
    if (startsWith(data, off, len, PING_PREFIX)) {
      DecodeResult result = codec.decode(new String(data, off, len, StandardCharsets.UTF_8));
      if (result instanceof DecodeResult.Decoded decoded
          && decoded.envelope().body() instanceof Ping ping) {
        sendText(peer, codec.encode(new Pong(ping.nonce(), ping.sentAtMs())));
        return;
      }
      throw new IOException("undecodable ping: " + result);
    }
    if (startsWith(data, off, len, WELCOME_PREFIX)) {
      if (peer.role() == Role.AGENT && catalogAfterWelcome) {
        sendText(
            peer, codec.encode(BenchSensors.catalog(peer.index(), System.currentTimeMillis())));
      }
      peer.markReady();
      return;
    }
    if (peer.role() == Role.AGENT && startsWith(data, off, len, RECEIVED_PREFIX)) {
      return; // the relay's acknowledgement of the stream: nothing is buffered here to drop
    }
    if (startsWith(data, off, len, ERROR_PREFIX)) {
      peer.fail("relay error " + new String(data, off, len, StandardCharsets.UTF_8));
      return;
    }
    peer.deliver(data, off, len);
  }

  @Override
  public void sendSample(Peer agent, SampleTemplate sample) {
    agent.send(WsFrames.OP_TEXT, new byte[0], sample.bytes(), 0, sample.length());
  }

  @Override
  public void keepAlive(Peer peer, long nowNanos) {
    // The relay pings every peer and every pong counts as traffic: nothing to add.
  }

  private static void sendText(Peer peer, String json) {
    peer.send(WsFrames.OP_TEXT, json.getBytes(StandardCharsets.UTF_8));
  }

  static boolean startsWith(byte[] data, int off, int len, byte[] prefix) {
    if (len < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[off + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
