package dev.vigil.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ui.theme.Theme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LaunchOptionsTest {
  private final Settings remembered =
      new Settings("ws://remembered:1", "old", Theme.LIGHT, 800, 600, "id", true);

  @Test
  void flagsWinOverEnvironmentWhichWinsOverRememberedSettings() {
    Map<String, String> env =
        Map.of(LaunchOptions.ENV_RELAY_URL, "ws://env:2", LaunchOptions.ENV_TOKEN, "env-token");

    Settings fromEnv = LaunchOptions.parse(List.of(), env).applyTo(remembered);
    Settings fromFlags =
        LaunchOptions.parse(List.of("--relay", "ws://flag:3", "--theme", "dark"), env)
            .applyTo(remembered);

    assertThat(fromEnv.relayUrl()).isEqualTo("ws://env:2");
    assertThat(fromEnv.token()).isEqualTo("env-token");
    assertThat(fromFlags.relayUrl()).isEqualTo("ws://flag:3");
    assertThat(fromFlags.token()).isEqualTo("env-token");
    assertThat(fromFlags.theme()).isEqualTo(Theme.DARK);
  }

  @Test
  void sizeFlagSetsTheWindowSizeAndRejectsTinyOrMalformedSizes() {
    Settings sized =
        LaunchOptions.parse(List.of("--size", "1600x1000"), Map.of()).applyTo(remembered);

    assertThat(sized.windowWidth()).isEqualTo(1600);
    assertThat(sized.windowHeight()).isEqualTo(1000);
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--size", "100x100"), Map.of()))
        .hasMessageStartingWith("--size needs WIDTHxHEIGHT");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--size", "big"), Map.of()))
        .hasMessageStartingWith("--size needs WIDTHxHEIGHT");
  }

  @Test
  void unknownFlagIsRejectedByName() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--relya", "x"), Map.of()))
        .hasMessageStartingWith("unknown option '--relya'");
  }

  @Test
  void flagWithoutValueIsRejected() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--token"), Map.of()))
        .hasMessage("option '--token' needs a value");
  }

  @Test
  void relayUrlThatIsNotWebSocketIsRejected() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--relay", "localhost:8787"), Map.of()))
        .hasMessageContaining("must start with ws:// or wss://");
  }

  @Test
  void badLinkFlagsAreRefusedNamingTheFlag() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LaunchOptions.parse(List.of("--relay-http", "ws://relay:8788"), Map.of()))
        .hasMessageContaining("--relay-http needs an http:// or https:// URL");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LaunchOptions.parse(List.of("--listen", "relay.lab"), Map.of()))
        .hasMessageContaining("--listen needs HOST:PORT or :PORT");
  }

  @Test
  void listenModeFlagsAreRead() {
    LaunchOptions options =
        LaunchOptions.parse(
            List.of(
                "--listen", ":8791", "--listen-allow", "10.0.0.5", "--relay-http", "http://r:9"),
            Map.of());

    assertThat(options.link().listen().orElseThrow().getPort()).isEqualTo(8791);
    assertThat(options.link().listenAllow()).containsExactly("10.0.0.5");
    assertThat(options.link().relayHttpUri()).contains(java.net.URI.create("http://r:9"));
  }
}
