package dev.vigil.ui.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DownsamplerTest {
  @Test
  void longLineIsThinnedKeepingItsSpikeAndNewestPoint() {
    int n = 5_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = i - n + 1;
      ys[i] = 50;
    }
    ys[1_234] = 99;
    ys[n - 1] = 51;

    ChartLine thin = Downsampler.minMax(new ChartLine("t", "t", xs, ys), 1_000);

    assertThat(thin.values().length).isLessThanOrEqualTo(1_000);
    assertThat(thin.values()).contains(99.0);
    assertThat(thin.secondsAgo()).isSorted();
    assertThat(thin.secondsAgo()[thin.secondsAgo().length - 1]).isZero();
    assertThat(thin.values()[thin.values().length - 1]).isEqualTo(51);
  }

  @Test
  void shortLineIsKeptAsItIs() {
    ChartLine line = new ChartLine("t", "t", new double[] {-1, 0}, new double[] {1, 2});

    assertThat(Downsampler.minMax(line, 1_000)).isSameAs(line);
  }
}
