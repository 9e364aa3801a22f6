package dev.vigil.server.relay;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static dev.vigil.server.support.TestRelays.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.alert.AgentOfflineDetector;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats, stale and offline detection, and the agent-offline alert, on real sockets.
 *
 * <p>Two relays: one with a fast heartbeat for the timeout test, one with the default heartbeat for
 * the rest. An agent that stops on purpose says {@code bye} and the relay closes: a bare close
 * frame is not enough to tell "agent stopped" from "link lost", because Java-WebSocket may report
 * 1006 before it decodes the peer's close frame when TCP closes right behind it.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LivenessTest {
  private static final Duration HEARTBEAT = Duration.ofMillis(100);
  private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(150);
  private static final Duration OFFLINE_ALERT_AFTER = Duration.ofMillis(300);

  @TempDir static Path dataDir;
  private static Relay relay;
  private static Relay fastHeartbeatRelay;

  @BeforeAll
  static void startRelays() throws Exception {
    relay =
        Relay.start(
            TestRelays.config(dataDir.resolve("relay"))
                .withExpectedSampleInterval(SAMPLE_INTERVAL)
                .withOfflineAlertAfter(OFFLINE_ALERT_AFTER));
    fastHeartbeatRelay =
        Relay.start(
            TestRelays.config(dataDir.resolve("fast-heartbeat")).withHeartbeatInterval(HEARTBEAT));
  }

  @AfterAll
  static void stopRelays() {
    relay.close();
    fastHeartbeatRelay.close();
  }

  @Test
  void silentPeerIsClosedWithHeartbeatTimeoutAndHostGoesOfflineLinkLost() throws Exception {
    ProtocolTestClient dashboard = dashboard(fastHeartbeatRelay);
    ProtocolTestClient agent = agent(fastHeartbeatRelay, "quiet-1");
    awaitStatus(dashboard, "quiet-1", HostState.ONLINE);

    agent.stopAnsweringPings();

    assertThat(agent.awaitClose(WAIT).code()).isEqualTo(CloseCodes.HEARTBEAT_TIMEOUT);
    HostStatus offline = awaitStatus(dashboard, "quiet-1", HostState.OFFLINE);
    assertThat(offline.reason()).isEqualTo("link lost: no message for 300 ms");
  }

  @Test
  void deadPeerIsDetectedBetweenThreeAndFourHeartbeatIntervalsAfterItsLastMessage()
      throws Exception {
    ProtocolTestClient agent = agent(fastHeartbeatRelay, "quiet-2");
    agent.sync(WAIT);

    agent.stopAnsweringPings();
    long lastMessageNanos = System.nanoTime();
    agent.awaitClose(WAIT);
    long detectedMs = (System.nanoTime() - lastMessageNanos) / 1_000_000;

    // Silence over 3 intervals is judged at each heartbeat tick, one interval apart: the close
    // comes 3 to 4 intervals after the last message (plus scheduling slack on a busy machine). The
    // relay counts from its receipt of our ping, a little before the pong reached us: 20 ms slack.
    System.out.printf(
        "dead peer detected %d ms after its last message (heartbeat %d ms)%n",
        detectedMs, HEARTBEAT.toMillis());
    assertThat(detectedMs)
        .isGreaterThanOrEqualTo(3 * HEARTBEAT.toMillis() - 20)
        .isLessThan(6 * HEARTBEAT.toMillis());
  }

  @Test
  void agentSayingGoodbyeIsClosedNormallyAndOfflineWithAgentStopped() throws Exception {
    ProtocolTestClient dashboard = dashboard();
    ProtocolTestClient agent = agent("stop-1");
    awaitStatus(dashboard, "stop-1", HostState.ONLINE);

    agent.send(new Goodbye("service shutdown"));

    assertThat(agent.awaitClose(WAIT).code()).isEqualTo(CloseCodes.NORMAL);
    assertThat(awaitStatus(dashboard, "stop-1", HostState.OFFLINE).reason())
        .isEqualTo("agent stopped (service shutdown)");
  }

  @Test
  void droppedConnectionIsOfflineWithConnectionDropped() throws Exception {
    ProtocolTestClient dashboard = dashboard();
    ProtocolTestClient agent = agent("drop-1");
    awaitStatus(dashboard, "drop-1", HostState.ONLINE);

    agent.getSocket().close();

    assertThat(awaitStatus(dashboard, "drop-1", HostState.OFFLINE).reason())
        .startsWith("connection dropped");
  }

  @Test
  void agentOfflineAlertFiresAfterDelayNamingHostAndResolvesOnReconnect() throws Exception {
    ProtocolTestClient dashboard = dashboard();
    ProtocolTestClient agent = agent("gone-1");
    awaitStatus(dashboard, "gone-1", HostState.ONLINE);

    agent.send(new Goodbye(null));

    Alert firing = awaitOfflineAlert(dashboard, "gone-1", AlertState.FIRING);
    assertThat(firing.firingAtMs() - firing.startedAtMs())
        .isGreaterThanOrEqualTo(OFFLINE_ALERT_AFTER.toMillis());
    assertThat(firing.message()).contains("gone-1-name").contains("agent stopped");
    agent("gone-1");
    assertThat(awaitOfflineAlert(dashboard, "gone-1", AlertState.RESOLVED).id())
        .isEqualTo(firing.id());
  }

  @Test
  void hostWithoutSamplesGoesStaleAndBackOnlineOnNextSample() throws Exception {
    ProtocolTestClient dashboard = dashboard();
    ProtocolTestClient agent = agent("slow-1");
    awaitStatus(dashboard, "slow-1", HostState.ONLINE);

    HostStatus stale = awaitStatus(dashboard, "slow-1", HostState.STALE);
    agent.send(sample("slow-1", "test.temp", 20.0));

    assertThat(stale.reason()).isEqualTo("no sample for 450 ms");
    awaitStatus(dashboard, "slow-1", HostState.ONLINE);
  }

  @Test
  void hostThatDeclaresASlowerSampleIntervalGoesStaleOnlyAfterThreeOfIts() throws Exception {
    ProtocolTestClient dashboard = dashboard();
    ProtocolTestClient agent =
        ProtocolTestClient.connect(relay.port(), agentHello("slow-2").withSampleIntervalMs(400));
    agent.awaitMessage(Welcome.class, WAIT);
    awaitStatus(dashboard, "slow-2", HostState.ONLINE);

    HostStatus stale = awaitStatus(dashboard, "slow-2", HostState.STALE);

    assertThat(stale.reason()).isEqualTo("no sample for 1.2 s");
  }

  @Test
  void silentPeerIsPingedEveryInterval() throws Exception {
    ProtocolTestClient dashboard = dashboard(fastHeartbeatRelay);

    TestRelays.awaitTrue("two pings", () -> dashboard.pingsReceived() >= 2);
  }

  @Test
  void peerThatKeepsSendingIsNotPinged() throws Exception {
    ProtocolTestClient agent = agent(fastHeartbeatRelay, "chatty-1");
    long until = System.nanoTime() + HEARTBEAT.multipliedBy(6).toNanos();
    int sent = 0;
    while (System.nanoTime() < until) {
      agent.send(sample("chatty-1", "test.temp", 40.0));
      agent.sync(WAIT); // one round trip per sample: a message at least every few ms
      sent++;
    }

    assertThat(sent).isPositive();
    assertThat(agent.pingsReceived()).isZero();
  }

  @Test
  void relayAnswersPingWithPongEchoingIt() throws Exception {
    ProtocolTestClient dashboard = dashboard();

    dashboard.send(new Ping(42, 1234));

    Pong pong = dashboard.awaitMessage(Pong.class, WAIT);
    assertThat(pong).isEqualTo(new Pong(42, 1234));
  }

  private static ProtocolTestClient dashboard() throws InterruptedException {
    return dashboard(relay);
  }

  private static ProtocolTestClient dashboard(Relay target) throws InterruptedException {
    ProtocolTestClient client =
        ProtocolTestClient.connect(target.port(), dashboardHello(ALICE_TOKEN));
    client.awaitMessage(Snapshot.class, WAIT);
    return client;
  }

  private static ProtocolTestClient agent(String hostId) throws InterruptedException {
    return agent(relay, hostId);
  }

  private static ProtocolTestClient agent(Relay target, String hostId) throws InterruptedException {
    ProtocolTestClient client = ProtocolTestClient.connect(target.port(), agentHello(hostId));
    client.awaitMessage(Welcome.class, WAIT);
    return client;
  }

  private static HostStatus awaitStatus(ProtocolTestClient client, String hostId, HostState state)
      throws InterruptedException {
    return client.awaitMessage(
        HostStatus.class, s -> s.hostId().equals(hostId) && s.state() == state, WAIT);
  }

  private static Alert awaitOfflineAlert(ProtocolTestClient client, String hostId, AlertState state)
      throws InterruptedException {
    return client.awaitMessage(
        Alert.class,
        a ->
            a.hostId().equals(hostId)
                && a.ruleId().equals(AgentOfflineDetector.RULE_ID)
                && a.state() == state,
        WAIT);
  }
}
