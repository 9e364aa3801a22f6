package dev.vigil.server.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReplayBufferTest {
  private static byte[] text(long seq, int length) {
    String s = "#" + seq + ":";
    return (s + "x".repeat(Math.max(0, length - s.length()))).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void holdsEveryMessageWhileTheyFit() {
    ReplayBuffer buffer = new ReplayBuffer(1_000);
    for (long seq = 1; seq <= 10; seq++) {
      buffer.append(seq, text(seq, 100));
    }

    assertThat(buffer.firstSeq()).isEqualTo(1);
    assertThat(buffer.lastSeq()).isEqualTo(10);
    assertThat(buffer.text(7)).startsWith("#7:").hasSize(100);
    assertThat(buffer.canReplayAfter(0)).isTrue();
  }

  @Test
  void dropsTheOldestWhenFullAndReadsAcrossTheRingsEnd() {
    ReplayBuffer buffer = new ReplayBuffer(1_000);
    for (long seq = 1; seq <= 25; seq++) {
      buffer.append(seq, text(seq, 130)); // 130 does not divide 1,000: records wrap around
    }

    assertThat(buffer.heldBytes()).isLessThanOrEqualTo(1_000);
    assertThat(buffer.firstSeq()).isEqualTo(19); // 7 × 130 = 910 fit, 8 do not
    for (long seq = 19; seq <= 25; seq++) {
      assertThat(buffer.text(seq)).startsWith("#" + seq + ":").hasSize(130);
    }
    assertThat(buffer.canReplayAfter(18)).isTrue();
    assertThat(buffer.canReplayAfter(17)).isFalse();
    assertThatThrownBy(() -> buffer.text(18)).hasMessageContaining("#18 is not held");
  }

  @Test
  void growsItsIndexForManySmallMessages() {
    ReplayBuffer buffer = new ReplayBuffer(1 << 20);
    for (long seq = 1; seq <= 5_000; seq++) {
      buffer.append(seq, text(seq, 10));
    }

    assertThat(buffer.firstSeq()).isEqualTo(1);
    assertThat(buffer.text(1)).startsWith("#1:");
    assertThat(buffer.text(4_097)).startsWith("#4097:");
    assertThat(buffer.text(5_000)).startsWith("#5000:");
  }

  @Test
  void messageLargerThanTheBufferEmptiesItAndNumberingGoesOn() {
    ReplayBuffer buffer = new ReplayBuffer(100);
    buffer.append(1, text(1, 50));
    buffer.append(2, text(2, 500));
    buffer.append(3, text(3, 50));

    assertThat(buffer.firstSeq()).isEqualTo(3);
    assertThat(buffer.canReplayAfter(1)).isFalse();
    assertThat(buffer.canReplayAfter(2)).isTrue();
    assertThat(buffer.text(3)).startsWith("#3:");
  }

  @Test
  void dashboardAheadOfTheStreamCannotBeReplayed() {
    ReplayBuffer buffer = new ReplayBuffer(1_000);
    buffer.append(1, text(1, 10));

    assertThat(buffer.canReplayAfter(1)).isTrue();
    assertThat(buffer.canReplayAfter(2)).isFalse();
  }

  @Test
  void numbersMustFollowOneAnother() {
    ReplayBuffer buffer = new ReplayBuffer(1_000);
    buffer.append(1, text(1, 10));

    assertThatThrownBy(() -> buffer.append(3, text(3, 10))).hasMessage("expected #2, got #3");
  }
}
