package dev.vigil.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.link.RelayAgentLink;
import dev.vigil.agent.spool.DiskSpool;
import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.Command;
import dev.vigil.protocol.CommandAction;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Snapshot;
import dev.vigil.server.Relay;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.support.NumberedEvents;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
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
    return relayDialling(port, "relay");
  }

  private Relay relayDialling(int port, String name) throws Exception {
    RelayConfig config =
        TestRelays.config(tmp.resolve(name))
            .withHeartbeatInterval(HEARTBEAT)
            .withDialPeers(List.of(URI.create("ws://127.0.0.1:" + port + "/")));
    return closing(Relay.start(config));
  }

  @Test
  void relayDialsAListeningAgentWhoseEventsArriveOnceAndAreAcknowledged() throws Exception {
    DiskSpool spool = closing(DiskSpool.open(tmp.resolve("buffer"), DiskSpool.DEFAULT_MAX_BYTES));
    RelayAgentLink link = listeningLink(spool, List.of("127.0.0.1"));
    for (long n = 1; n <= 10; n++) {
      link.sendEvent(NumberedEvents.event(HOST, n)); // buffered before any relay has dialled
    }
    Relay relay = relayDialling(link.listenPort());

    assertThat(link.awaitWelcome(WAIT)).isTrue();
    for (long n = 11; n <= 30; n++) {
      link.sendEvent(NumberedEvents.event(HOST, n));
    }
    TestRelays.awaitTrue(
        "the relay acknowledges all 30", () -> spool.acknowledgedSeq() == 30, WAIT);

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    List<Long> numbers =
        dashboard.awaitMessage(Snapshot.class, WAIT).recentEvents().stream()
            .filter(e -> HOST.equals(e.hostId()))
            .map(NumberedEvents::numberOf)
            .toList();
    assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
  }

  @Test
  void aDashboardCommandReachesAListeningAgentOverTheLinkTheRelayDialled() throws Exception {
    DiskSpool spool = closing(DiskSpool.open(tmp.resolve("buffer"), DiskSpool.DEFAULT_MAX_BYTES));
    RelayAgentLink link = listeningLink(spool, List.of("127.0.0.1"));
    link.onCommand(command -> link.sendResult(Result.success(command.requestId())));
    Relay relay = relayDialling(link.listenPort());
    assertThat(link.awaitWelcome(WAIT)).isTrue();

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    dashboard.awaitMessage(Snapshot.class, WAIT);
    dashboard.send(new Command("ping-1", HOST, CommandAction.PING, null));

    assertThat(dashboard.awaitMessage(Result.class, WAIT)).isEqualTo(Result.success("ping-1"));
  }

  @Test
  void listeningAgentRefusesAConnectionFromAnAddressNotAllowedBeforeSayingHello() throws Exception {
    DiskSpool spool = closing(DiskSpool.open(tmp.resolve("buffer"), DiskSpool.DEFAULT_MAX_BYTES));
    // The hello carries the agent token: only the listed relay may dial in, and 127.0.0.1 is not.
    RelayAgentLink link = listeningLink(spool, List.of("192.0.2.7"));
    RawClient stranger = new RawClient(link.listenPort());

    assertThat(stranger.connectBlocking(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
    assertThat(stranger.closed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    assertThat(stranger.closeCode).isNotEqualTo(CloseFrame.NORMAL);
    assertThat(stranger.texts).isEmpty();
  }

  @Test
  void aNewerDialInReplacesTheOlderLinkAndTheAgentGoesOn() throws Exception {
    DiskSpool spool = closing(DiskSpool.open(tmp.resolve("buffer"), DiskSpool.DEFAULT_MAX_BYTES));
    RelayAgentLink link = listeningLink(spool, List.of("127.0.0.1"));
    relayDialling(link.listenPort(), "first");
    assertThat(link.awaitWelcome(WAIT)).isTrue();

    // Another dial-in while the first link is up (as after a relay restart over a half-open
    // connection): the newest connection becomes the link, and the agent goes on over it.
    Relay second = relayDialling(link.listenPort(), "second");
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(
            second.port(), TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    boolean online =
        dashboard.awaitMessage(Snapshot.class, WAIT).hosts().stream()
            .anyMatch(
                h -> HOST.equals(h.status().hostId()) && h.status().state() == HostState.ONLINE);
    if (!online) {
      dashboard.awaitMessage(
          HostStatus.class, h -> HOST.equals(h.hostId()) && h.state() == HostState.ONLINE, WAIT);
    }
    for (long n = 1; n <= 5; n++) {
      link.sendEvent(NumberedEvents.event(HOST, n));
    }

    for (long n = 1; n <= 5; n++) {
      long expected = n;
      DeviceEvent seen =
          dashboard.awaitMessage(
              DeviceEvent.class, e -> NumberedEvents.numberOf(e) == expected, WAIT);
      assertThat(seen.hostId()).isEqualTo(HOST);
    }
    assertThat(link.failure()).isEmpty();
  }

  /** A bare WebSocket client standing in for a relay, or for a stranger. */
  private static final class RawClient extends WebSocketClient {
    final List<String> texts = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile int closeCode;

    RawClient(int port) {
      super(URI.create("ws://127.0.0.1:" + port + "/"));
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
      texts.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      closeCode = code;
      closed.countDown();
    }

    @Override
    public void onError(Exception ex) {}
  }
}
