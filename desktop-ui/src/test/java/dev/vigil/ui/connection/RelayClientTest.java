package dev.vigil.ui.connection;

import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.Snapshot;
import dev.vigil.server.Relay;
import dev.vigil.ui.support.AgentTestClient;
import dev.vigil.ui.support.RecordingListener;
import dev.vigil.ui.support.RecordingRelay;
import dev.vigil.ui.support.TestRelays;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The relay client against a real relay on a free port. */
@Timeout(30)
class RelayClientTest {
  private static final long WAIT_MS = 10_000;

  @TempDir Path dataDir;
  private final RecordingListener listener = new RecordingListener();
  private Relay relay;
  private RelayClient client;
  private RecordingRelay recordingRelay;

  @AfterEach
  void stop() throws InterruptedException {
    if (client != null) {
      client.close();
    }
    if (relay != null) {
      relay.close();
    }
    if (recordingRelay != null) {
      recordingRelay.stop(1_000);
    }
  }

  @Test
  void connectsWithTheOperatorTokenAndReceivesASnapshot() throws Exception {
    relay = TestRelays.start(dataDir);
    client = clientFor(relay.port(), TestRelays.OPERATOR_TOKEN, new Backoff());
    client.start();

    assertThat(listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS).detail()).isNotBlank();
    listener.await(
        e -> e instanceof RelayEvent.Received r && r.message() instanceof Snapshot, WAIT_MS);
  }

  @Test
  void agentSamplesArriveLive() throws Exception {
    relay = TestRelays.start(dataDir);
    client = clientFor(relay.port(), TestRelays.OPERATOR_TOKEN, new Backoff());
    client.start();
    listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS);
    AgentTestClient agent =
        AgentTestClient.connect(relay.port(), TestRelays.AGENT_TOKEN, "h1", "rack-01");
    try {
      agent.sendMessage(new SensorCatalog("h1", System.currentTimeMillis(), List.of(CPU_TEMP)));
      agent.sendMessage(new Sample("h1", System.currentTimeMillis(), Map.of(CPU_TEMP.id(), 63.5)));

      RelayEvent event =
          listener.await(
              e -> e instanceof RelayEvent.Received r && r.message() instanceof Sample, WAIT_MS);
      Sample sample = (Sample) ((RelayEvent.Received) event).message();
      assertThat(sample.values()).containsEntry(CPU_TEMP.id(), 63.5);
    } finally {
      agent.closeBlocking();
    }
  }

  @Test
  void wrongTokenFailsWithTokenRejectedAndDoesNotRetry() throws Exception {
    relay = TestRelays.start(dataDir);
    client = clientFor(relay.port(), "not-the-token", new Backoff(10, 20, () -> 0.5));
    client.start();

    assertThat(listener.awaitPhase(ConnectionPhase.FAILED, WAIT_MS).detail())
        .isEqualTo("token rejected");
    assertThat(listener.next(1_000)).isNull();
  }

  @Test
  void relayShutdownMakesItReconnectWithBackoff() throws Exception {
    relay = TestRelays.start(dataDir);
    int port = relay.port();
    client = clientFor(port, TestRelays.OPERATOR_TOKEN, new Backoff(50, 100, () -> 1.0));
    client.start();
    listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS);

    relay.close();
    relay = null;

    ConnectionStatus lost = listener.awaitPhase(ConnectionPhase.RECONNECTING, WAIT_MS);
    assertThat(lost.detail()).isEqualTo("relay shutting down");
    assertThat(lost.reconnectAtMs()).isGreaterThan(0);
    listener.awaitPhase(ConnectionPhase.CONNECTING, WAIT_MS);
    assertThat(listener.awaitPhase(ConnectionPhase.RECONNECTING, WAIT_MS).detail())
        .startsWith("cannot reach relay");
  }

  @Test
  void measuresRoundTripTimeWithItsOwnPings() throws Exception {
    relay = TestRelays.start(dataDir);
    client = clientFor(relay.port(), TestRelays.OPERATOR_TOKEN, new Backoff());
    client.start();

    RelayEvent rtt =
        listener.await(e -> e instanceof RelayEvent.RoundTrip, RelayClient.PING_INTERVAL_MS * 3);
    assertThat(((RelayEvent.RoundTrip) rtt).roundTripMs()).isBetween(0L, 1_000L);
  }

  @Test
  void closeSaysGoodbyeAndLetsTheRelayCloseTheLink() throws Exception {
    recordingRelay = RecordingRelay.listen();
    client = clientFor(recordingRelay.getPort(), TestRelays.OPERATOR_TOKEN, new Backoff());
    client.start();
    listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS);
    assertThat(nextMessage()).isInstanceOf(Hello.class);

    client.close();
    client = null;

    assertThat(nextMessageOtherThan(Ping.class)).isEqualTo(new Goodbye(RelayClient.GOODBYE_REASON));
    assertThat(recordingRelay.next(WAIT_MS))
        .isEqualTo(new RecordingRelay.Closed(CloseFrame.NORMAL, true));
  }

  @Test
  void sendReportsFalseWhileNotConnected() {
    client = clientFor(1, TestRelays.OPERATOR_TOKEN, new Backoff());

    assertThat(client.send(new Ping(1, 1))).isFalse();
  }

  private Message nextMessage() throws InterruptedException {
    RecordingRelay.Seen seen = recordingRelay.next(WAIT_MS);
    assertThat(seen).isInstanceOf(RecordingRelay.Received.class);
    return ((RecordingRelay.Received) seen).message();
  }

  private Message nextMessageOtherThan(Class<? extends Message> skipped)
      throws InterruptedException {
    Message message = nextMessage();
    while (skipped.isInstance(message)) {
      message = nextMessage();
    }
    return message;
  }

  private RelayClient clientFor(int port, String token, Backoff backoff) {
    RelayEndpoint endpoint =
        new RelayEndpoint(URI.create("ws://localhost:" + port), token, "dash-test", "tester");
    return new RelayClient(endpoint, listener, Clock.systemUTC(), backoff);
  }
}
