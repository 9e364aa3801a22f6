package dev.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code history} and {@code metricsRequireToken} keys of the config file. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class HistoryConfigTest {
  private static RelayConfig apply(String json) {
    return ConfigFile.apply(json, "test.json", RelayConfig.defaults().withDataDir(Path.of("/d")));
  }

  @Test
  void historyIsOnByDefaultInTheDataDirectoryWith24HoursRawAnd30DaysOfMinutes() {
    RelayConfig c = apply("{}");

    assertThat(c.history().enabled()).isTrue();
    assertThat(c.historyPath()).isEqualTo(Path.of("/d/history.db"));
    assertThat(c.history().rawRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(c.history().rollupRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(c.metricsRequireToken()).isFalse();
  }

  @Test
  void historyKeysComeFromTheFile() {
    RelayConfig c =
        apply(
            "{\"history\": {\"enabled\": false, \"path\": \"/x/h.db\", \"rawRetention\": \"90m\","
                + " \"rollupRetention\": \"7d\"}, \"metricsRequireToken\": true}");

    assertThat(c.history().enabled()).isFalse();
    assertThat(c.historyPath()).isEqualTo(Path.of("/x/h.db"));
    assertThat(c.history().rawRetention()).isEqualTo(Duration.ofMinutes(90));
    assertThat(c.history().rollupRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(c.metricsRequireToken()).isTrue();
  }

  @Test
  void aRetentionThatIsNotADurationIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> apply("{\"history\": {\"rawRetention\": \"a day\"}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("test.json: history.rawRetention: 'a day' is not a duration");
  }

  @Test
  void rollupsKeptShorterThanRawAreRefused() {
    assertThatThrownBy(
            () -> apply("{\"history\": {\"rawRetention\": \"48h\", \"rollupRetention\": \"1d\"}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("history: rollupRetention")
        .hasMessageContaining("must not be shorter than rawRetention");
  }

  @Test
  void aRawRetentionBelowOneMinuteIsRefused() {
    assertThatThrownBy(() -> apply("{\"history\": {\"rawRetention\": \"30s\"}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rawRetention must be at least 1 minute");
  }

  @Test
  void anUnknownHistoryKeyIsRefusedNamingIt() {
    assertThatThrownBy(() -> apply("{\"history\": {\"retention\": \"1d\"}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("test.json: history: unknown key 'retention'");
  }

  @Test
  void anEmptyHistoryPathIsRefused() {
    assertThatThrownBy(() -> apply("{\"history\": {\"path\": \" \"}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("history.path: must not be empty");
  }
}
