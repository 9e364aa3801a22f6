package dev.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.Severity;
import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.alert.DefaultRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Config sources: defaults, then file, then environment, then flags. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class ConfigLoaderTest {
  @TempDir Path dir;

  private static final ConfigLoader.Flags NO_FLAGS =
      new ConfigLoader.Flags(null, null, null, null, null, null);

  @Test
  void flagsOverrideEnvironmentWhichOverridesFile() throws Exception {
    Path file = write("{\"port\": 9001, \"httpPort\": 9002, \"agentTokens\": [\"from-file\"]}");
    Map<String, String> env = Map.of("VIGIL_HTTP_PORT", "9102", "VIGIL_AGENT_TOKENS", "e1, e2");
    ConfigLoader.Flags flags = new ConfigLoader.Flags(file, null, null, null, List.of("f1"), null);

    RelayConfig fileOnly =
        ConfigLoader.load(new ConfigLoader.Flags(file, null, null, null, null, null), Map.of());
    RelayConfig all = ConfigLoader.load(flags, env);

    assertThat(fileOnly.port()).isEqualTo(9001);
    assertThat(fileOnly.agentTokens()).containsExactly("from-file");
    assertThat(all.port()).isEqualTo(9001);
    assertThat(all.httpPort()).isEqualTo(9102);
    assertThat(all.agentTokens()).containsExactly("f1");
    assertThat(ConfigLoader.load(NO_FLAGS, env).agentTokens())
        .containsExactlyInAnyOrder("e1", "e2");
  }

  @Test
  void operatorTokensFromEnvironmentMapTokenToName() {
    RelayConfig config =
        ConfigLoader.load(NO_FLAGS, Map.of("VIGIL_OPERATOR_TOKENS", "t1=alice,t2=bob"));

    assertThat(config.operatorTokens())
        .containsExactlyInAnyOrderEntriesOf(Map.of("t1", "alice", "t2", "bob"));
  }

  @Test
  void rulesInFileExtendDefaultsUnlessTheyReplaceThem() throws Exception {
    String rule =
        "{\"id\": \"gpu-hot\", \"sensorPattern\": \"gpu.*.temperature\", \"kind\": \"temperature\","
            + " \"comparison\": \"above\", \"threshold\": 90, \"clearThreshold\": 85,"
            + " \"minDurationMs\": 10000, \"severity\": \"critical\"}";
    AlertRule expected =
        new AlertRule(
            "gpu-hot",
            null,
            "*",
            "gpu.*.temperature",
            SensorKind.TEMPERATURE,
            dev.vigil.server.alert.Comparison.ABOVE,
            90,
            85,
            Duration.ofSeconds(10),
            Severity.CRITICAL);

    RelayConfig extended =
        ConfigFile.apply("{\"rules\": [" + rule + "]}", "test", RelayConfig.defaults());
    RelayConfig replaced =
        ConfigFile.apply(
            "{\"replaceDefaultRules\": true, \"rules\": [" + rule + "]}",
            "test",
            RelayConfig.defaults());

    assertThat(extended.rules())
        .containsExactly(DefaultRules.CPU_HOT, DefaultRules.DISK_NEARLY_FULL, expected);
    assertThat(replaced.rules()).containsExactly(expected);
  }

  @Test
  void unknownKeyInFileIsAnErrorNamingIt() {
    assertThatThrownBy(
            () -> ConfigFile.apply("{\"prot\": 1}", "relay.json", RelayConfig.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("relay.json")
        .hasMessageContaining("'prot'");
  }

  @Test
  void ruleWithUnknownSeverityIsAnErrorNamingTheRule() {
    String json =
        "{\"rules\": [{\"id\": \"x\", \"sensorPattern\": \"a\", \"threshold\": 1,"
            + " \"severity\": \"urgent\"}]}";

    assertThatThrownBy(() -> ConfigFile.apply(json, "relay.json", RelayConfig.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rules[0].severity")
        .hasMessageContaining("'urgent'");
  }

  private Path write(String json) throws Exception {
    Path file = dir.resolve("relay.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void replayBufferSizeComesFromTheFile() throws Exception {
    RelayConfig c =
        ConfigFile.apply("{\"replayBufferBytes\": 8388608}", "relay.json", RelayConfig.defaults());

    assertThat(c.replayBufferBytes()).isEqualTo(8 << 20);
  }

  @Test
  void replayBufferSizeOutsideItsRangeIsRefusedWithTheRange() {
    assertThatThrownBy(
            () ->
                ConfigFile.apply(
                    "{\"replayBufferBytes\": 1000}", "relay.json", RelayConfig.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("relay.json: replayBufferBytes 1000 is outside 1048576 to 1073741824");
  }

  @Test
  void dialPeersComeFromTheFile() {
    RelayConfig c =
        ConfigFile.apply(
            "{\"dialPeers\": [\"ws://10.0.0.7:8787/\", \"wss://edge.example:443/\"]}",
            "relay.json",
            RelayConfig.defaults());

    assertThat(c.dialPeers())
        .containsExactly(
            java.net.URI.create("ws://10.0.0.7:8787/"),
            java.net.URI.create("wss://edge.example:443/"));
  }

  @Test
  void dialPeersEntryThatIsNotAWebSocketUrlIsRefusedWithItsIndex() {
    assertThatThrownBy(
            () ->
                ConfigFile.apply(
                    "{\"dialPeers\": [\"ws://ok:1/\", \"http://10.0.0.7:8787/\"]}",
                    "relay.json",
                    RelayConfig.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "relay.json: dialPeers[1]: 'http://10.0.0.7:8787/' must start with ws:// or wss://");
  }

  @Test
  void dialPeersEntryWithoutAHostIsRefusedWithItsIndex() {
    assertThatThrownBy(
            () ->
                ConfigFile.apply(
                    "{\"dialPeers\": [\"ws:///path\"]}", "relay.json", RelayConfig.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("relay.json: dialPeers[0]: 'ws:///path' has no host");
  }

  @Test
  void badDialPeersEntryInAConfigFileIsRefusedWithItsFileAndIndex() throws Exception {
    Path file = write("{\"dialPeers\": [\"ws://bad host:1/\"]}");

    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    new ConfigLoader.Flags(file, null, null, null, null, null), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": dialPeers[0]: 'ws://bad host:1/' is not a URL");
  }

  @Test
  void upstreamComesFromTheFile() {
    RelayConfig c =
        ConfigFile.apply(
            "{\"upstream\": {\"url\": \"ws://central:8787/\", \"token\": \"t\","
                + " \"site\": \"plant-a\"}}",
            "relay.json",
            RelayConfig.defaults());

    assertThat(c.upstream())
        .isEqualTo(new UpstreamConfig(java.net.URI.create("ws://central:8787/"), "t", "plant-a"));
  }

  @Test
  void upstreamWithoutATokenIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                ConfigFile.apply(
                    "{\"upstream\": {\"url\": \"ws://central:8787/\", \"site\": \"a\"}}",
                    "relay.json",
                    RelayConfig.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("relay.json: upstream: missing required field 'token'");
  }

  @Test
  void upstreamUrlThatIsNotAWebSocketUrlIsRefused() {
    assertThatThrownBy(
            () ->
                ConfigFile.apply(
                    "{\"upstream\": {\"url\": \"central:8787\", \"token\": \"t\","
                        + " \"site\": \"a\"}}",
                    "relay.json",
                    RelayConfig.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("relay.json: upstream.url: 'central:8787' must start with ws:// or wss://");
  }

  @Test
  void upstreamWithAnUnknownKeyIsRefused() {
    assertThatThrownBy(
            () ->
                ConfigFile.apply(
                    "{\"upstream\": {\"url\": \"ws://c:1/\", \"token\": \"t\","
                        + " \"site\": \"a\", \"sight\": \"b\"}}",
                    "relay.json",
                    RelayConfig.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("relay.json: upstream: unknown key 'sight'");
  }

  @Test
  void upstreamWithABlankSiteIsRefused() {
    assertThatThrownBy(
            () ->
                ConfigFile.apply(
                    "{\"upstream\": {\"url\": \"ws://c:1/\", \"token\": \"t\","
                        + " \"site\": \" \"}}",
                    "relay.json",
                    RelayConfig.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("relay.json: upstream: site must be 1 to 64 characters, got ' '");
  }
}
