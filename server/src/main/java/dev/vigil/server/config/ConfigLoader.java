package dev.vigil.server.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the relay's config from its sources, each overriding the one before: defaults, the JSON
 * config file, environment ({@code VIGIL_PORT}, {@code VIGIL_HTTP_PORT}, {@code
 * VIGIL_AGENT_TOKENS}, {@code VIGIL_OPERATOR_TOKENS}), then command-line flags.
 */
public final class ConfigLoader {
  public static final String ENV_PORT = "VIGIL_PORT";
  public static final String ENV_HTTP_PORT = "VIGIL_HTTP_PORT";
  public static final String ENV_AGENT_TOKENS = "VIGIL_AGENT_TOKENS";
  public static final String ENV_OPERATOR_TOKENS = "VIGIL_OPERATOR_TOKENS";

  /**
   * Values given as command-line flags; {@code null} or empty means not given.
   *
   * @param configFile the JSON config file
   * @param port WebSocket port
   * @param httpPort HTTP port
   * @param dataDir data directory
   * @param agentTokens agent tokens
   * @param operatorTokens operator token to name
   */
  public record Flags(
      Path configFile,
      Integer port,
      Integer httpPort,
      Path dataDir,
      List<String> agentTokens,
      Map<String, String> operatorTokens) {}

  private ConfigLoader() {}

  /** Defaults, then file, then {@code env}, then {@code flags}. */
  public static RelayConfig load(Flags flags, Map<String, String> env) {
    RelayConfig c = RelayConfig.defaults();
    if (flags.configFile() != null) {
      c = ConfigFile.apply(flags.configFile(), c);
    }
    c = applyEnv(c, env);
    if (flags.port() != null) {
      c = c.withPort(flags.port());
    }
    if (flags.httpPort() != null) {
      c = c.withHttpPort(flags.httpPort());
    }
    if (flags.dataDir() != null) {
      c = c.withDataDir(flags.dataDir());
    }
    if (flags.agentTokens() != null && !flags.agentTokens().isEmpty()) {
      c = c.withAgentTokens(Set.copyOf(flags.agentTokens()));
    }
    if (flags.operatorTokens() != null && !flags.operatorTokens().isEmpty()) {
      c = c.withOperatorTokens(flags.operatorTokens());
    }
    return c;
  }

  private static RelayConfig applyEnv(RelayConfig c, Map<String, String> env) {
    String port = env.get(ENV_PORT);
    if (port != null && !port.isBlank()) {
      c = c.withPort(parsePort(port, ENV_PORT));
    }
    String httpPort = env.get(ENV_HTTP_PORT);
    if (httpPort != null && !httpPort.isBlank()) {
      c = c.withHttpPort(parsePort(httpPort, ENV_HTTP_PORT));
    }
    String agentTokens = env.get(ENV_AGENT_TOKENS);
    if (agentTokens != null && !agentTokens.isBlank()) {
      Set<String> tokens = new LinkedHashSet<>();
      Arrays.stream(agentTokens.split(","))
          .map(String::trim)
          .filter(t -> !t.isEmpty())
          .forEach(tokens::add);
      c = c.withAgentTokens(tokens);
    }
    String operatorTokens = env.get(ENV_OPERATOR_TOKENS);
    if (operatorTokens != null && !operatorTokens.isBlank()) {
      c = c.withOperatorTokens(OperatorTokens.parseList(operatorTokens, ENV_OPERATOR_TOKENS));
    }
    return c;
  }

  private static int parsePort(String value, String source) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(source + ": not a port number: '" + value + "'", e);
    }
  }
}
