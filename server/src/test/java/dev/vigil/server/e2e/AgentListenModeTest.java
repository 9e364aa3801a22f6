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
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.InetSocketAddress;
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
 * The real agent link in listen mode, dialled by a real relay configured with {@code dialPeers}:
 * the agent still says hello, is acknowledged and shown like an agent that dialled.
 */
@Timeout(60)
class AgentListenModeTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration HEARTBEAT = Duration.ofMillis(150);
  private static final String HOST = "host-listen";

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

  private <T extends AutoCloseable> T closing(T resource) {
    open.add(resource);
    return resource;
  }

  private RelayAgentLink listeningLink(DiskSpool spool, List<String> allow) {
    RelayAgentLink link =
        closing(
            new RelayAgentLink(
                URI.create("ws://relay.invalid:8787"), // never dialled in listen mode
                TestRelays.agentHello(HOST),
                spool,
                executor,
                new Backoff(20, 100, Math::random)));
    link.listenOn(new InetSocketAddress("127.0.0.1", 0), allow);
    link.start();
    return link;
  }

  private Relay relayDialling(int port) throws Exception {
    RelayConfig config =
        TestRelays.config(tmp.resolve("relay"))
            .withHeartbeatInterval(HEARTBEAT)
            .withDialPeers(List.of(URI.create("ws://127.0.0.1:" + port + "/")));
    return closing(Relay.start(config));
  }

  private static DeviceEvent event(long n) {
    Device led =
        new Device("led:test", DeviceKind.LED, "test", Map.of("brightness", Long.toString(n)));
    return new DeviceEvent(HOST, 1_700_000_000_000L + n * 1000, EventKind.LED_CHANGED, led, null);
  }

  @Test
  void relayDialsAListeningAgentWhoseEventsArriveOnceAndAreAcknowledged() throws Exception {
    DiskSpool spool = closing(DiskSpool.open(tmp.resolve("buffer"), DiskSpool.DEFAULT_MAX_BYTES));
    RelayAgentLink link = listeningLink(spool, List.of("127.0.0.1"));
    for (long n = 1; n <= 10; n++) {
      link.sendEvent(event(n)); // buffered before any relay has dialled
    }
    Relay relay = relayDialling(link.listenPort());

    assertThat(link.awaitWelcome(WAIT)).isTrue();
    for (long n = 11; n <= 30; n++) {
      link.sendEvent(event(n));
    }
    TestRelays.awaitTrue(
        "the relay acknowledges all 30", () -> spool.acknowledgedSeq() == 30, WAIT);

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    List<Long> numbers =
        dashboard.awaitMessage(Snapshot.class, WAIT).recentEvents().stream()
            .filter(e -> HOST.equals(e.hostId()))
            .map(e -> Long.parseLong(e.device().attributes().get("brightness")))
            .toList();
    assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
  }

  @Test
  void listeningAgentRefusesARelayFromAnAddressNotAllowed() throws Exception {
    DiskSpool spool = closing(DiskSpool.open(tmp.resolve("buffer"), DiskSpool.DEFAULT_MAX_BYTES));
    // The hello carries the agent token: only the listed relay may dial in, and 127.0.0.1 is not.
    RelayAgentLink link = listeningLink(spool, List.of("192.0.2.7"));
    relayDialling(link.listenPort());

    // A bounded wait for something that must not happen; the relay redials several times in it.
    assertThat(link.awaitWelcome(Duration.ofSeconds(3))).isFalse();
  }
}
