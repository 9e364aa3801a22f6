package dev.vigil.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.Agent;
import dev.vigil.agent.link.RelayAgentLink;
import dev.vigil.agent.spool.DiskSpool;
import dev.vigil.protocol.Backoff;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Snapshot;
import dev.vigil.server.Relay;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.support.NumberedEvents;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TcpProxy;
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
 * Store and forward on real parts: the agent's link and its on-disk buffer against a real relay
 * that is stopped and started again on the same port. Hot-plug events carry the proof: the relay
 * keeps recent events, so a dashboard's snapshot shows exactly which arrived, in which order, with
 * which timestamps.
 */
@Timeout(60)
class StoreAndForwardTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration HEARTBEAT = Duration.ofMillis(200);
  private static final String HOST = "host-saf";
  private static final int HOUR_OF_SAMPLES = 3600;

  @TempDir Path tmp;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "test-agent-link");
            t.setDaemon(true);
            return t;
          });

  @AfterEach
  void closeAll() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly();
      p.waitFor();
    }
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    executor.shutdownNow();
  }

  private RelayConfig relayConfig(int port) {
    return TestRelays.config(tmp.resolve("relay")).withPort(port).withHeartbeatInterval(HEARTBEAT);
  }

  private Relay startRelay(int port) throws Exception {
    Relay relay = Relay.start(relayConfig(port));
    open.add(relay);
    return relay;
  }

  /** A link for the test host through {@code spool}, not started yet. */
  private RelayAgentLink newLink(int port, DiskSpool spool) {
    RelayAgentLink link =
        new RelayAgentLink(
            URI.create("ws://127.0.0.1:" + port),
            TestRelays.agentHello(HOST),
            spool,
            executor,
            new Backoff(20, 200, Math::random));
    open.add(link);
    return link;
  }

  private RelayAgentLink link(int port, DiskSpool spool) {
    RelayAgentLink link = newLink(port, spool);
    link.start();
    return link;
  }

  private DiskSpool spool() throws Exception {
    DiskSpool spool = DiskSpool.open(tmp.resolve("agent-buffer"), DiskSpool.DEFAULT_MAX_BYTES);
    open.add(spool);
    return spool;
  }

  private Snapshot snapshot(int port) throws Exception {
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(port, TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    return dashboard.awaitMessage(Snapshot.class, WAIT);
  }

  @Test
  void eventsSentWhileTheRelayIsDownArriveOnceInOrderWithTheirOriginalTimes() throws Exception {
    Relay first = startRelay(0);
    int port = first.port();
    DiskSpool spool = spool();
    RelayAgentLink link = link(port, spool);
    assertThat(link.awaitWelcome(WAIT)).isTrue();
    for (long n = 1; n <= 5; n++) {
      link.sendEvent(NumberedEvents.event(HOST, n));
    }
    TestRelays.awaitTrue("the first relay acknowledges #5", () -> spool.acknowledgedSeq() == 5);

    first.close();
    TestRelays.awaitTrue("the link notices the relay is gone", () -> !link.isConnected());
    for (long n = 6; n <= 25; n++) {
      assertThat(link.sendEvent(NumberedEvents.event(HOST, n))).isTrue();
    }
    assertThat(spool.pendingCount()).isEqualTo(20);

    startRelay(port);
    TestRelays.awaitTrue("everything buffered is acknowledged", () -> spool.pendingCount() == 0);

    Snapshot snapshot = snapshot(port);
    assertThat(NumberedEvents.numbersIn(snapshot, HOST))
        .containsExactlyElementsOf(LongStream.rangeClosed(6, 25).boxed().toList());
    assertThat(snapshot.recentEvents().get(0).timestampMs())
        .isEqualTo(NumberedEvents.event(HOST, 6).timestampMs());
  }

  /**
   * The real agent, {@code vigil-agent run} from its jar in a process of its own, sampling this
   * machine every 100 ms, with its state (host id, buffer) in {@code stateDir}.
   */
  private Process agentProcess(int port, Path stateDir, String logName) throws Exception {
    Path jar = Path.of("../agent/target/vigil-agent.jar").toAbsolutePath().normalize();
    assertThat(jar).as("the agent jar (built by the agent module before this one)").exists();
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "run",
                "--relay",
                "ws://127.0.0.1:" + port,
                "--token",
                TestRelays.AGENT_TOKEN,
                "--state-dir",
                stateDir.toString(),
                "--interval",
                "100ms",
                "--inventory-interval",
                "1s")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve(logName).toFile())
            .start();
    processes.add(p);
    return p;
  }

  /** What an agent left in its buffer, read once it no longer runs. */
  private static List<Sample> buffered(Path stateDir) throws Exception {
    try (DiskSpool spool =
        DiskSpool.open(stateDir.resolve(Agent.BUFFER_DIR), DiskSpool.DEFAULT_MAX_BYTES)) {
      List<Sample> samples = new ArrayList<>();
      for (var e : spool.readAfter(spool.acknowledgedSeq(), Integer.MAX_VALUE, Integer.MAX_VALUE)) {
        var decoded = (DecodeResult.Decoded) MessageCodec.forInbound().decode(e.text());
        if (decoded.envelope().body() instanceof Sample sample) {
          samples.add(sample);
        }
      }
      return samples;
    }
  }

  private static long bufferBytes(Path stateDir) throws java.io.IOException {
    Path dir = stateDir.resolve(Agent.BUFFER_DIR);
    if (!java.nio.file.Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = java.nio.file.Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("seg-"))
          .mapToLong(f -> f.toFile().length())
          .sum();
    }
  }

  @Test
  void agentKilledDuringAnOutageSendsWhatItHadBufferedWhenItComesBack() throws Exception {
    Relay relay = startRelay(0);
    int port = relay.port();
    relay.close();
    Path state = tmp.resolve("agent-state");
    Process dying = agentProcess(port, state, "agent-1.log");
    TestRelays.awaitTrue(
        "the agent buffers samples while the relay is down",
        () -> {
          try {
            return bufferBytes(state) > 10_000;
          } catch (java.io.IOException e) {
            return false;
          }
        },
        WAIT);
    dying.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no sync
    dying.waitFor();
    List<Sample> buffered = buffered(state);
    assertThat(buffered).hasSizeGreaterThanOrEqualTo(3);
    String hostId = buffered.get(0).hostId();

    startRelay(port);
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(port, TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    dashboard.awaitMessage(Snapshot.class, WAIT);
    agentProcess(port, state, "agent-2.log");

    List<Long> times = new ArrayList<>();
    for (int i = 0; i < buffered.size() + 3; i++) {
      times.add(
          dashboard.awaitMessage(Sample.class, s -> hostId.equals(s.hostId()), WAIT).timestampMs());
    }
    // First everything the killed agent had buffered, once each and in order, then live ones.
    assertThat(times.subList(0, buffered.size()))
        .containsExactlyElementsOf(buffered.stream().map(Sample::timestampMs).toList());
    assertThat(times).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
  }

  @Test
  void networkCutWithoutARelayRestartLosesNothingAndDuplicatesNothing() throws Exception {
    Relay relay = startRelay(0);
    TcpProxy network = new TcpProxy(relay.port());
    open.add(network);
    DiskSpool spool = spool();
    RelayAgentLink link = link(network.port(), spool);
    assertThat(link.awaitWelcome(WAIT)).isTrue();
    for (long n = 1; n <= 5; n++) {
      link.sendEvent(NumberedEvents.event(HOST, n));
    }
    TestRelays.awaitTrue("the relay has #5", () -> spool.acknowledgedSeq() == 5);
    for (long n = 6; n <= 8; n++) {
      link.sendEvent(
          NumberedEvents.event(HOST, n)); // may or may not be acknowledged before the cut
    }

    network.cut();
    for (long n = 9; n <= 12; n++) {
      link.sendEvent(NumberedEvents.event(HOST, n));
    }
    TestRelays.awaitTrue(
        "everything is acknowledged after the reconnect",
        () -> spool.pendingCount() == 0 && spool.acknowledgedSeq() == 12);

    assertThat(NumberedEvents.numbersIn(snapshot(relay.port()), HOST))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
  }

  @Test
  void anHourOfSamplesBufferedOfflineIsReplayedInOrderEachOnce() throws Exception {
    Relay relay = startRelay(0);
    DiskSpool spool = spool();
    // The agent was cut off for an hour at 1 Hz (a simulated clock: 3,600 samples one second
    // apart, each with 30 readings like a real host's); its link only starts now.
    RelayAgentLink link = newLink(relay.port(), spool);
    long start = 1_700_000_000_000L;
    for (int i = 0; i < HOUR_OF_SAMPLES; i++) {
      Map<String, Double> values = new java.util.LinkedHashMap<>();
      for (int v = 0; v < 30; v++) {
        values.put("hwmon.test.temp" + v, 40.0 + v + i % 7);
      }
      assertThat(link.sendSample(new Sample(HOST, start + i * 1000L, values))).isTrue();
    }
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), TestRelays.dashboardHello(TestRelays.ALICE_TOKEN));
    open.add(dashboard::closeBlocking);
    dashboard.awaitMessage(Snapshot.class, WAIT);

    long replayStarted = System.nanoTime();
    link.start();
    TestRelays.awaitTrue(
        "the hour is acknowledged", () -> spool.acknowledgedSeq() == HOUR_OF_SAMPLES, WAIT);
    double seconds = (System.nanoTime() - replayStarted) / 1e9;

    List<Long> times = new ArrayList<>();
    for (int i = 0; i < HOUR_OF_SAMPLES; i++) {
      times.add(dashboard.awaitMessage(Sample.class, WAIT).timestampMs());
    }
    assertThat(times)
        .containsExactlyElementsOf(
            LongStream.range(0, HOUR_OF_SAMPLES).map(i -> start + i * 1000).boxed().toList());
    assertThat(dashboard.pending(Sample.class)).isEmpty();
    System.out.printf(
        java.util.Locale.ROOT,
        "replayed %d buffered samples (one hour at 1 Hz) in %.2f s: %.0f samples/s%n",
        HOUR_OF_SAMPLES,
        seconds,
        HOUR_OF_SAMPLES / seconds);
  }
}
