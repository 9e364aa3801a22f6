package dev.vigil.bench.dialect;

import dev.vigil.bench.load.Peer;
import dev.vigil.bench.load.PeerDialect;
import dev.vigil.bench.mqtt.MqttException;
import dev.vigil.bench.mqtt.MqttPacketHandler;
import dev.vigil.bench.mqtt.MqttPackets;
import dev.vigil.bench.mqtt.MqttStreamDecoder;
import dev.vigil.bench.payload.BenchSensors;
import dev.vigil.bench.payload.SampleTemplate;
import dev.vigil.bench.ws.WsFrames;
import dev.vigil.protocol.Role;
import java.io.IOException;

/**
 * MQTT 3.1.1 over WebSocket (subprotocol {@code mqtt}, binary frames), as for Mosquitto: agents
 * CONNECT and PUBLISH each sample at QoS 0 to {@code agents/<host id>}; dashboards CONNECT and
 * SUBSCRIBE to {@code agents/#}. Idle connections send PINGREQ well inside the keep-alive.
 */
public final class MqttDialect implements PeerDialect {
  /** Keep-alive announced in CONNECT, in seconds. */
  public static final int KEEP_ALIVE_SECONDS = 60;

  /** A connection silent this long sends PINGREQ (a third of the keep-alive). */
  static final long PING_AFTER_NANOS = KEEP_ALIVE_SECONDS * 1_000_000_000L / 3;

  /** Topic prefix of agent samples. */
  public static final String TOPIC_PREFIX = "agents/";

  /** What every dashboard subscribes to. */
  public static final String ALL_AGENTS = "agents/#";

  private static final int SUBSCRIBE_PACKET_ID = 1;
  private static final byte[] PINGREQ = MqttPackets.pingreq();

  /** Per-connection state: the stream decoder and, for agents, the PUBLISH header. */
  private static final class State implements MqttPacketHandler {
    final Peer peer;
    final MqttStreamDecoder decoder = new MqttStreamDecoder();
    final byte[] publishHeader;

    State(Peer peer) {
      this.peer = peer;
      SampleTemplate sample = peer.sample();
      this.publishHeader =
          sample == null
              ? null
              : MqttPackets.publishHeader(
                  TOPIC_PREFIX + BenchSensors.hostId(peer.index()), sample.length());
    }

    @Override
    public void onPacket(int type, int flags, byte[] body, int offset, int length)
        throws MqttException {
      switch (type) {
        case MqttPackets.CONNACK -> {
          int code = MqttPackets.connackReturnCode(body, offset, length);
          if (code != MqttPackets.CONNECTION_ACCEPTED) {
            peer.fail("CONNACK refused with return code " + code);
          } else if (peer.role() == Role.AGENT) {
            peer.markReady();
          } else {
            peer.send(WsFrames.OP_BINARY, MqttPackets.subscribe(SUBSCRIBE_PACKET_ID, ALL_AGENTS));
          }
        }
        case MqttPackets.SUBACK -> {
          int code = MqttPackets.subackReturnCode(body, offset, length);
          if (code == MqttPackets.SUBSCRIPTION_FAILURE) {
            peer.fail("SUBACK refused the subscription to " + ALL_AGENTS);
          } else {
            peer.markReady();
          }
        }
        case MqttPackets.PUBLISH -> {
          int payload = MqttPackets.publishPayloadOffset(flags, body, offset, length);
          peer.deliver(body, payload, offset + length - payload);
        }
        case MqttPackets.PINGRESP -> {
          // keep-alive answered
        }
        default -> throw new MqttException("unexpected packet type " + type);
      }
    }
  }

  @Override
  public String name() {
    return "mosquitto";
  }

  @Override
  public String path(Role role) {
    return "/mqtt";
  }

  @Override
  public String subprotocol() {
    return "mqtt";
  }

  @Override
  public void onOpen(Peer peer) {
    peer.dialectState(new State(peer));
    String clientId =
        peer.role() == Role.AGENT
            ? BenchSensors.hostId(peer.index())
            : "bench-dashboard-" + peer.index();
    peer.send(WsFrames.OP_BINARY, MqttPackets.connect(clientId, KEEP_ALIVE_SECONDS));
  }

  @Override
  public void onMessage(Peer peer, int opcode, byte[] data, int off, int len) throws IOException {
    if (opcode != WsFrames.OP_BINARY) {
      throw new IOException("broker sent a non-binary frame, opcode " + opcode);
    }
    State state = (State) peer.dialectState();
    state.decoder.feed(data, off, len, state);
  }

  @Override
  public void sendSample(Peer agent, SampleTemplate sample) {
    State state = (State) agent.dialectState();
    agent.send(WsFrames.OP_BINARY, state.publishHeader, sample.bytes(), 0, sample.length());
  }

  @Override
  public void keepAlive(Peer peer, long nowNanos) {
    if (nowNanos - peer.lastSendNanos() > PING_AFTER_NANOS) {
      peer.send(WsFrames.OP_BINARY, PINGREQ);
    }
  }
}
