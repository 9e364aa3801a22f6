package dev.vigil.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store-and-forward buffer on a real directory: what survives a restart, what is cut, bounds.
 */
@Timeout(30)
class DiskSpoolTest {
  private static final long BOUND = DiskSpool.MIN_MAX_BYTES * 4;

  @TempDir Path dir;

  private static String text(long seq) {
    return "{\"v\":1,\"type\":\"sample\",\"seq\":" + seq + ",\"body\":{\"n\":" + seq + "}}";
  }

  private static List<Long> seqs(List<OutboundStore.Entry> entries) {
    return entries.stream().map(OutboundStore.Entry::seq).toList();
  }

  @Test
  void messagesAreNumberedFromOneAndReadBackInOrder() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, BOUND)) {
      for (int i = 0; i < 5; i++) {
        spool.append(DiskSpoolTest::text);
      }

      List<OutboundStore.Entry> all = spool.readAfter(0, 100, Integer.MAX_VALUE);

      assertThat(seqs(all)).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(all.get(2).text()).isEqualTo(text(3));
      assertThat(seqs(spool.readAfter(3, 100, Integer.MAX_VALUE))).containsExactly(4L, 5L);
    }
  }

  @Test
  void everyMessageIsInItsFileAsSoonAsItIsAppended() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, BOUND)) {
      for (int i = 0; i < 10; i++) {
        spool.append(DiskSpoolTest::text);
      }
      // No sync, no close: what a killed process leaves is what reached the file (the agent
      // killed with SIGKILL for real: StoreAndForwardTest in the server module).
      String file =
          Files.readString(segments().get(0), java.nio.charset.StandardCharsets.ISO_8859_1);

      for (int i = 1; i <= 10; i++) {
        assertThat(file).contains(text(i));
      }
    }
  }

  @Test
  void reopenedBufferKeepsItsEpochAndNumbersOn() throws IOException {
    String epoch;
    try (DiskSpool first = DiskSpool.open(dir, BOUND)) {
      for (int i = 0; i < 10; i++) {
        first.append(DiskSpoolTest::text);
      }
      epoch = first.epoch();
    }

    try (DiskSpool reopened = DiskSpool.open(dir, BOUND)) {
      assertThat(reopened.epoch()).isEqualTo(epoch);
      assertThat(reopened.pendingCount()).isEqualTo(10);
      assertThat(seqs(reopened.readAfter(0, 100, Integer.MAX_VALUE)))
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
      assertThat(reopened.append(DiskSpoolTest::text)).isEqualTo(11);
    }
  }

  @Test
  void secondAgentOnTheSameDirectoryIsRefusedAndTheFirstLosesNothing() throws IOException {
    try (DiskSpool first = DiskSpool.open(dir, BOUND)) {
      first.append(DiskSpoolTest::text);

      assertThatThrownBy(() -> DiskSpool.open(dir, BOUND))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("is in use by another agent")
          .hasMessageContaining(dir.toString());
      first.append(DiskSpoolTest::text);
      assertThat(seqs(first.readAfter(0, 100, Integer.MAX_VALUE))).containsExactly(1L, 2L);
    }
    try (DiskSpool after = DiskSpool.open(dir, BOUND)) {
      assertThat(after.pendingCount()).isEqualTo(2); // released on close
    }
  }

  @Test
  void acknowledgedMessagesAreNotReplayedAfterReopening() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, BOUND)) {
      for (int i = 0; i < 10; i++) {
        spool.append(DiskSpoolTest::text);
      }
      spool.acknowledge(7);
      assertThat(spool.pendingCount()).isEqualTo(3);
    }

    try (DiskSpool reopened = DiskSpool.open(dir, BOUND)) {
      assertThat(reopened.acknowledgedSeq()).isEqualTo(7);
      assertThat(seqs(reopened.readAfter(reopened.acknowledgedSeq(), 100, Integer.MAX_VALUE)))
          .containsExactly(8L, 9L, 10L);
    }
  }

  @Test
  void tornRecordAtTheEndIsCutAndNumberingGoesOnFromTheLastIntactOne() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, BOUND)) {
      for (int i = 0; i < 3; i++) {
        spool.append(DiskSpoolTest::text);
      }
    }
    Path segment = segments().get(0);
    long size = Files.size(segment);
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      ch.truncate(size - 5); // the process died in the middle of writing #3
    }

    try (DiskSpool reopened = DiskSpool.open(dir, BOUND)) {
      assertThat(seqs(reopened.readAfter(0, 100, Integer.MAX_VALUE))).containsExactly(1L, 2L);
      assertThat(reopened.append(DiskSpoolTest::text)).isEqualTo(3);
      assertThat(reopened.readAfter(2, 100, Integer.MAX_VALUE).get(0).text()).isEqualTo(text(3));
    }
  }

  @Test
  void corruptRecordIsNotReplayed() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, BOUND)) {
      for (int i = 0; i < 3; i++) {
        spool.append(DiskSpoolTest::text);
      }
    }
    Path segment = segments().get(0);
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length - 3] ^= 0x20; // a flipped bit in #3's text
    Files.write(segment, bytes);

    try (DiskSpool reopened = DiskSpool.open(dir, BOUND)) {
      assertThat(seqs(reopened.readAfter(0, 100, Integer.MAX_VALUE))).containsExactly(1L, 2L);
    }
  }

  @Test
  void fullBufferDropsTheOldestMessagesAndCountsThem() throws IOException {
    String big = "x".repeat(10_000);
    try (DiskSpool spool = DiskSpool.open(dir, DiskSpool.MIN_MAX_BYTES)) {
      int n = (int) (3 * DiskSpool.MIN_MAX_BYTES / 10_000);
      for (int i = 0; i < n; i++) {
        spool.append(seq -> seq + big);
      }

      List<OutboundStore.Entry> left = spool.readAfter(0, Integer.MAX_VALUE, Integer.MAX_VALUE);

      assertThat(spool.droppedCount()).isPositive();
      assertThat(left.get(left.size() - 1).seq()).isEqualTo(n);
      assertThat(left.get(0).seq()).isEqualTo(spool.droppedCount() + 1);
      assertThat(spool.pendingCount()).isEqualTo(left.size());
      long bytesOnDisk = 0;
      for (Path p : segments()) {
        bytesOnDisk += Files.size(p);
      }
      assertThat(bytesOnDisk).isLessThanOrEqualTo(DiskSpool.MIN_MAX_BYTES);
    }
  }

  @Test
  void acknowledgingDeletesSegmentsTheRelayHolds() throws IOException {
    String big = "x".repeat(50_000);
    try (DiskSpool spool = DiskSpool.open(dir, BOUND)) {
      for (int i = 0; i < 60; i++) {
        spool.append(seq -> seq + big);
      }
      int before = segments().size();

      spool.acknowledge(60);

      assertThat(before).isGreaterThan(1);
      assertThat(segments()).hasSize(1); // the one still being written
      assertThat(spool.pendingCount()).isZero();
    }
  }

  @Test
  void readsInChunksContinueWhereTheLastChunkStopped() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, BOUND)) {
      for (int i = 0; i < 1000; i++) {
        spool.append(DiskSpoolTest::text);
      }
      long after = 0;
      int chunks = 0;
      while (true) {
        List<OutboundStore.Entry> chunk = spool.readAfter(after, 64, Integer.MAX_VALUE);
        if (chunk.isEmpty()) {
          break;
        }
        assertThat(chunk.get(0).seq()).isEqualTo(after + 1);
        after = chunk.get(chunk.size() - 1).seq();
        chunks++;
      }
      assertThat(after).isEqualTo(1000);
      assertThat(chunks).isEqualTo(16);
    }
  }

  @Test
  void lostEpochStartsANewStreamFromOne() throws IOException {
    String firstEpoch;
    try (DiskSpool spool = DiskSpool.open(dir, BOUND)) {
      spool.append(DiskSpoolTest::text);
      spool.append(DiskSpoolTest::text);
      firstEpoch = spool.epoch();
    }
    Files.delete(dir.resolve(DiskSpool.EPOCH_FILE));

    try (DiskSpool reopened = DiskSpool.open(dir, BOUND)) {
      assertThat(reopened.epoch()).isNotEqualTo(firstEpoch);
      assertThat(reopened.pendingCount()).isZero();
      assertThat(reopened.append(DiskSpoolTest::text)).isEqualTo(1);
    }
  }

  @Test
  void messageLargerThanTheRelayAcceptsIsRefusedNotStored() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, BOUND)) {
      String huge = "y".repeat(DiskSpool.MAX_TEXT_BYTES + 1);

      assertThatThrownBy(() -> spool.append(seq -> huge))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("over the relay's limit");
      assertThat(spool.lastSeq()).isZero();
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("seg-")).sorted().toList();
    }
  }
}
