package dev.vigil.server.relay;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Received;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay's side of an agent's numbered stream on real sockets: it tells a reconnecting agent how
 * far it holds the stream, drops numbers it already holds, and acknowledges.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AgentStreamTest {
  private static final String HOST = "host-stream";
  private static final Duration HEARTBEAT = Duration.ofMillis(200);

  @TempDir Path dataDir;
  private Relay relay;

  @BeforeEach
  void startRelay() throws Exception {
    relay = Relay.start(TestRelays.config(dataDir).withHeartbeatInterval(HEARTBEAT));
  }

  @AfterEach
  void stopRelay() {
    relay.close();
  }

  private static Hello hello(String epoch) {
    return agentHello(HOST).withStreamEpoch(epoch);
  }

  private static Envelope event(long seq, long n) {
    Device led = new Device("led:x", DeviceKind.LED, "x", Map.of("n", Long.toString(n)));
    return new Envelope(
        Protocol.VERSION, seq, new DeviceEvent(HOST, 1000 + n, EventKind.LED_CHANGED, led, null));
  }

  private ProtocolTestClient agent(String epoch) throws Exception {
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), hello(epoch));
    agent.awaitMessage(Welcome.class, WAIT);
    return agent;
  }

  @Test
  void relayDropsAMessageNumberItAlreadyHolds() throws Exception {
    ProtocolTestClient agent = agent("e1");
    agent.send(event(1, 1));
    agent.send(event(2, 2));
    agent.send(event(2, 2)); // a resend after a lost acknowledgement
    agent.send(event(1, 1));
    agent.send(event(3, 3));
    agent.sync(WAIT);

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    Snapshot snapshot = dashboard.awaitMessage(Snapshot.class, WAIT);

    assertThat(snapshot.recentEvents())
        .extracting(e -> e.device().attributes().get("n"))
        .containsExactly("1", "2", "3");
    agent.close();
    dashboard.close();
  }

  @Test
  void welcomeTellsAReconnectingAgentTheHighestNumberHeldInItsEpoch() throws Exception {
    ProtocolTestClient first = agent("e1");
    first.send(event(1, 1));
    first.send(event(2, 2));
    first.sync(WAIT);
    first.closeBlocking();

    ProtocolTestClient again = ProtocolTestClient.connect(relay.port(), hello("e1"));
    Welcome welcome = again.awaitMessage(Welcome.class, WAIT);

    assertThat(welcome.receivedSeq()).isEqualTo(2L);
    again.close();
  }

  @Test
  void newEpochStartsTheStreamAfresh() throws Exception {
    ProtocolTestClient first = agent("e1");
    first.send(event(5, 5));
    first.sync(WAIT);
    first.closeBlocking();

    ProtocolTestClient fresh = ProtocolTestClient.connect(relay.port(), hello("e2"));
    Welcome welcome = fresh.awaitMessage(Welcome.class, WAIT);
    fresh.send(event(1, 6)); // number 1 again, in the new epoch: not a duplicate
    fresh.sync(WAIT);

    assertThat(welcome.receivedSeq()).isZero();
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    assertThat(dashboard.awaitMessage(Snapshot.class, WAIT).recentEvents())
        .extracting(e -> e.device().attributes().get("n"))
        .containsExactly("5", "6");
    fresh.close();
    dashboard.close();
  }

  @Test
  void relayAcknowledgesAStreamThatWentQuiet() throws Exception {
    ProtocolTestClient agent = agent("e1");
    agent.send(event(1, 1));
    agent.send(event(2, 2));

    Received received = agent.awaitMessage(Received.class, r -> r.upToSeq() == 2, WAIT);

    assertThat(received.streamEpoch()).isEqualTo("e1");
    agent.close();
  }

  @Test
  void agentWithoutAnEpochGetsNoStreamPositionInItsWelcome() throws Exception {
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello(HOST));

    assertThat(agent.awaitMessage(Welcome.class, WAIT).receivedSeq()).isNull();
    agent.close();
  }
}
