package dev.vigil.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.link.RelayAgentLink;
import dev.vigil.agent.spool.DiskSpool;
import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Snapshot;
import dev.vigil.server.Relay;
import dev.vigil.server.config.UpstreamConfig;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store and forward through a site relay, with the real agent link and its on-disk buffer: the
 * agent forgets only what the central relay acknowledged, so a site relay that restarts while
 * central is away loses nothing, and central receives every message exactly once.
 */
@Timeout(60)
class UpstreamStoreAndForwardTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration HEARTBEAT = Duration.ofMillis(200);
  private static final String HOST = "host-upstream-saf";

  @TempDir Path tmp;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "test-agent-link");
            t.setDaemon(true);
            return t;
          });

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    executor.shutdownNow();
  }

  private Relay central(int port) throws Exception {
    Relay relay =
        Relay.start(
            TestRelays.config(tmp.resolve("central"))
                .withPort(port)
                .withHeartbeatInterval(HEARTBEAT));
    open.add(relay);
    return relay;
  }

  private Relay site(int port, int centralPort) throws Exception {
    Relay relay =
        Relay.start(
            TestRelays.config(tmp.resolve("site"))
                .withPort(port)
                .withHeartbeatInterval(HEARTBEAT)
                .withUpstream(
                    new UpstreamConfig(
                        URI.create("ws://127.0.0.1:" + centralPort + "/"),
                        TestRelays.AGENT_TOKEN,
                        "plant-b")));
    open.add(relay);
    return relay;
  }

  /** Event number {@code n}: a LED whose brightness is n. */
  private static DeviceEvent event(long n) {
    Device led =
        new Device("led:test", DeviceKind.LED, "test", Map.of("brightness", Long.toString(n)));
    return new DeviceEvent(HOST, 1_700_000_000_000L + n * 1000, EventKind.LED_CHANGED, led, null);
  }

  private static List<Long> eventsIn(Snapshot snapshot) {
    return snapshot.recentEvents().stream()
        .filter(e -> HOST.equals(e.hostId()))
        .map(e -> Long.parseLong(e.device().attributes().get("brightness")))
        .toList();
  }

  private Snapshot snapshot(int port) throws Exception {
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(port, TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    return dashboard.awaitMessage(Snapshot.class, WAIT);
  }

  @Test
  void siteRestartWhileCentralIsDownLosesNothingAndCentralGetsEachEventOnce() throws Exception {
    Relay firstCentral = central(0);
    int centralPort = firstCentral.port();
    Relay firstSite = site(0, centralPort);
    int sitePort = firstSite.port();
    DiskSpool spool = DiskSpool.open(tmp.resolve("agent-buffer"), DiskSpool.DEFAULT_MAX_BYTES);
    open.add(spool);
    RelayAgentLink link =
        new RelayAgentLink(
            URI.create("ws://127.0.0.1:" + sitePort),
            TestRelays.agentHello(HOST),
            spool,
            executor,
            new Backoff(20, 200, Math::random));
    open.add(link);
    link.start();
    assertThat(link.awaitWelcome(WAIT)).isTrue();
    for (long n = 1; n <= 5; n++) {
      link.sendEvent(event(n));
    }
    TestRelays.awaitTrue(
        "central's acknowledgement of #5 reaches the agent", () -> spool.acknowledgedSeq() == 5);

    firstCentral.close();
    for (long n = 6; n <= 10; n++) {
      link.sendEvent(event(n));
    }
    firstSite.close();
    TestRelays.awaitTrue("the agent notices the site is gone", () -> !link.isConnected());
    assertThat(spool.acknowledgedSeq()).isEqualTo(5);
    assertThat(spool.pendingCount()).isEqualTo(5);

    central(centralPort);
    site(sitePort, centralPort);

    TestRelays.awaitTrue(
        "central's acknowledgement of #10 reaches the agent",
        () -> spool.pendingCount() == 0,
        WAIT);
    assertThat(eventsIn(snapshot(centralPort)))
        .containsExactlyElementsOf(LongStream.rangeClosed(6, 10).boxed().toList());
  }
}
