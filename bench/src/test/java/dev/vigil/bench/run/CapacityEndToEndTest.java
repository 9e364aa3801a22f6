package dev.vigil.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.bench.dialect.ForwarderDialect;
import dev.vigil.bench.forwarder.BareForwarder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Capacity searches against the real bare forwarder (Java-WebSocket) on a free localhost port. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CapacityEndToEndTest {
  private static final long RSS_LIMIT_BYTES = 1L << 30;
  private static final int AGENTS = 10;
  private static final int DASHBOARDS = 2;
  private static final long WINDOW_MS = 1_000;

  private BareForwarder forwarder;

  @BeforeEach
  void startForwarder() throws Exception {
    forwarder = new BareForwarder(new InetSocketAddress("127.0.0.1", 0));
    forwarder.startListening();
  }

  @AfterEach
  void stopForwarder() throws Exception {
    forwarder.stop(1_000);
  }

  private CapacityConfig search(List<Double> rates, double maxP99Ms) {
    return new CapacityConfig(
        new InetSocketAddress("127.0.0.1", forwarder.getPort()),
        0,
        AGENTS,
        DASHBOARDS,
        rates,
        200,
        200,
        WINDOW_MS,
        300,
        maxP99Ms,
        true,
        10_000,
        RSS_LIMIT_BYTES);
  }

  @Test
  void everyStepOnOneSetOfConnectionsDeliversExactlyItsOwnSamples() throws Exception {
    CapacityResult result =
        new CapacityRunner().run(search(List.of(1.0, 2.0, 4.0), 5_000), new ForwarderDialect());

    assertThat(result.stop()).isEqualTo(CapacityResult.Stop.ALL_RATES_SUSTAINED);
    assertThat(result.steps())
        .extracting(CapacityStep::ratePerAgentHz)
        .containsExactly(1.0, 2.0, 4.0);
    assertThat(result.steps())
        .allSatisfy(
            s -> {
              long perWindow = Math.round(AGENTS * s.ratePerAgentHz() * WINDOW_MS / 1_000.0);
              assertThat(s.samplesSent()).isEqualTo(perWindow);
              assertThat(s.expectedDeliveries()).isEqualTo(perWindow * DASHBOARDS);
              assertThat(s.delivered()).isEqualTo(s.expectedDeliveries());
              assertThat(s.duplicates()).isZero();
              assertThat(s.reason()).doesNotContain("unplaceable");
              assertThat(s.serverCpuCores()).as("no server pid, no server CPU").isNull();
            });
    assertThat(result.highestSustained()).map(CapacityStep::ratePerAgentHz).contains(4.0);
  }

  @Test
  void stepOverTheP99BoundEndsTheSearchWithNothingSustained() throws Exception {
    CapacityResult result =
        new CapacityRunner().run(search(List.of(1.0, 2.0), 0.001), new ForwarderDialect());

    assertThat(result.steps()).hasSize(1);
    assertThat(result.steps().get(0).sustained()).isFalse();
    assertThat(result.stop())
        .isIn(CapacityResult.Stop.SATURATED, CapacityResult.Stop.HARNESS_BOUND);
    assertThat(result.highestSustained()).isEmpty();
  }
}
