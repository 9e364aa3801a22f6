package dev.vigil.server.config;

import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.server.alert.AgentOfflineDetector;
import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.alert.DefaultRules;
import dev.vigil.server.alert.RuleDefinitions;
import dev.vigil.server.link.OperatorRole;
import dev.vigil.server.notify.NotificationsConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a relay needs to run. Immutable; change it with the {@code with…} methods.
 *
 * @param bindAddress address both listeners bind to, e.g. {@code 0.0.0.0}
 * @param port WebSocket port; 0 picks a free one
 * @param httpPort HTTP port (health, hosts, alerts); 0 picks a free one
 * @param agentTokens tokens agents may use
 * @param operatorTokens operator token to operator name, for dashboards and the HTTP API
 * @param rules threshold alert rules (defaults: CPU hot, disk nearly full)
 * @param hardwareRules whether the catalog- and event-driven built-ins run (temperature above
 *     hardware limit, voltage out of range, fan stopped, device removed)
 * @param heartbeatInterval how often the relay pings every peer
 * @param helloTimeout how long a new connection has to send its hello
 * @param expectedSampleInterval how often agents are expected to sample; a host with no sample for
 *     {@link #STALE_FACTOR} times this is stale
 * @param offlineAlertAfter how long a host stays offline before the agent-offline alert fires
 * @param dataDir where the relay keeps its files (generated tokens)
 * @param clock wall clock for timestamps, stale detection and alert durations
 * @param replayBufferBytes bytes of recent dashboard-stream messages kept for dashboards that
 *     reconnect ({@link #DEFAULT_REPLAY_BUFFER_BYTES} by default, at least {@link
 *     #MIN_REPLAY_BUFFER_BYTES})
 * @param dialPeers listening agents and dashboards the relay dials itself ({@code ws://} or {@code
 *     wss://} URLs); empty when none
 * @param upstream the central relay this (site) relay forwards its hosts to; null when none
 * @param operatorRoles operator token to role; tokens not listed have {@link
 *     OperatorRole#PLAIN_TOKEN_ROLE}
 * @param ruleDefinitions further rules in the protocol's rule form (event rules, and threshold
 *     rules with any comparator), valid; the defaults that dashboard edits override by id
 * @param notifications webhooks, e-mail and commands told of alert transitions; {@link
 *     NotificationsConfig#NONE} when none
 * @param history the embedded history: enabled, file, retention
 * @param metricsRequireToken whether {@code GET /metrics} needs an operator token (default: no)
 */
public record RelayConfig(
    String bindAddress,
    int port,
    int httpPort,
    Set<String> agentTokens,
    Map<String, String> operatorTokens,
    List<AlertRule> rules,
    boolean hardwareRules,
    Duration heartbeatInterval,
    Duration helloTimeout,
    Duration expectedSampleInterval,
    Duration offlineAlertAfter,
    Path dataDir,
    Clock clock,
    int replayBufferBytes,
    List<URI> dialPeers,
    UpstreamConfig upstream,
    Map<String, OperatorRole> operatorRoles,
    List<RuleDefinition> ruleDefinitions,
    NotificationsConfig notifications,
    HistoryConfig history,
    boolean metricsRequireToken) {

  /** A host with no sample for this many expected intervals is stale. */
  public static final int STALE_FACTOR = 3;

  /** Default expected interval between an agent's samples. */
  public static final Duration DEFAULT_EXPECTED_SAMPLE_INTERVAL = Duration.ofSeconds(5);

  /** Default address to bind: every interface. */
  public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";

  /**
   * Default replay buffer: 64 MiB, about 18 minutes of a 100-host fleet at 1 Hz, or 11 s of 10,000
   * hosts. A dashboard away for longer gets a fresh snapshot and a gap marker.
   */
  public static final int DEFAULT_REPLAY_BUFFER_BYTES = 64 << 20;

  /** Least replay buffer: room for a few seconds of a small fleet. */
  public static final int MIN_REPLAY_BUFFER_BYTES = 1 << 20;

  private static final int MAX_PORT = 65_535;

  public RelayConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    checkPort("port", port);
    checkPort("httpPort", httpPort);
    agentTokens = Set.copyOf(agentTokens);
    operatorTokens = Map.copyOf(operatorTokens);
    rules = List.copyOf(rules);
    checkPositive("heartbeatInterval", heartbeatInterval);
    checkPositive("helloTimeout", helloTimeout);
    checkPositive("expectedSampleInterval", expectedSampleInterval);
    Objects.requireNonNull(offlineAlertAfter, "offlineAlertAfter");
    if (offlineAlertAfter.isNegative()) {
      throw new IllegalArgumentException("offlineAlertAfter must not be negative");
    }
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    if (replayBufferBytes < MIN_REPLAY_BUFFER_BYTES) {
      throw new IllegalArgumentException(
          "replay buffer of "
              + replayBufferBytes
              + " bytes is below the least accepted, "
              + MIN_REPLAY_BUFFER_BYTES);
    }
    Objects.requireNonNull(history, "history");
    dialPeers = List.copyOf(dialPeers);
    Objects.requireNonNull(notifications, "notifications");
    for (int i = 0; i < dialPeers.size(); i++) {
      String problem = webSocketUrlProblem(dialPeers.get(i));
      if (problem != null) {
        throw new IllegalArgumentException("dialPeers[" + i + "]: " + problem);
      }
    }
    operatorRoles = Map.copyOf(operatorRoles);
    ruleDefinitions = List.copyOf(ruleDefinitions);
    Set<String> ids = new java.util.HashSet<>();
    for (AlertRule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("duplicate alert rule id '" + rule.id() + "'");
      }
    }
    for (RuleDefinition rule : ruleDefinitions) {
      String problem = RuleDefinitions.problem(rule);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("duplicate alert rule id '" + rule.id() + "'");
      }
    }
  }

  /** Defaults: ports 8787/8788, no tokens (generated on first start), default rules. */
  public static RelayConfig defaults() {
    return new RelayConfig(
        DEFAULT_BIND_ADDRESS,
        Protocol.DEFAULT_RELAY_PORT,
        Protocol.DEFAULT_HTTP_PORT,
        Set.of(),
        Map.of(),
        DefaultRules.thresholdRules(),
        true,
        Duration.ofMillis(Protocol.DEFAULT_HEARTBEAT_INTERVAL_MS),
        Duration.ofMillis(Protocol.HELLO_TIMEOUT_MS),
        DEFAULT_EXPECTED_SAMPLE_INTERVAL,
        AgentOfflineDetector.DEFAULT_DELAY,
        Path.of(System.getProperty("user.home"), ".vigil", "relay"),
        Clock.systemUTC(),
        DEFAULT_REPLAY_BUFFER_BYTES,
        List.of(),
        null,
        Map.of(),
        List.of(),
        NotificationsConfig.NONE,
        HistoryConfig.defaults(),
        false);
  }

  /** How long a connected host may go without a sample before it is stale. */
  public Duration staleAfter() {
    return expectedSampleInterval.multipliedBy(STALE_FACTOR);
  }

  /** True when no agent and no operator token is configured. */
  public boolean hasNoTokens() {
    return agentTokens.isEmpty() && operatorTokens.isEmpty();
  }

  public RelayConfig withBindAddress(String address) {
    return new RelayConfig(
        address,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  /** 0 = ephemeral. */
  public RelayConfig withPort(int newPort) {
    return new RelayConfig(
        bindAddress,
        newPort,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  /** 0 = ephemeral. */
  public RelayConfig withHttpPort(int newPort) {
    return new RelayConfig(
        bindAddress,
        port,
        newPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  public RelayConfig withAgentTokens(Set<String> tokens) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        tokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  public RelayConfig withOperatorTokens(Map<String, String> tokenToOperatorName) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        tokenToOperatorName,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  /**
   * Replaces the default threshold rules. The agent-offline alert always runs (see {@link
   * #withOfflineAlertAfter}); the hardware built-ins are switched with {@link #withHardwareRules}.
   */
  public RelayConfig withRules(List<AlertRule> newRules) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        newRules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  /** Adds rules to the current ones. */
  public RelayConfig withExtraRules(List<AlertRule> extra) {
    List<AlertRule> all = new ArrayList<>(rules);
    all.addAll(extra);
    return withRules(all);
  }

  public RelayConfig withHardwareRules(boolean enabled) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        enabled,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  public RelayConfig withHeartbeatInterval(Duration interval) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        interval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  public RelayConfig withHelloTimeout(Duration timeout) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        timeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  public RelayConfig withExpectedSampleInterval(Duration interval) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        interval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  public RelayConfig withOfflineAlertAfter(Duration delay) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        delay,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  public RelayConfig withDataDir(Path dir) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  public RelayConfig withClock(Clock newClock) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        newClock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  public RelayConfig withReplayBufferBytes(int bytes) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        bytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  /** Replaces the listening peers the relay dials; see {@link #dialPeers()}. */
  public RelayConfig withDialPeers(List<URI> peers) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        peers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  /** Sets the central relay this relay forwards to; null for none. */
  public RelayConfig withNotifications(NotificationsConfig channels) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        channels,
        history,
        metricsRequireToken);
  }

  public RelayConfig withUpstream(UpstreamConfig central) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        central,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  /** Replaces the history settings; see {@link HistoryConfig}. */
  public RelayConfig withHistory(HistoryConfig newHistory) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        newHistory,
        metricsRequireToken);
  }

  /** Whether {@code GET /metrics} needs an operator token. */
  public RelayConfig withMetricsRequireToken(boolean required) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        ruleDefinitions,
        notifications,
        history,
        required);
  }

  /** The history database file. */
  public Path historyPath() {
    return history.resolvePath(dataDir);
  }

  /**
   * What is wrong with {@code url} as the address of a WebSocket peer, or null when it is usable:
   * it needs the scheme {@code ws} or {@code wss} and a host.
   */
  public static String webSocketUrlProblem(URI url) {
    if (url == null) {
      return "missing URL";
    }
    String scheme = url.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))) {
      return "'" + url + "' must start with ws:// or wss://";
    }
    if (url.getHost() == null || url.getHost().isBlank()) {
      return "'" + url + "' has no host";
    }
    return null;
  }

  private static void checkPort(String name, int value) {
    if (value < 0 || value > MAX_PORT) {
      throw new IllegalArgumentException(name + " must be 0-" + MAX_PORT + ": " + value);
    }
  }

  private static void checkPositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** Sets the role of each operator token; tokens not listed have the plain-token role. */
  public RelayConfig withOperatorRoles(Map<String, OperatorRole> roles) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        roles,
        ruleDefinitions,
        notifications,
        history,
        metricsRequireToken);
  }

  /** Sets the rules in the protocol's rule form. */
  public RelayConfig withRuleDefinitions(List<RuleDefinition> definitions) {
    return new RelayConfig(
        bindAddress,
        port,
        httpPort,
        agentTokens,
        operatorTokens,
        rules,
        hardwareRules,
        heartbeatInterval,
        helloTimeout,
        expectedSampleInterval,
        offlineAlertAfter,
        dataDir,
        clock,
        replayBufferBytes,
        dialPeers,
        upstream,
        operatorRoles,
        definitions,
        notifications,
        history,
        metricsRequireToken);
  }

  /**
   * The default rules of the rule book: the threshold rules, the rule definitions, and the built-in
   * agent-offline rule unless one of them has its id.
   */
  public List<RuleDefinition> defaultRuleDefinitions() {
    List<RuleDefinition> all = new ArrayList<>();
    for (AlertRule rule : rules) {
      all.add(RuleDefinitions.of(rule));
    }
    all.addAll(ruleDefinitions);
    if (all.stream().noneMatch(r -> r.id().equals(AgentOfflineDetector.RULE_ID))) {
      all.add(RuleDefinitions.agentOffline(offlineAlertAfter));
    }
    return all;
  }
}
