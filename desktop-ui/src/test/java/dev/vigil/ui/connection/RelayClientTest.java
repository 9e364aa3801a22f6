package dev.vigil.ui.connection;

import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.Tinyproxy;
import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.Gap;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.Snapshot;
import dev.vigil.server.Relay;
import dev.vigil.server.support.TcpProxy;
import dev.vigil.ui.support.AgentTestClient;
import dev.vigil.ui.support.RecordingListener;
import dev.vigil.ui.support.RecordingRelay;
import dev.vigil.ui.support.TestRelays;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        .isEqualTo("token rejected: unknown operator token");
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
  void networkCutBetweenDashboardAndRelayLosesAndDuplicatesNothing() throws Exception {
    relay = TestRelays.start(dataDir);
    try (TcpProxy proxy = new TcpProxy(relay.port())) {
      client = clientFor(proxy.port(), TestRelays.OPERATOR_TOKEN, new Backoff(20, 50, () -> 1.0));
      client.start();
      listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS);
      AgentTestClient agent =
          AgentTestClient.connect(relay.port(), TestRelays.AGENT_TOKEN, "h1", "rack-01");
      try {
        agent.sendMessage(new SensorCatalog("h1", System.currentTimeMillis(), List.of(CPU_TEMP)));
        List<Double> seen = new ArrayList<>();
        List<Message> gaps = new ArrayList<>();
        sendSamples(agent, 1, 20);
        collectSamplesUpTo(20, seen, gaps);

        proxy.cut();
        listener.awaitPhase(ConnectionPhase.RECONNECTING, WAIT_MS);
        sendSamples(agent, 21, 40); // straight to the relay while the dashboard is cut off
        listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS);
        sendSamples(agent, 41, 60);
        collectSamplesUpTo(60, seen, gaps);

        List<Double> expected = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
          expected.add((double) i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(gaps).isEmpty();
      } finally {
        agent.closeBlocking();
      }
    }
  }

  private static void sendSamples(AgentTestClient agent, int from, int to) {
    for (int i = from; i <= to; i++) {
      agent.sendMessage(
          new Sample("h1", System.currentTimeMillis(), Map.of(CPU_TEMP.id(), (double) i)));
    }
  }

  /** Records every sample value and every gap until the sample with value {@code last}. */
  private void collectSamplesUpTo(int last, List<Double> values, List<Message> gaps)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (values.isEmpty() || values.get(values.size() - 1) < last) {
      RelayEvent event = listener.next(Math.max(1, deadline - System.currentTimeMillis()));
      if (event == null) {
        throw new AssertionError("samples stopped at " + values);
      }
      if (event instanceof RelayEvent.Received r && r.message() instanceof Sample s) {
        values.add(s.values().get(CPU_TEMP.id()));
      } else if (event instanceof RelayEvent.Received r && r.message() instanceof Gap) {
        gaps.add(r.message());
      }
    }
  }

  @Test
  void dashboardReachesTheRelayThroughAnHttpConnectProxy() throws Exception {
    relay = TestRelays.start(dataDir);
    try (Tinyproxy proxy = Tinyproxy.start(dataDir)) {
      client = clientFor(relay.port(), TestRelays.OPERATOR_TOKEN, new Backoff());
      client.useProxy(Optional.of(proxy.address()));
      client.start();

      listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS);
      listener.await(
          e -> e instanceof RelayEvent.Received r && r.message() instanceof Snapshot, WAIT_MS);
      assertThat(proxy.log()).contains("CONNECT").contains(":" + relay.port());
    }
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
