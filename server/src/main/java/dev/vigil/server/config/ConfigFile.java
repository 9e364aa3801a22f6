package dev.vigil.server.config;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import dev.vigil.protocol.DecodeResult;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.MessageType;
import dev.vigil.protocol.Protocol;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RulePut;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.Severity;
import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.alert.Comparison;
import dev.vigil.server.alert.RuleDefinitions;
import dev.vigil.server.link.OperatorRole;
import dev.vigil.server.notify.NotificationsConfigReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The relay's JSON config file. Every key is optional; unknown keys are errors (a typo must not be
 * silently ignored). Example:
 *
 * <pre>{@code
 * { "port": 8787, "httpPort": 8788, "dataDir": "/var/lib/vigil",
 *   "agentTokens": ["..."],
 *   "operatorTokens": {"t1": "root", "t2": {"name": "alice", "role": "operator"}},
 *   "heartbeatIntervalMs": 5000, "offlineAlertAfterMs": 30000, "replayBufferBytes": 67108864,
 *   "replaceDefaultRules": false,
 *   "dialPeers": ["ws://10.0.0.7:8787/"],
 *   "upstream": {"url": "ws://central:8787/", "token": "...", "site": "plant-a"},
 *   "notifications": {"webhooks": [{"url": "https://hooks.example/vigil"}]},
 *   "history": {"enabled": true, "path": "/var/lib/vigil/history.db",
 *               "rawRetention": "24h", "rollupRetention": "30d"},
 *   "metricsRequireToken": false,
 *   "rules": [{"id": "gpu-hot", "sensorPattern": "gpu.*.temperature", "kind": "temperature",
 *              "comparison": "above", "threshold": 90, "clearThreshold": 85,
 *              "minDurationMs": 10000, "severity": "critical"},
 *             {"id": "usb-storage-added", "kind": "device.added",
 *              "selector": {"deviceKind": "usb"}, "severity": "warning",
 *              "messageTemplate": "USB device {device} added on {host}"}] }
 * }</pre>
 *
 * <p>A plain operator token ({@code "token": "name"}) has role {@link
 * OperatorRole#PLAIN_TOKEN_ROLE}. A rule with a {@code selector} is in the protocol's rule form
 * ({@code docs/protocol.md}, {@code rule.put}); one without is in the older threshold form.
 */
public final class ConfigFile {
  private static final Gson GSON = new Gson();
  private static final MessageCodec CODEC = MessageCodec.forInbound();

  /** A rule object with this key is in the protocol's rule form. */
  static final String SELECTOR_KEY = "selector";

  /** Largest replay buffer the file may ask for: 1 GiB (one direct buffer). */
  static final long MAX_REPLAY_BUFFER_BYTES = 1L << 30;

  /** The top-level keys. */
  record Root(
      String bindAddress,
      Integer port,
      Integer httpPort,
      String dataDir,
      List<String> agentTokens,
      Map<String, JsonElement> operatorTokens,
      Long heartbeatIntervalMs,
      Long helloTimeoutMs,
      Long expectedSampleIntervalMs,
      Long offlineAlertAfterMs,
      Long replayBufferBytes,
      Boolean hardwareRules,
      Boolean replaceDefaultRules,
      List<JsonObject> rules,
      List<String> dialPeers,
      JsonObject upstream,
      JsonElement notifications,
      JsonObject history,
      Boolean metricsRequireToken) {}

  /** An operator token's object form: {@code {"name": "alice", "role": "viewer"}}. */
  record OperatorSpec(String name, String role) {}

  /** The {@code history} object as written in the file; durations as text, e.g. {@code 24h}. */
  record HistorySpec(Boolean enabled, String path, String rawRetention, String rollupRetention) {}

  /** The {@code upstream} object as written in the file. */
  record UpstreamSpec(String url, String token, String site) {}

  /** One rule as written in the file. */
  record RuleSpec(
      String id,
      String description,
      String hostPattern,
      String sensorPattern,
      String kind,
      String comparison,
      Double threshold,
      Double clearThreshold,
      Long minDurationMs,
      String severity) {}

  private ConfigFile() {}

  /** Reads {@code file} and applies it on top of {@code base}. */
  public static RelayConfig apply(Path file, RelayConfig base) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString();
      throw new ConfigException("cannot read config file " + file + ": " + why, e);
    }
    return apply(text, file.toString(), base);
  }

  /** Applies JSON {@code text} (from {@code source}) on top of {@code base}. */
  public static RelayConfig apply(String text, String source, RelayConfig base) {
    JsonObject json;
    try {
      JsonElement parsed = JsonParser.parseString(text);
      if (!parsed.isJsonObject()) {
        throw new ConfigException(source + ": the config must be a JSON object");
      }
      json = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new ConfigException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    checkKeys(json, Root.class, source);
    Root root = parse(json, Root.class, source);
    RelayConfig c = base;
    if (root.bindAddress() != null) {
      c = c.withBindAddress(root.bindAddress());
    }
    if (root.port() != null) {
      c = c.withPort(root.port());
    }
    if (root.httpPort() != null) {
      c = c.withHttpPort(root.httpPort());
    }
    if (root.dataDir() != null) {
      c = c.withDataDir(Path.of(root.dataDir()));
    }
    if (root.agentTokens() != null) {
      c = c.withAgentTokens(Set.copyOf(root.agentTokens()));
    }
    if (root.operatorTokens() != null) {
      Map<String, String> names = new LinkedHashMap<>();
      Map<String, OperatorRole> roles = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : root.operatorTokens().entrySet()) {
        operatorToken(e.getKey(), e.getValue(), source + ": operatorTokens", names, roles);
      }
      c = c.withOperatorTokens(names).withOperatorRoles(roles);
    }
    if (root.heartbeatIntervalMs() != null) {
      c = c.withHeartbeatInterval(Duration.ofMillis(root.heartbeatIntervalMs()));
    }
    if (root.helloTimeoutMs() != null) {
      c = c.withHelloTimeout(Duration.ofMillis(root.helloTimeoutMs()));
    }
    if (root.expectedSampleIntervalMs() != null) {
      c = c.withExpectedSampleInterval(Duration.ofMillis(root.expectedSampleIntervalMs()));
    }
    if (root.offlineAlertAfterMs() != null) {
      c = c.withOfflineAlertAfter(Duration.ofMillis(root.offlineAlertAfterMs()));
    }
    if (root.replayBufferBytes() != null) {
      long bytes = root.replayBufferBytes();
      if (bytes < RelayConfig.MIN_REPLAY_BUFFER_BYTES || bytes > MAX_REPLAY_BUFFER_BYTES) {
        throw new ConfigException(
            source
                + ": replayBufferBytes "
                + bytes
                + " is outside "
                + RelayConfig.MIN_REPLAY_BUFFER_BYTES
                + " to "
                + MAX_REPLAY_BUFFER_BYTES);
      }
      c = c.withReplayBufferBytes((int) bytes);
    }
    if (root.hardwareRules() != null) {
      c = c.withHardwareRules(root.hardwareRules());
    }
    if (root.dialPeers() != null) {
      c = c.withDialPeers(dialPeers(root.dialPeers(), source));
    }
    if (root.upstream() != null) {
      c = c.withUpstream(upstream(root.upstream(), source + ": upstream"));
    }
    if (root.notifications() != null) {
      c =
          c.withNotifications(
              NotificationsConfigReader.read(root.notifications(), source + ": notifications"));
    }
    if (root.history() != null) {
      c = c.withHistory(history(root.history(), c.history(), source + ": history"));
    }
    if (root.metricsRequireToken() != null) {
      c = c.withMetricsRequireToken(root.metricsRequireToken());
    }
    List<AlertRule> rules = new ArrayList<>();
    List<RuleDefinition> definitions = new ArrayList<>();
    if (root.rules() != null) {
      for (int i = 0; i < root.rules().size(); i++) {
        JsonObject ruleJson = root.rules().get(i);
        String where = source + ": rules[" + i + "]";
        if (ruleJson.has(SELECTOR_KEY)) {
          definitions.add(definition(ruleJson, where));
        } else {
          rules.add(rule(ruleJson, where));
        }
      }
    }
    boolean replace = Boolean.TRUE.equals(root.replaceDefaultRules());
    c = replace ? c.withRules(rules) : c.withExtraRules(rules);
    try {
      return c.withRuleDefinitions(definitions);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source + ": rules: " + e.getMessage(), e);
    }
  }

  private static List<URI> dialPeers(List<String> entries, String source) {
    List<URI> peers = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      peers.add(webSocketUrl(entries.get(i), source + ": dialPeers[" + i + "]"));
    }
    return peers;
  }

  private static UpstreamConfig upstream(JsonObject json, String where) {
    checkKeys(json, UpstreamSpec.class, where);
    UpstreamSpec u = parse(json, UpstreamSpec.class, where);
    URI url = webSocketUrl(required(u.url(), where, "url"), where + ".url");
    try {
      return new UpstreamConfig(
          url, required(u.token(), where, "token"), required(u.site(), where, "site"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage(), e);
    }
  }

  private static HistoryConfig history(JsonObject json, HistoryConfig base, String where) {
    checkKeys(json, HistorySpec.class, where);
    HistorySpec h = parse(json, HistorySpec.class, where);
    // A history object turns history on, unless it says "enabled": false.
    HistoryConfig c = base.withEnabled(h.enabled() == null || h.enabled());
    if (h.path() != null) {
      if (h.path().isBlank()) {
        throw new ConfigException(where + ".path: must not be empty");
      }
      c = c.withPath(Path.of(h.path()));
    }
    Duration raw =
        h.rawRetention() == null
            ? c.rawRetention()
            : DurationText.parse(h.rawRetention(), where + ".rawRetention");
    Duration rollups =
        h.rollupRetention() == null
            ? c.rollupRetention()
            : DurationText.parse(h.rollupRetention(), where + ".rollupRetention");
    try {
      return c.withRetention(raw, rollups);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage(), e);
    }
  }

  /** A {@code ws://} or {@code wss://} URL with a host, or a precise error naming {@code where}. */
  private static URI webSocketUrl(String text, String where) {
    if (text == null) {
      throw new ConfigException(where + ": missing URL");
    }
    URI url;
    try {
      url = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new ConfigException(where + ": '" + text + "' is not a URL: " + e.getReason(), e);
    }
    String problem = RelayConfig.webSocketUrlProblem(url);
    if (problem != null) {
      throw new ConfigException(where + ": " + problem);
    }
    return url;
  }

  /**
   * One operator token: {@code "token": "name"} (role {@link OperatorRole#PLAIN_TOKEN_ROLE}) or
   * {@code "token": {"name": "alice", "role": "viewer"}}.
   */
  private static void operatorToken(
      String token,
      JsonElement value,
      String where,
      Map<String, String> names,
      Map<String, OperatorRole> roles) {
    String entry = where + " (entry " + (names.size() + 1) + ")";
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
      names.put(token, value.getAsString());
      return;
    }
    if (!value.isJsonObject()) {
      throw new ConfigException(
          entry + ": must be a name or {\"name\": ..., \"role\": viewer|operator|admin}");
    }
    checkKeys(value.getAsJsonObject(), OperatorSpec.class, entry);
    OperatorSpec spec = parse(value, OperatorSpec.class, entry);
    String name = required(spec.name(), entry, "name");
    String roleName = required(spec.role(), entry, "role");
    OperatorRole role = OperatorRole.byWireName(roleName);
    if (role == null) {
      throw new ConfigException(
          entry + ".role: '" + roleName + "' is not one of viewer, operator, admin");
    }
    names.put(token, name);
    roles.put(token, role);
  }

  /**
   * A rule in the protocol's form (it has a {@code selector}), checked like a {@code rule.put} from
   * a dashboard.
   */
  private static RuleDefinition definition(JsonObject json, String where) {
    JsonObject body = new JsonObject();
    body.addProperty("requestId", "config");
    body.add("rule", json);
    JsonObject envelope = new JsonObject();
    envelope.addProperty("v", Protocol.VERSION);
    envelope.addProperty("type", MessageType.RULE_PUT.wireName());
    envelope.add("body", body);
    DecodeResult result = CODEC.decode(GSON.toJson(envelope));
    if (result instanceof DecodeResult.Failed failed) {
      throw new ConfigException(
          where + ": " + failed.detail().replace("rule.put.rule.", "").replace("rule.put.", ""));
    }
    RuleDefinition rule = ((RulePut) ((DecodeResult.Decoded) result).envelope().body()).rule();
    String problem = RuleDefinitions.problem(rule);
    if (problem != null) {
      throw new ConfigException(where + ": " + problem);
    }
    return rule;
  }

  private static AlertRule rule(JsonObject json, String where) {
    checkKeys(json, RuleSpec.class, where);
    RuleSpec r = parse(json, RuleSpec.class, where);
    try {
      return new AlertRule(
          required(r.id(), where, "id"),
          r.description(),
          r.hostPattern() == null ? "*" : r.hostPattern(),
          required(r.sensorPattern(), where, "sensorPattern"),
          r.kind() == null ? null : wireEnum(SensorKind.class, r.kind(), where + ".kind"),
          r.comparison() == null
              ? Comparison.ABOVE
              : javaEnum(Comparison.class, r.comparison(), where + ".comparison"),
          required(r.threshold(), where, "threshold"),
          r.clearThreshold() == null ? r.threshold() : r.clearThreshold(),
          Duration.ofMillis(r.minDurationMs() == null ? 0 : r.minDurationMs()),
          wireEnum(Severity.class, required(r.severity(), where, "severity"), where + ".severity"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage(), e);
    }
  }

  private static <T> T required(T value, String where, String field) {
    if (value == null) {
      throw new ConfigException(where + ": missing required field '" + field + "'");
    }
    return value;
  }

  private static <T> T parse(JsonElement json, Class<T> type, String where) {
    try {
      return GSON.fromJson(json, type);
    } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
      throw new ConfigException(where + ": " + e.getMessage(), e);
    }
  }

  private static void checkKeys(JsonObject json, Class<? extends Record> type, String where) {
    Set<String> known = new HashSet<>();
    Arrays.stream(type.getRecordComponents()).forEach(c -> known.add(c.getName()));
    for (String key : json.keySet()) {
      if (!known.contains(key)) {
        throw new ConfigException(where + ": unknown key '" + key + "'; known keys: " + known);
      }
    }
  }

  /** An enum constant by its {@code @SerializedName} (the protocol's wire name). */
  private static <E extends Enum<E>> E wireEnum(Class<E> type, String value, String where) {
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      try {
        SerializedName name = type.getField(constant.name()).getAnnotation(SerializedName.class);
        String wire = name == null ? constant.name().toLowerCase(Locale.ROOT) : name.value();
        if (wire.equals(value)) {
          return constant;
        }
        names.add(wire);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new ConfigException(where + ": '" + value + "' is not one of " + names);
  }

  private static <E extends Enum<E>> E javaEnum(Class<E> type, String value, String where) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          where + ": '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
