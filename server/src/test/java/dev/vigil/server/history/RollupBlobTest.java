package dev.vigil.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rollup row's encoding. */
class RollupBlobTest {
  @Test
  void everySensorsAggregateIsReadBackExactly() {
    RollupBlob.Writer w = new RollupBlob.Writer();
    w.add(0, new RollupBlob.Stats(40.25, 41.123456789, 42.5, 60));
    w.add(7, new RollupBlob.Stats(1.224, 1.3, 1.5, 59));
    w.add(300, new RollupBlob.Stats(-5, -5, -5, 1L << 40));
    byte[] blob = w.toBytes();

    assertThat(RollupBlob.find(blob, 0))
        .isEqualTo(new RollupBlob.Stats(40.25, 41.123456789, 42.5, 60));
    assertThat(RollupBlob.find(blob, 7)).isEqualTo(new RollupBlob.Stats(1.224, 1.3, 1.5, 59));
    assertThat(RollupBlob.find(blob, 300)).isEqualTo(new RollupBlob.Stats(-5, -5, -5, 1L << 40));
    assertThat(RollupBlob.find(blob, 1)).isNull();
  }

  @Test
  void mergingWeighsTheMeansByCountAndKeepsSensorsOfEitherSide() {
    RollupBlob.Writer w = new RollupBlob.Writer();
    w.add(0, new RollupBlob.Stats(10, 20, 30, 3));
    w.add(1, new RollupBlob.Stats(1, 1, 1, 1));
    byte[] a = w.toBytes();
    w.reset();
    w.add(0, new RollupBlob.Stats(5, 40, 50, 1));
    w.add(2, new RollupBlob.Stats(2, 2, 2, 1));
    byte[] b = w.toBytes();

    assertThat(RollupBlob.decode(RollupBlob.merge(a, b, w)))
        .isEqualTo(
            Map.of(
                0, new RollupBlob.Stats(5, 25, 50, 4),
                1, new RollupBlob.Stats(1, 1, 1, 1),
                2, new RollupBlob.Stats(2, 2, 2, 1)));
  }
}
