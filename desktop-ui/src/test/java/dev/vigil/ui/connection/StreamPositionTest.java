package dev.vigil.ui.connection;

import static dev.vigil.ui.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Coalesced;
import dev.vigil.protocol.Envelope;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StreamPositionTest {
  private static final Hello HELLO =
      new Hello(Role.DASHBOARD, "o", "dash-1", "alice", "test", Map.of(), false, "Linux");

  private final StreamPosition position = new StreamPosition();

  private static Welcome welcome(String epoch, boolean resumed) {
    return Welcome.forDashboard("relay", "s1", 5_000, T0, "test", epoch, resumed);
  }

  private static Envelope numbered(long seq) {
    return new Envelope(Protocol.VERSION, seq, new Sample("h1", T0, Map.of("t", 1.0)));
  }

  private static Envelope snapshotAt(long seq) {
    return new Envelope(Protocol.VERSION, seq, new Snapshot(T0, List.of(), List.of(), List.of()));
  }

  @Test
  void firstHelloDoesNotAskToResume() {
    assertThat(position.hello(HELLO).asksToResume()).isFalse();
  }

  @Test
  void helloAfterAStreamAsksToResumeAfterTheLastNumber() {
    position.welcomed(welcome("e1", false));
    position.accept(snapshotAt(40));
    position.accept(numbered(41));

    Hello hello = position.hello(HELLO);

    assertThat(hello.streamEpoch()).isEqualTo("e1");
    assertThat(hello.resumeAfterSeq()).isEqualTo(41);
  }

  @Test
  void numberAlreadyReceivedIsADuplicate() {
    position.welcomed(welcome("e1", false));
    position.accept(snapshotAt(40));
    position.accept(numbered(41));

    assertThat(position.accept(numbered(41))).isEqualTo(new StreamPosition.Verdict.Duplicate(41));
  }

  @Test
  void skippedNumbersAreReportedAsAGap() {
    position.welcomed(welcome("e1", false));
    position.accept(snapshotAt(40));

    StreamPosition.Verdict verdict = position.accept(numbered(44));

    assertThat(verdict).isInstanceOf(StreamPosition.Verdict.Skipped.class);
    assertThat(((StreamPosition.Verdict.Skipped) verdict).gap().missedMessages()).isEqualTo(3);
    assertThat(position.lastSeq()).isEqualTo(44);
  }

  @Test
  void aNewEpochStartsCountingFromItsSnapshot() {
    position.welcomed(welcome("e1", false));
    position.accept(snapshotAt(900));
    position.welcomed(welcome("e2", false));
    position.accept(snapshotAt(3));

    assertThat(position.accept(numbered(4))).isInstanceOf(StreamPosition.Verdict.Deliver.class);
    assertThat(position.epoch()).isEqualTo("e2");
  }

  @Test
  void numbersTheRelayCoalescedAwayAreNotAGap() {
    position.welcomed(welcome("e1", false));
    position.accept(snapshotAt(40));
    position.accept(new Envelope(Protocol.VERSION, 0, new Coalesced(60, 12)));

    assertThat(position.accept(numbered(47))).isInstanceOf(StreamPosition.Verdict.Deliver.class);
    assertThat(position.accept(numbered(55))).isInstanceOf(StreamPosition.Verdict.Deliver.class);
    assertThat(position.accept(numbered(61))).isInstanceOf(StreamPosition.Verdict.Deliver.class);
    assertThat(position.accept(numbered(63))).isInstanceOf(StreamPosition.Verdict.Skipped.class);
  }
}
