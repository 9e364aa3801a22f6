package dev.vigil.server.relay;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static dev.vigil.server.support.TestRelays.sample;
import static dev.vigil.server.support.TestRelays.temperatureCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Gap;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dashboards resume the relay's numbered stream: exactly the missed messages when the replay buffer
 * holds them, else a gap and a fresh snapshot. Real relay, real sockets.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DashboardResumeTest {
  private static final String HOST = "rack-07";
  private static final String SENSOR = "test.temp";

  @TempDir Path dataDir;
  private final List<Relay> relays = new ArrayList<>();

  @AfterEach
  void stopRelays() {
    relays.forEach(Relay::close);
  }

  private Relay start(RelayConfig config) throws Exception {
    Relay relay = Relay.start(config);
    relays.add(relay);
    return relay;
  }

  private static ProtocolTestClient agent(Relay relay) throws Exception {
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello(HOST));
    agent.awaitMessage(Welcome.class, WAIT);
    agent.send(temperatureCatalog(HOST));
    return agent;
  }

  /** A dashboard that saw the stream up to one sample, and what it knows to resume with. */
  private record Position(String epoch, long lastSeq) {}

  private static Position watchOneSampleThenLeave(Relay relay, ProtocolTestClient agent)
      throws Exception {
    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    Welcome welcome = dashboard.awaitMessage(Welcome.class, WAIT);
    dashboard.awaitMessage(Snapshot.class, WAIT);
    agent.send(sample(HOST, SENSOR, 0));
    Sample seen = dashboard.awaitMessage(Sample.class, WAIT);
    long lastSeq = dashboard.seqOf(seen);
    dashboard.closeBlocking();
    return new Position(welcome.streamEpoch(), lastSeq);
  }

  private static double valueOf(Sample s) {
    return s.values().get(SENSOR);
  }

  @Test
  void dashboardResumingAfterItsLastSeqGetsExactlyTheMissedMessagesAndNoSnapshot()
      throws Exception {
    Relay relay = start(TestRelays.config(dataDir));
    ProtocolTestClient agent = agent(relay);
    Position position = watchOneSampleThenLeave(relay, agent);
    for (int i = 1; i <= 10; i++) {
      agent.send(sample(HOST, SENSOR, i));
    }
    agent.sync(WAIT);

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(
            relay.port(),
            dashboardHello(ALICE_TOKEN).withResume(position.epoch(), position.lastSeq()));
    Welcome welcome = dashboard.awaitMessage(Welcome.class, WAIT);
    List<Sample> replayed = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      replayed.add(dashboard.awaitMessage(Sample.class, WAIT));
    }
    agent.send(sample(HOST, SENSOR, 11));
    Sample live = dashboard.awaitMessage(Sample.class, WAIT);

    assertThat(welcome.isResumed()).isTrue();
    assertThat(welcome.streamEpoch()).isEqualTo(position.epoch());
    assertThat(replayed.stream().map(DashboardResumeTest::valueOf))
        .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    assertThat(dashboard.seqOf(replayed.get(0))).isEqualTo(position.lastSeq() + 1);
    for (int i = 1; i < replayed.size(); i++) {
      assertThat(dashboard.seqOf(replayed.get(i)))
          .isEqualTo(dashboard.seqOf(replayed.get(i - 1)) + 1);
    }
    assertThat(valueOf(live)).isEqualTo(11.0);
    assertThat(dashboard.seqOf(live)).isEqualTo(dashboard.seqOf(replayed.get(9)) + 1);
    assertThat(dashboard.pending(Snapshot.class)).isEmpty();
    assertThat(dashboard.pending(Gap.class)).isEmpty();
  }

  @Test
  void replayLargerThanTheSendWindowReachesASlowReaderWholeAndInOrderWhileTheRelayIsQuiet()
      throws Exception {
    Relay relay = start(TestRelays.config(dataDir)); // default heartbeat: 5 s between ticks
    ProtocolTestClient agent = agent(relay);
    Position position = watchOneSampleThenLeave(relay, agent);
    int missed = 8_000; // about 16 MB, more than the sockets hold: sent in windows of 1 MiB
    for (int i = 1; i <= missed; i++) {
      agent.send(paddedSample(i));
    }
    agent.sync(WAIT);

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(
            relay.port(),
            dashboardHello(ALICE_TOKEN).withResume(position.epoch(), position.lastSeq()));
    assertThat(dashboard.awaitMessage(Welcome.class, WAIT).isResumed()).isTrue();
    dashboard.stallReading();
    Thread.sleep(500); // the slow reader's pause: its socket fills and the relay's window closes
    dashboard.resumeReading();

    long previousSeq = position.lastSeq();
    for (int i = 1; i <= missed; i++) {
      Sample replayed = dashboard.awaitMessage(Sample.class, WAIT);
      assertThat(valueOf(replayed)).isEqualTo(i);
      assertThat(dashboard.seqOf(replayed)).isEqualTo(previousSeq + 1);
      previousSeq = dashboard.seqOf(replayed);
    }
    agent.send(sample(HOST, SENSOR, missed + 1));
    Sample live = dashboard.awaitMessage(Sample.class, WAIT);
    assertThat(valueOf(live)).isEqualTo(missed + 1);
    assertThat(dashboard.seqOf(live)).isEqualTo(previousSeq + 1);
  }

  /** A sample of about 2 KB: the test sensor plus padding readings. */
  private static Sample paddedSample(int value) {
    Map<String, Double> values = new java.util.HashMap<>();
    values.put(SENSOR, (double) value);
    for (int k = 0; k < 80; k++) {
      values.put("test.padding.reading." + k, 1234.5678 + k);
    }
    return new Sample(HOST, System.currentTimeMillis(), values);
  }

  @Test
  void dashboardAwayLongerThanTheReplayBufferGetsAGapThenASnapshot() throws Exception {
    Relay relay =
        start(
            TestRelays.config(dataDir).withReplayBufferBytes(RelayConfig.MIN_REPLAY_BUFFER_BYTES));
    ProtocolTestClient agent = agent(relay);
    Position position = watchOneSampleThenLeave(relay, agent);
    int sent = 0;
    while (sent < 20_000) {
      // ~100 B each: 2 MB, twice the buffer
      agent.send(sample(HOST, SENSOR, ++sent));
    }
    agent.sync(Duration.ofSeconds(15));

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(
            relay.port(),
            dashboardHello(ALICE_TOKEN).withResume(position.epoch(), position.lastSeq()));
    Welcome welcome = dashboard.awaitMessage(Welcome.class, WAIT);
    Gap gap = dashboard.awaitMessage(Gap.class, WAIT);
    Snapshot snapshot = dashboard.awaitMessage(Snapshot.class, WAIT);

    assertThat(welcome.isResumed()).isFalse();
    assertThat(gap.lastSeq()).isEqualTo(position.lastSeq());
    assertThat(gap.reason()).contains("replay buffer now begins at #");
    assertThat(gap.missedMessages()).isPositive();
    assertThat(gap.resumedAtSeq()).isGreaterThan(position.lastSeq() + gap.missedMessages());
    assertThat(dashboard.arrivalOf(gap)).isLessThan(dashboard.arrivalOf(snapshot));
    assertThat(dashboard.seqOf(snapshot)).isEqualTo(gap.resumedAtSeq());
    assertThat(valueOf(snapshot.hosts().get(0).latest())).isEqualTo((double) sent);
  }

  @Test
  void dashboardResumingAStreamOfAnEarlierRelayProcessGetsAGapThenASnapshot() throws Exception {
    Relay first = start(TestRelays.config(dataDir));
    Position position = watchOneSampleThenLeave(first, agent(first));
    first.close();
    Relay second = start(TestRelays.config(dataDir));

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(
            second.port(),
            dashboardHello(ALICE_TOKEN).withResume(position.epoch(), position.lastSeq()));
    Welcome welcome = dashboard.awaitMessage(Welcome.class, WAIT);
    Gap gap = dashboard.awaitMessage(Gap.class, WAIT);
    Snapshot snapshot = dashboard.awaitMessage(Snapshot.class, WAIT);

    assertThat(welcome.isResumed()).isFalse();
    assertThat(welcome.streamEpoch()).isNotEqualTo(position.epoch());
    assertThat(gap.reason())
        .isEqualTo("the relay restarted (stream " + position.epoch() + " ended)");
    assertThat(gap.missedMessages()).isNull();
    assertThat(dashboard.arrivalOf(gap)).isLessThan(dashboard.arrivalOf(snapshot));
  }

  @Test
  void dashboardThatMissedNothingIsResumedWithNothingReplayed() throws Exception {
    Relay relay = start(TestRelays.config(dataDir));
    ProtocolTestClient agent = agent(relay);
    Position position = watchOneSampleThenLeave(relay, agent);

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(
            relay.port(),
            dashboardHello(ALICE_TOKEN).withResume(position.epoch(), position.lastSeq()));
    Welcome welcome = dashboard.awaitMessage(Welcome.class, WAIT);
    agent.send(sample(HOST, SENSOR, 1));
    Sample live = dashboard.awaitMessage(Sample.class, WAIT);

    assertThat(welcome.isResumed()).isTrue();
    assertThat(valueOf(live)).isEqualTo(1.0);
    assertThat(dashboard.seqOf(live)).isEqualTo(position.lastSeq() + 1);
    assertThat(dashboard.pending(Snapshot.class)).isEmpty();
  }

  @Test
  void freshDashboardGetsASnapshotNumberedWhereTheStreamStands() throws Exception {
    Relay relay = start(TestRelays.config(dataDir));
    ProtocolTestClient agent = agent(relay);
    agent.send(sample(HOST, SENSOR, 1));
    agent.sync(WAIT);

    ProtocolTestClient dashboard =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    Snapshot snapshot = dashboard.awaitMessage(Snapshot.class, WAIT);
    agent.send(sample(HOST, SENSOR, 2));
    Sample next = dashboard.awaitMessage(Sample.class, s -> valueOf(s) == 2.0, WAIT);

    assertThat(dashboard.seqOf(snapshot)).isPositive();
    assertThat(dashboard.seqOf(next)).isEqualTo(dashboard.seqOf(snapshot) + 1);
    assertThat(dashboard.pending(Gap.class)).isEmpty();
  }
}
