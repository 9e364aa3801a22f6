package dev.vigil.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Sample;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The writer's queue in front of a store that does not keep up. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HistoryWriterTest {
  private static final int CAPACITY = 100;

  /** A store whose first write blocks until released. */
  private static final class BlockedStore implements HistoryStore {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile int rows;

    @Override
    public void commit() {}

    @Override
    public void append(HistoryBatch batch) {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      rows += batch.rows();
    }

    @Override
    public List<String> hostIds() {
      return List.of();
    }

    @Override
    public int sweepHost(String hostId, long rawBeforeMs, long rollupBeforeMs) {
      return 0;
    }

    @Override
    public boolean knowsHost(String hostId) {
      return false;
    }

    @Override
    public List<SeriesInfo> series(String hostId) {
      return List.of();
    }

    @Override
    public List<RawPoint> raw(String hostId, String sensorId, long fromMs, long toMs, int limit) {
      return List.of();
    }

    @Override
    public List<RollupPoint> rollups(
        String hostId, String sensorId, long fromMs, long toMs, int limit) {
      return List.of();
    }

    @Override
    public List<String> events(RecordQuery query) {
      return List.of();
    }

    @Override
    public List<String> alertTransitions(RecordQuery query) {
      return List.of();
    }

    @Override
    public void close() {}
  }

  @Test
  void aFullQueueDropsAndCountsWithoutBlockingTheCaller() throws Exception {
    BlockedStore store = new BlockedStore();
    HistoryWriter writer =
        new HistoryWriter(
                store,
                MessageCodec.forInbound(),
                Duration.ofHours(24),
                Duration.ofDays(30),
                Clock.systemUTC(),
                CAPACITY)
            .start();
    try {
      writer.sample(new Sample("h1", 1_000, Map.of("t", 1.0)));
      assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();

      long start = System.nanoTime();
      for (int i = 0; i < CAPACITY + 25; i++) {
        writer.sample(new Sample("h1", 2_000 + i, Map.of("t", 1.0)));
      }
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(elapsedMs).isLessThan(1_000);
      assertThat(writer.itemsDropped()).isEqualTo(25);
      assertThat(writer.queueItems()).isEqualTo(CAPACITY);
    } finally {
      store.release.countDown();
      writer.close();
    }
    assertThat(store.rows).isGreaterThanOrEqualTo(CAPACITY + 1);
  }
}
