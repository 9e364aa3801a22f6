package dev.vigil.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.link.RelayAgentLink;
import dev.vigil.agent.spool.DiskSpool;
import dev.vigil.agent.testing.Tinyproxy;
import dev.vigil.agent.testing.Tinyproxy.Refusal;
import dev.vigil.link.RelayAddress;
import dev.vigil.link.Transport;
import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.Command;
import dev.vigil.protocol.CommandAction;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Snapshot;
import dev.vigil.server.Relay;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.support.NumberedEvents;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real agent link behind a strict HTTP proxy (Debian's tinyproxy refusing CONNECT tunnels, so
 * no WebSocket passes) falls back to HTTP: batched POSTs up, long-polls down; a real relay.
 */
@Timeout(60)
class AgentHttpFallbackTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String HOST = "host-http";
  private static final Duration HEARTBEAT = Duration.ofMillis(150);

  @TempDir Path tmp;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    executor.shutdownNow();
  }

  /** A relay acknowledging quiet streams within a second (six heartbeats of 150 ms). */
  private RelayConfig relayConfig() {
    return TestRelays.config(tmp.resolve("relay")).withHeartbeatInterval(HEARTBEAT);
  }

  private <T extends AutoCloseable> T closing(T resource) {
    open.add(resource);
    return resource;
  }

  private RelayAgentLink link(Relay relay, DiskSpool spool, Tinyproxy proxy) {
    RelayAgentLink link =
        closing(
            new RelayAgentLink(
                new RelayAddress(
                    URI.create("ws://127.0.0.1:" + relay.port()),
                    URI.create("http://127.0.0.1:" + relay.httpPort() + "/")),
                TestRelays.agentHello(HOST),
                spool,
                executor,
                new Backoff(20, 100, Math::random)));
    link.useProxy(Optional.of(proxy.address()));
    return link;
  }

  @Test
  void agentBehindAProxyRefusingWebSocketDeliversEveryEventOnceOverHttp() throws Exception {
    Relay relay = closing(Relay.start(relayConfig()));
    Tinyproxy proxy = closing(Tinyproxy.start(tmp, Set.of(Refusal.TUNNELS)));
    DiskSpool spool = closing(DiskSpool.open(tmp.resolve("buffer"), DiskSpool.DEFAULT_MAX_BYTES));
    RelayAgentLink link = link(relay, spool, proxy);
    link.start();

    assertThat(link.awaitWelcome(WAIT)).isTrue();
    assertThat(link.transport()).contains(Transport.LONG_POLL);
    for (long n = 1; n <= 200; n++) {
      assertThat(link.sendEvent(NumberedEvents.event(HOST, n))).isTrue();
    }
    TestRelays.awaitTrue(
        "the relay acknowledges all 200", () -> spool.acknowledgedSeq() == 200, WAIT);

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    Snapshot snapshot = dashboard.awaitMessage(Snapshot.class, WAIT);
    List<Long> numbers =
        snapshot.recentEvents().stream()
            .filter(e -> HOST.equals(e.hostId()))
            .map(NumberedEvents::numberOf)
            .toList();
    List<Long> expected = LongStream.rangeClosed(1, 200).boxed().toList();
    assertThat(numbers).containsExactlyElementsOf(expected);
    assertThat(proxy.log()).contains("/link");
  }

  @Test
  void agentOnTheHttpFallbackAnswersCommandsFromADashboard() throws Exception {
    Relay relay = closing(Relay.start(relayConfig()));
    Tinyproxy proxy = closing(Tinyproxy.start(tmp, Set.of(Refusal.TUNNELS)));
    DiskSpool spool = closing(DiskSpool.open(tmp.resolve("buffer"), DiskSpool.DEFAULT_MAX_BYTES));
    RelayAgentLink link = link(relay, spool, proxy);
    link.onCommand(command -> link.sendResult(Result.success(command.requestId())));
    link.start();
    assertThat(link.awaitWelcome(WAIT)).isTrue();

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    dashboard.awaitMessage(Snapshot.class, WAIT);
    dashboard.send(new Command("ping-1", HOST, CommandAction.PING, null));

    assertThat(dashboard.awaitMessage(Result.class, WAIT)).isEqualTo(Result.success("ping-1"));
  }

  @Test
  void agentMovesBackToWebSocketOnceItPassesAndLosesNothing() throws Exception {
    Relay relay = closing(Relay.start(relayConfig()));
    Tinyproxy proxy = closing(Tinyproxy.start(tmp, Set.of(Refusal.TUNNELS)));
    DiskSpool spool = closing(DiskSpool.open(tmp.resolve("buffer"), DiskSpool.DEFAULT_MAX_BYTES));
    RelayAgentLink link = link(relay, spool, proxy);
    link.setUpgradeProbeIntervalMs(200);
    link.start();
    assertThat(link.awaitWelcome(WAIT)).isTrue();
    assertThat(link.transport()).contains(Transport.LONG_POLL);
    for (long n = 1; n <= 50; n++) {
      link.sendEvent(NumberedEvents.event(HOST, n));
    }

    link.useProxy(Optional.empty()); // the network lets WebSocket through from now on
    TestRelays.awaitTrue(
        "the link moves to WebSocket",
        () -> link.transport().equals(Optional.of(Transport.WEBSOCKET)),
        WAIT);
    for (long n = 51; n <= 100; n++) {
      link.sendEvent(NumberedEvents.event(HOST, n));
    }
    TestRelays.awaitTrue(
        "the relay acknowledges all 100", () -> spool.acknowledgedSeq() == 100, WAIT);

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    List<Long> numbers =
        dashboard.awaitMessage(Snapshot.class, WAIT).recentEvents().stream()
            .filter(e -> HOST.equals(e.hostId()))
            .map(NumberedEvents::numberOf)
            .toList();
    List<Long> expected = LongStream.rangeClosed(1, 100).boxed().toList();
    assertThat(numbers).containsExactlyElementsOf(expected);
  }
}
