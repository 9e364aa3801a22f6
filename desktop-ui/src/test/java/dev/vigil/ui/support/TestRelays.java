package dev.vigil.ui.support;

import dev.vigil.protocol.Severity;
import dev.vigil.server.Relay;
import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.config.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Real relays on free ports for the dashboard's tests. */
public final class TestRelays {
  public static final String AGENT_TOKEN = "a";
  public static final String OPERATOR_TOKEN = "o";
  public static final String OPERATOR_NAME = "alice";
  public static final String CPU_HOT_RULE = "cpu-hot";

  private TestRelays() {}

  /** The configuration of the task: tokens a / o=alice and one CPU-hot rule at 85 °C. */
  public static RelayConfig config(Path dataDir) {
    return RelayConfig.defaults()
        .withPort(0)
        .withHttpPort(0)
        .withAgentTokens(Set.of(AGENT_TOKEN))
        .withOperatorTokens(Map.of(OPERATOR_TOKEN, OPERATOR_NAME))
        .withRules(
            List.of(
                AlertRule.above(
                    CPU_HOT_RULE,
                    "cpu.package.temperature",
                    85,
                    80,
                    Duration.ZERO,
                    Severity.CRITICAL)))
        .withDataDir(dataDir);
  }

  /** Starts a relay with {@link #config}. */
  public static Relay start(Path dataDir) throws Exception {
    return Relay.start(config(dataDir));
  }
}
