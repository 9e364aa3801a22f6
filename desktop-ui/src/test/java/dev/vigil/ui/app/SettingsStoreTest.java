package dev.vigil.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class SettingsStoreTest {
  @TempDir Path dir;

  @Test
  void firstStartGivesDefaultsAndKeepsTheNewInstanceId() {
    SettingsStore store = new SettingsStore(dir.resolve("dashboard/settings.properties"));

    Settings first = store.load();
    Settings second = store.load();

    assertThat(first.relayUrl()).isEqualTo("ws://localhost:8787");
    assertThat(first.theme()).isEqualTo(Theme.LIGHT);
    assertThat(first.alertPanelOpen()).isTrue();
    assertThat(second.instanceId()).isEqualTo(first.instanceId()).startsWith("dashboard-");
  }

  @Test
  void savedSettingsComeBackOnTheNextRun() {
    SettingsStore store = new SettingsStore(dir.resolve("settings.properties"));
    Settings saved =
        store
            .load()
            .withRelay("wss://relay.lab:9000", "op-token")
            .withTheme(Theme.DARK)
            .withWindowSize(1600, 900)
            .withAlertPanelOpen(false);
    store.save(saved);

    assertThat(new SettingsStore(dir.resolve("settings.properties")).load()).isEqualTo(saved);
  }

  @Test
  void unreadableValuesFallBackToDefaults() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.writeString(file, "theme=purple\nwindow.width=12\ninstance.id=x\n");

    Settings settings = new SettingsStore(file).load();

    assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
    assertThat(settings.windowWidth()).isEqualTo(Settings.DEFAULT_WIDTH);
    assertThat(settings.instanceId()).isEqualTo("x");
  }
}
