package dev.vigil.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.bench.dialect.VigilDialect;
import dev.vigil.server.Relay;
import dev.vigil.server.config.RelayConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness speaking the Vigil protocol to the real relay, in process: hello, catalog, samples
 * re-encoded by the relay, and pongs for the relay's pings.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RelayEndToEndTest {
  private static final String AGENT_TOKEN = "bench-agent-token";
  private static final String OPERATOR_TOKEN = "bench-operator-token";

  @TempDir Path dataDir;

  @Test
  void samplesReachEveryDashboardThroughTheRelayWhileSilentDashboardsAnswerPings()
      throws Exception {
    RelayConfig config =
        RelayConfig.defaults()
            .withBindAddress("127.0.0.1")
            .withPort(0)
            .withHttpPort(0)
            .withAgentTokens(Set.of(AGENT_TOKEN))
            .withOperatorTokens(Map.of(OPERATOR_TOKEN, "bench"))
            .withHeartbeatInterval(Duration.ofMillis(300))
            .withDataDir(dataDir);
    try (Relay relay = Relay.start(config)) {
      CellConfig cell =
          new CellConfig(
              new InetSocketAddress("127.0.0.1", relay.port()),
              0,
              20,
              2,
              500,
              2_000,
              500,
              10_000,
              1L << 30);

      CellResult result = new CellRunner().run(cell, new VigilDialect(AGENT_TOKEN, OPERATOR_TOKEN));

      assertThat(result.agentsReady()).isEqualTo(20);
      assertThat(result.dashboardsReady()).isEqualTo(2);
      assertThat(result.expectedDeliveries()).isEqualTo(80);
      assertThat(result.delivered()).isEqualTo(80);
      assertThat(result.lost()).isZero();
      assertThat(result.duplicates()).isZero();
      assertThat(result.connectionsClosed())
          .as("dashboards send nothing but pongs; a heartbeat timeout would close them")
          .isZero();
    }
  }

  @Test
  void wrongTokenLeavesPeersNotReadyAndIsReported() throws Exception {
    RelayConfig config =
        RelayConfig.defaults()
            .withBindAddress("127.0.0.1")
            .withPort(0)
            .withHttpPort(0)
            .withAgentTokens(Set.of(AGENT_TOKEN))
            .withOperatorTokens(Map.of(OPERATOR_TOKEN, "bench"))
            .withDataDir(dataDir);
    try (Relay relay = Relay.start(config)) {
      CellConfig cell =
          new CellConfig(
              new InetSocketAddress("127.0.0.1", relay.port()),
              0,
              3,
              1,
              0,
              500,
              0,
              5_000,
              1L << 30);

      CellResult result = new CellRunner().run(cell, new VigilDialect("wrong", OPERATOR_TOKEN));

      assertThat(result.agentsReady()).isZero();
      assertThat(result.dashboardsReady()).isEqualTo(1);
      assertThat(result.connectionsFailed()).isEqualTo(3);
      assertThat(result.notes()).contains("only 0 agents and 1 dashboards ready");
    }
  }
}
