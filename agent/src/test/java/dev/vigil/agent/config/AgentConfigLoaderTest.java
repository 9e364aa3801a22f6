package dev.vigil.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.AgentConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Config layering: file, then environment, then flags. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class AgentConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void flagsOverrideEnvironmentWhichOverridesFile() throws Exception {
    Path file = dir.resolve("agent.properties");
    Files.writeString(
        file,
        "relay.url=ws://file:1\ntoken=from-file\nhost.name=file-host\nlabels=rack=a1,room=2\nsample.interval=5s\n");
    Map<String, String> env =
        AgentConfigLoader.fromEnvironment(
            Map.of(
                "VIGIL_TOKEN",
                "from-env",
                "VIGIL_HOST_NAME",
                "env-host",
                "VIGIL_LABELS",
                "rack=b2"));
    Map<String, String> flags = Map.of("host.name", "flag-host", "sample.interval", "500ms");

    AgentConfig c =
        AgentConfigLoader.apply(
            AgentConfig.defaults(), AgentConfigLoader.readFile(file), env, flags);

    assertThat(c.relayUri()).isEqualTo(URI.create("ws://file:1"));
    assertThat(c.token()).isEqualTo("from-env");
    assertThat(c.hostName()).isEqualTo("flag-host");
    assertThat(c.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("rack", "b2", "room", "2"));
    assertThat(c.sampleInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.inventoryInterval()).isEqualTo(AgentConfig.DEFAULT_INVENTORY_INTERVAL);
  }

  @Test
  void unknownKeyInFileIsRejectedWithItsName() throws Exception {
    Path file = dir.resolve("agent.properties");
    Files.writeString(file, "relay.uri=ws://x:1\n");

    assertThatThrownBy(() -> AgentConfigLoader.readFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown key 'relay.uri'")
        .hasMessageContaining("relay.url");
  }

  @Test
  void badValueIsRejectedNamingKeyAndValue() {
    assertThatThrownBy(
            () ->
                AgentConfigLoader.apply(AgentConfig.defaults(), Map.of("sample.interval", "fast")))
        .hasMessageContaining("sample.interval")
        .hasMessageContaining("'fast'");
    assertThatThrownBy(
            () -> AgentConfigLoader.apply(AgentConfig.defaults(), Map.of("relay.url", "http://x")))
        .hasMessageContaining("relay.url")
        .hasMessageContaining("ws://");
  }

  @Test
  void bufferSizeTakesBytesOrASuffix() {
    assertThat(
            AgentConfigLoader.apply(AgentConfig.defaults(), Map.of("buffer.max.bytes", "64M"))
                .bufferMaxBytes())
        .isEqualTo(64L * 1024 * 1024);
    assertThat(
            AgentConfigLoader.apply(
                    AgentConfig.defaults(), Map.of("buffer.max.bytes", "1073741824"))
                .bufferMaxBytes())
        .isEqualTo(1L << 30);
  }

  @Test
  void badBufferSizeIsRejectedWithTheValueAndTheLeastAccepted() {
    assertThatThrownBy(
            () ->
                AgentConfigLoader.apply(AgentConfig.defaults(), Map.of("buffer.max.bytes", "lots")))
        .hasMessageContaining("buffer.max.bytes")
        .hasMessageContaining("'lots' is not a size in bytes");
    assertThatThrownBy(
            () -> AgentConfigLoader.apply(AgentConfig.defaults(), Map.of("buffer.max.bytes", "1K")))
        .hasMessageContaining("buffer size must be at least 2097152 bytes, got 1024");
  }

  @Test
  void listenModeAddressAndAllowListAreRead() {
    var c =
        AgentConfigLoader.apply(
            AgentConfig.defaults(),
            Map.of("listen", ":8790", "listen.allow", "10.0.0.5, relay.lab"));

    assertThat(c.link().listen()).isPresent();
    assertThat(c.link().listen().get().getPort()).isEqualTo(8790);
    assertThat(c.link().listenAllow()).containsExactly("10.0.0.5", "relay.lab");
  }

  @Test
  void aListenAddressWithoutAPortIsRefusedNamingIt() {
    assertThatThrownBy(
            () -> AgentConfigLoader.apply(AgentConfig.defaults(), Map.of("listen", "relay.lab")))
        .hasMessageContaining("listen address 'relay.lab' must be host:port or :port");
  }

  @Test
  void aRelayHttpUrlThatIsNotHttpIsRefused() {
    assertThatThrownBy(
            () ->
                AgentConfigLoader.apply(
                    AgentConfig.defaults(), Map.of("relay.http.url", "ws://relay:8788")))
        .hasMessageContaining("must start with http:// or https://");
  }

  @Test
  void anEmptyListenAllowListIsRefused() {
    assertThatThrownBy(
            () -> AgentConfigLoader.apply(AgentConfig.defaults(), Map.of("listen.allow", " , ")))
        .hasMessageContaining("listen.allow must name at least one address");
  }
}
