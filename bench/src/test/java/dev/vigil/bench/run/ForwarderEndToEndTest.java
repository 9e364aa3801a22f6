package dev.vigil.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.bench.dialect.ForwarderDialect;
import dev.vigil.bench.forwarder.BareForwarder;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The NIO engine against the real bare forwarder (Java-WebSocket) on a free localhost port. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ForwarderEndToEndTest {
  private static final long RSS_LIMIT_BYTES = 1L << 30;

  private BareForwarder forwarder;

  @BeforeEach
  void startForwarder() throws Exception {
    forwarder = new BareForwarder(new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterEach
  void stopForwarder() throws Exception {
    forwarder.stop(1_000);
  }

  private CellConfig cell(int agents, int dashboards, long windowMs) {
    return new CellConfig(
        new InetSocketAddress("127.0.0.1", forwarder.getPort()),
        0,
        agents,
        dashboards,
        500,
        windowMs,
        500,
        10_000,
        RSS_LIMIT_BYTES);
  }

  @Test
  void twentyAgentsReachTwoDashboardsWithoutLossOrDuplicates() throws Exception {
    forwarder.startListening();

    CellResult result = new CellRunner().run(cell(20, 2, 2_000), new ForwarderDialect());

    assertThat(result.agentsReady()).isEqualTo(20);
    assertThat(result.dashboardsReady()).isEqualTo(2);
    assertThat(result.samplesSent()).isEqualTo(40);
    assertThat(result.expectedDeliveries()).isEqualTo(80);
    assertThat(result.delivered()).isEqualTo(80);
    assertThat(result.lost()).isZero();
    assertThat(result.duplicates()).isZero();
    assertThat(result.p99Ms()).isNotNull().isPositive();
    assertThat(result.serverCpuSeconds()).as("no server pid, no server CPU").isNull();
  }

  @Test
  void engineAnswersWebSocketPingsSoTheForwarderKeepsEveryConnection() throws Exception {
    forwarder.setConnectionLostTimeout(1);
    forwarder.startListening();

    CellResult result = new CellRunner().run(cell(5, 2, 3_000), new ForwarderDialect());

    assertThat(result.connectionsClosed()).isZero();
    assertThat(result.lost()).isZero();
  }
}
