package dev.vigil.server.e2e;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static dev.vigil.server.support.TestRelays.temperatureCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Command;
import dev.vigil.protocol.CommandAction;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Received;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.config.UpstreamConfig;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream mode on real relays: an agent connects to a site relay, which forwards its host to a
 * central relay; dashboards of the central relay see the host, its samples and events, and their
 * commands reach the agent through the site. Acknowledgements flow down: the agent is told it may
 * forget only what central holds.
 */
@Timeout(60)
class UpstreamRelayTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration HEARTBEAT = Duration.ofMillis(200);
  private static final String HOST = "site-host";
  private static final String EPOCH = "epoch-1";
  private static final String SITE = "plant-a";

  @TempDir Path tmp;
  private final List<AutoCloseable> open = new ArrayList<>();
  private Relay central;
  private Relay site;
  private ProtocolTestClient agent;

  @BeforeEach
  void startCentralSiteAndAgent() throws Exception {
    central = startCentral(0);
    site =
        start(
            TestRelays.config(tmp.resolve("site"))
                .withHeartbeatInterval(HEARTBEAT)
                .withUpstream(
                    new UpstreamConfig(
                        URI.create("ws://127.0.0.1:" + central.port() + "/"),
                        TestRelays.AGENT_TOKEN,
                        SITE)));
    agent =
        ProtocolTestClient.connect(
            site.port(),
            TestRelays.agentHello(HOST).withStreamEpoch(EPOCH).withSampleIntervalMs(1_000));
    open.add(agent::closeBlocking);
    agent.awaitMessage(Welcome.class, WAIT);
    agent.send(temperatureCatalog(HOST));
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private Relay startCentral(int port) throws Exception {
    return start(
        TestRelays.config(tmp.resolve("central")).withPort(port).withHeartbeatInterval(HEARTBEAT));
  }

  private Relay start(RelayConfig config) throws Exception {
    Relay relay = Relay.start(config);
    open.add(relay);
    return relay;
  }

  private ProtocolTestClient centralDashboard() throws InterruptedException {
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(central.port(), dashboardHello(ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    return dashboard;
  }

  private static HostStatus awaitHost(ProtocolTestClient dashboard, HostState state)
      throws InterruptedException {
    return dashboard.awaitMessage(
        HostStatus.class, s -> s.hostId().equals(HOST) && s.state() == state, WAIT);
  }

  /** Event number {@code n}: a LED whose brightness is n. */
  private static DeviceEvent event(long n) {
    Device led =
        new Device("led:test", DeviceKind.LED, "test", Map.of("brightness", Long.toString(n)));
    return new DeviceEvent(HOST, 1_700_000_000_000L + n * 1000, EventKind.LED_CHANGED, led, null);
  }

  private void sendEvents(long from, long to) {
    for (long n = from; n <= to; n++) {
      agent.send(new Envelope(Protocol.VERSION, n, event(n)));
    }
  }

  /** The numbers of the host's events central holds, oldest first, from a fresh snapshot. */
  private List<Long> eventsAtCentral() {
    try {
      ProtocolTestClient dashboard =
          ProtocolTestClient.connect(central.port(), dashboardHello(ALICE_TOKEN));
      try {
        return dashboard.awaitMessage(Snapshot.class, WAIT).recentEvents().stream()
            .filter(e -> HOST.equals(e.hostId()))
            .map(e -> Long.parseLong(e.device().attributes().get("brightness")))
            .toList();
      } finally {
        dashboard.closeBlocking();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static List<Long> numbers(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void centralDashboardSeesTheSiteHostWithItsSiteLabelAndLiveSamples() throws Exception {
    ProtocolTestClient dashboard = centralDashboard();
    dashboard.awaitMessage(Snapshot.class, WAIT);
    TestRelays.awaitTrue("the host at central", () -> !hostsAtCentral().isEmpty());

    agent.send(new Envelope(Protocol.VERSION, 1, TestRelays.sample(HOST, "test.temp", 41.5)));

    Sample live = dashboard.awaitMessage(Sample.class, s -> s.hostId().equals(HOST), WAIT);
    assertThat(live.values()).containsEntry("test.temp", 41.5);
    HostStatus status = hostsAtCentral().get(0);
    assertThat(status.labels()).containsEntry("site", SITE);
    assertThat(status.state()).isEqualTo(HostState.ONLINE);
    assertThat(status.name()).isEqualTo(HOST + "-name");
  }

  private List<HostStatus> hostsAtCentral() {
    try {
      ProtocolTestClient dashboard =
          ProtocolTestClient.connect(central.port(), dashboardHello(ALICE_TOKEN));
      try {
        return dashboard.awaitMessage(Snapshot.class, WAIT).hosts().stream()
            .map(h -> h.status())
            .filter(s -> s.hostId().equals(HOST))
            .toList();
      } finally {
        dashboard.closeBlocking();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void agentIsAcknowledgedOnlyUpToWhatCentralHoldsAndNothingIsLostWhileCentralIsDown()
      throws Exception {
    sendEvents(1, 5);
    agent.awaitMessage(Received.class, r -> r.upToSeq() == 5, WAIT);
    assertThat(eventsAtCentral()).containsExactlyElementsOf(numbers(1, 5));
    int port = central.port();

    central.close();
    sendEvents(6, 10);
    agent.sync(WAIT);
    // the site alone would acknowledge within 6 heartbeats (1.2 s); it must wait for central
    assertThatThrownBy(
            () -> agent.awaitMessage(Received.class, r -> r.upToSeq() > 5, Duration.ofSeconds(2)))
        .isInstanceOf(AssertionError.class);

    central = startCentral(port);
    // The site redials with full-jitter backoff (a uniform delay up to 0.5, 1, 2, 4 … 30 s), so
    // after an outage of a few seconds its next attempt may come as late as the cap.
    agent.awaitMessage(
        Received.class,
        r -> r.upToSeq() == 10,
        Duration.ofMillis(dev.vigil.protocol.Backoff.DEFAULT_CAP_MS).plus(WAIT));
    assertThat(eventsAtCentral()).containsExactlyElementsOf(numbers(6, 10));
  }

  @Test
  void pingCommandFromACentralDashboardReachesTheAgentThroughTheSite() throws Exception {
    ProtocolTestClient dashboard = centralDashboard();
    dashboard.awaitMessage(Snapshot.class, WAIT);
    TestRelays.awaitTrue("the host at central", () -> !hostsAtCentral().isEmpty());

    dashboard.send(new Command("r-1", HOST, CommandAction.PING, null));
    Command atAgent = agent.awaitMessage(Command.class, WAIT);
    agent.send(Result.success(atAgent.requestId()));

    Result result = dashboard.awaitMessage(Result.class, r -> r.requestId().equals("r-1"), WAIT);
    assertThat(result.ok()).isTrue();
    assertThat(atAgent.action()).isEqualTo(CommandAction.PING);
    assertThat(atAgent.requestId()).isNotEqualTo("r-1");
  }

  @Test
  void agentLeavingTheSiteTakesItsHostOfflineOnCentral() throws Exception {
    ProtocolTestClient dashboard = centralDashboard();
    dashboard.awaitMessage(Snapshot.class, WAIT);
    TestRelays.awaitTrue("the host at central", () -> !hostsAtCentral().isEmpty());

    agent.send(new Goodbye("maintenance"));

    HostStatus offline = awaitHost(dashboard, HostState.OFFLINE);
    assertThat(offline.reason()).isEqualTo("agent stopped (maintenance)");
  }

  @Test
  void agentLinkDroppingAtTheSiteShowsAsADroppedConnectionOnCentral() throws Exception {
    ProtocolTestClient dashboard = centralDashboard();
    dashboard.awaitMessage(Snapshot.class, WAIT);
    TestRelays.awaitTrue("the host at central", () -> !hostsAtCentral().isEmpty());

    agent.closeConnection(CloseCodes.ABNORMAL, "cable cut");

    HostStatus offline = awaitHost(dashboard, HostState.OFFLINE);
    assertThat(offline.reason()).startsWith("connection dropped");
  }

  @Test
  void sampleIntervalCommandFromCentralIsAnsweredByTheAgent() throws Exception {
    ProtocolTestClient dashboard = centralDashboard();
    dashboard.awaitMessage(Snapshot.class, WAIT);
    TestRelays.awaitTrue("the host at central", () -> !hostsAtCentral().isEmpty());

    dashboard.send(new Command("r-2", HOST, CommandAction.SET_SAMPLE_INTERVAL, 2_000L));
    Command atAgent = agent.awaitMessage(Command.class, WAIT);
    agent.send(Result.failure(atAgent.requestId(), "not today"));

    Result result = dashboard.awaitMessage(Result.class, r -> r.requestId().equals("r-2"), WAIT);
    assertThat(atAgent.intervalMs()).isEqualTo(2_000L);
    assertThat(result.ok()).isFalse();
    assertThat(result.error()).isEqualTo("not today");
  }

  @Test
  void stoppingTheSiteRelayTakesItsHostsOfflineOnCentral() throws Exception {
    ProtocolTestClient dashboard = centralDashboard();
    dashboard.awaitMessage(Snapshot.class, WAIT);
    TestRelays.awaitTrue("the host at central", () -> !hostsAtCentral().isEmpty());

    site.close();

    awaitHost(dashboard, HostState.OFFLINE);
  }
}
