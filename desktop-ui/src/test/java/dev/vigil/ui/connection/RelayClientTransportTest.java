package dev.vigil.ui.connection;

import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.Tinyproxy;
import dev.vigil.agent.testing.Tinyproxy.Refusal;
import dev.vigil.link.Transport;
import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.Gap;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.server.Relay;
import dev.vigil.ui.support.AgentTestClient;
import dev.vigil.ui.support.RecordingListener;
import dev.vigil.ui.support.TestRelays;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's transport ladder against a real relay, through a real strict HTTP proxy (Debian's
 * tinyproxy) that refuses WebSocket tunnels and, in one case, event streams too.
 */
@Timeout(60)
class RelayClientTransportTest {
  private static final long WAIT_MS = 20_000;
  private static final long FAST_PROBE_MS = 300;
  private static final long FAST_WELCOME_MS = 1_000;

  @TempDir Path dataDir;
  private final RecordingListener listener = new RecordingListener();
  private Relay relay;
  private RelayClient client;
  private AgentTestClient agent;

  @AfterEach
  void stop() throws InterruptedException {
    if (client != null) {
      client.close();
    }
    if (agent != null) {
      agent.closeBlocking();
    }
    if (relay != null) {
      relay.close();
    }
  }

  @Test
  void fallsBackToServerSentEventsWhenTheProxyRefusesWebSocketAndStaysLive() throws Exception {
    relay = TestRelays.start(dataDir);
    try (Tinyproxy proxy = Tinyproxy.start(dataDir, Set.of(Refusal.TUNNELS))) {
      client = clientFor(relay.port(), relay.httpPort());
      client.useProxy(Optional.of(proxy.address()));
      client.start();

      ConnectionStatus connected = listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS);
      assertThat(connected.transport()).isEqualTo(Transport.SSE);
      assertThat(connected.onFallback()).isTrue();
      assertLiveWithoutGap(1, 30);
      assertThat(proxy.log()).contains("/events");
    }
  }

  @Test
  void fallsBackToLongPollingWhenTheProxyRefusesEventStreamsToo() throws Exception {
    relay = TestRelays.start(dataDir);
    try (Tinyproxy proxy =
        Tinyproxy.start(dataDir, Set.of(Refusal.TUNNELS, Refusal.EVENT_STREAMS))) {
      client = clientFor(relay.port(), relay.httpPort());
      client.useProxy(Optional.of(proxy.address()));
      client.start();

      ConnectionStatus connected = listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS);
      assertThat(connected.transport()).isEqualTo(Transport.LONG_POLL);
      assertLiveWithoutGap(1, 30);
    }
  }

  @Test
  void givesAProxyThatAsksForCredentialsTheOnesItsSettingNamed() throws Exception {
    relay = TestRelays.start(dataDir);
    try (Tinyproxy proxy = Tinyproxy.start(dataDir, Set.of(), "ops", "s3cret")) {
      client = clientFor(relay.port(), relay.httpPort());
      client.useHttpProxy(
          new dev.vigil.protocol.ProxySettings.HttpProxy(proxy.address(), "ops", "s3cret"));
      client.start();

      assertThat(listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS).transport())
          .isEqualTo(Transport.WEBSOCKET);
      assertLiveWithoutGap(1, 10);
      assertThat(proxy.log()).contains("CONNECT");
    }
  }

  @Test
  void aProxyAskingForCredentialsTurnsAwayADashboardWithoutThem() throws Exception {
    relay = TestRelays.start(dataDir);
    try (Tinyproxy proxy = Tinyproxy.start(dataDir, Set.of(), "ops", "s3cret")) {
      client = clientFor(relay.port(), relay.httpPort());
      client.useProxy(Optional.of(proxy.address()));
      client.start();

      RelayEvent refused =
          listener.await(
              e ->
                  e instanceof RelayEvent.StatusChanged s
                      && s.status().phase() == ConnectionPhase.RECONNECTING
                      && s.status().detail().contains("407"),
              WAIT_MS);
      assertThat(refused).isNotNull();
    }
  }

  @Test
  void authenticatesToTheProxyOverServerSentEventsToo() throws Exception {
    relay = TestRelays.start(dataDir);
    try (Tinyproxy proxy = Tinyproxy.start(dataDir, Set.of(Refusal.TUNNELS), "ops", "s3cret")) {
      client = clientFor(relay.port(), relay.httpPort());
      client.useHttpProxy(
          new dev.vigil.protocol.ProxySettings.HttpProxy(proxy.address(), "ops", "s3cret"));
      client.start();

      assertThat(listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS).transport())
          .isEqualTo(Transport.SSE);
      assertLiveWithoutGap(1, 10);
    }
  }

  @Test
  void webSocketThatNeverMakesTheRoundTripDoesNotCount() throws Exception {
    relay = TestRelays.start(dataDir);
    SilentServer silent = new SilentServer();
    silent.start();
    try {
      // The WebSocket upgrade succeeds but nothing ever comes back: like a proxy that buffers.
      client = clientFor(silent.awaitPort(), relay.httpPort());
      client.start();

      ConnectionStatus connected = listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS);
      assertThat(connected.transport()).isEqualTo(Transport.SSE);
    } finally {
      silent.stop(1_000);
    }
  }

  @Test
  void movesBackToWebSocketOnceItWorksWithoutGapOrDuplicate() throws Exception {
    relay = TestRelays.start(dataDir);
    try (Tinyproxy proxy = Tinyproxy.start(dataDir, Set.of(Refusal.TUNNELS))) {
      client = clientFor(relay.port(), relay.httpPort());
      client.useProxy(Optional.of(proxy.address()));
      client.start();
      assertThat(listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS).transport())
          .isEqualTo(Transport.SSE);
      startAgent();
      List<Double> seen = new ArrayList<>();
      List<Message> gaps = new ArrayList<>();
      sendSamples(1, 20);
      collectSamplesUpTo(20, seen, gaps);

      client.useProxy(Optional.empty()); // the network lets WebSocket through from now on
      // A steady stream across the switch: one sample every 5 ms, 21 to 200.
      java.util.concurrent.ScheduledExecutorService sender =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
      java.util.concurrent.atomic.AtomicInteger next =
          new java.util.concurrent.atomic.AtomicInteger(21);
      java.util.concurrent.CountDownLatch allSent = new java.util.concurrent.CountDownLatch(1);
      sender.scheduleAtFixedRate(
          () -> {
            int i = next.getAndIncrement();
            if (i <= 200) {
              sendSamples(i, i);
            } else {
              allSent.countDown();
            }
          },
          0,
          5,
          java.util.concurrent.TimeUnit.MILLISECONDS);
      // Everything the listener hears, until sample 200 arrived and the link is on WebSocket.
      boolean movedToWebSocket = false;
      long deadline = System.currentTimeMillis() + WAIT_MS;
      while (!movedToWebSocket || seen.get(seen.size() - 1) < 200) {
        RelayEvent event = listener.next(Math.max(1, deadline - System.currentTimeMillis()));
        if (event == null) {
          throw new AssertionError("moved " + movedToWebSocket + ", samples " + seen);
        }
        if (event instanceof RelayEvent.StatusChanged s
            && s.status().isLive()
            && s.status().transport() == Transport.WEBSOCKET) {
          assertThat(s.status().onFallback()).isFalse();
          movedToWebSocket = true;
        } else if (event instanceof RelayEvent.Received r && r.message() instanceof Sample sample) {
          seen.add(sample.values().get(CPU_TEMP.id()));
        } else if (event instanceof RelayEvent.Received r && r.message() instanceof Gap) {
          gaps.add(r.message());
        }
      }
      assertThat(allSent.await(WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
      sender.shutdownNow();

      assertThat(seen).containsExactlyElementsOf(range(1, 200));
      assertThat(gaps).isEmpty();
      assertThat(client.transport()).contains(Transport.WEBSOCKET);
    }
  }

  @Test
  void relayDialsADashboardInListenModeAndItStaysLive() throws Exception {
    client = clientFor(1, 2); // never dialled in listen mode
    client.listenOn(new InetSocketAddress("127.0.0.1", 0), List.of("127.0.0.1"));
    client.start();
    relay =
        dev.vigil.server.Relay.start(
            TestRelays.config(dataDir)
                .withDialPeers(List.of(URI.create("ws://127.0.0.1:" + client.listenPort() + "/"))));

    ConnectionStatus connected = listener.awaitPhase(ConnectionPhase.CONNECTED, WAIT_MS);
    assertThat(connected.transport()).isEqualTo(Transport.WEBSOCKET);
    assertLiveWithoutGap(1, 30);
  }

  private void assertLiveWithoutGap(int from, int to) throws Exception {
    startAgent();
    List<Double> seen = new ArrayList<>();
    List<Message> gaps = new ArrayList<>();
    sendSamples(from, to);
    collectSamplesUpTo(to, seen, gaps);
    assertThat(seen).containsExactlyElementsOf(range(from, to));
    assertThat(gaps).isEmpty();
  }

  private void startAgent() throws Exception {
    agent = AgentTestClient.connect(relay.port(), TestRelays.AGENT_TOKEN, "h1", "rack-01");
    agent.sendMessage(new SensorCatalog("h1", System.currentTimeMillis(), List.of(CPU_TEMP)));
  }

  private void sendSamples(int from, int to) {
    for (int i = from; i <= to; i++) {
      agent.sendMessage(
          new Sample("h1", System.currentTimeMillis(), Map.of(CPU_TEMP.id(), (double) i)));
    }
  }

  private static List<Double> range(int from, int to) {
    List<Double> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add((double) i);
    }
    return out;
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

  private RelayClient clientFor(int webSocketPort, int httpPort) {
    RelayEndpoint endpoint =
        new RelayEndpoint(
            URI.create("ws://localhost:" + webSocketPort),
            TestRelays.OPERATOR_TOKEN,
            "dash-test",
            "tester",
            URI.create("http://localhost:" + httpPort + "/"));
    RelayClient c =
        new RelayClient(endpoint, listener, Clock.systemUTC(), new Backoff(20, 50, () -> 1.0));
    c.setTimings(FAST_PROBE_MS, FAST_WELCOME_MS);
    return c;
  }

  /** Accepts WebSocket upgrades and never says a word. */
  private static final class SilentServer extends WebSocketServer {
    private final java.util.concurrent.CountDownLatch started =
        new java.util.concurrent.CountDownLatch(1);

    SilentServer() {
      super(new InetSocketAddress(0));
      setReuseAddr(true);
    }

    int awaitPort() throws InterruptedException {
      started.await();
      return getPort();
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {}

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}
  }
}
