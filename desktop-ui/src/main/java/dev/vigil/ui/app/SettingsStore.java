package dev.vigil.ui.app;

import dev.vigil.ui.theme.Theme;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Settings} in a properties file, by default {@code
 * ~/.vigil/dashboard/settings.properties}, readable only by the owner where the file system allows
 * (it holds the operator token). A missing or unreadable file gives the defaults.
 */
public final class SettingsStore {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
  private static final String RELAY_URL = "relay.url";
  private static final String TOKEN = "relay.token";
  private static final String THEME = "theme";
  private static final String WIDTH = "window.width";
  private static final String HEIGHT = "window.height";
  private static final String INSTANCE_ID = "instance.id";
  private static final String ALERT_PANEL_OPEN = "hosts.alerts-panel.open";

  private final Path file;

  /**
   * @param file where the settings live
   */
  public SettingsStore(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The store in the operator's home directory. */
  public static SettingsStore inHome() {
    return new SettingsStore(
        Path.of(System.getProperty("user.home"), ".vigil", "dashboard", "settings.properties"));
  }

  /** The file this store uses. */
  public Path file() {
    return file;
  }

  /** The remembered settings, defaults for anything missing; a new instance id is saved at once. */
  public Settings load() {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        p.load(in);
      } catch (IOException | IllegalArgumentException e) {
        LOG.warn("cannot read settings from {}: {}; using defaults", file, e.getMessage());
      }
    }
    String instanceId = p.getProperty(INSTANCE_ID, "").trim();
    boolean fresh = instanceId.isEmpty();
    Settings settings =
        new Settings(
            p.getProperty(RELAY_URL, Settings.DEFAULT_RELAY_URL).trim(),
            p.getProperty(TOKEN, "").trim(),
            themeOf(p.getProperty(THEME)),
            sizeOf(p.getProperty(WIDTH), Settings.DEFAULT_WIDTH),
            sizeOf(p.getProperty(HEIGHT), Settings.DEFAULT_HEIGHT),
            fresh ? "dashboard-" + UUID.randomUUID() : instanceId,
            !"false".equalsIgnoreCase(p.getProperty(ALERT_PANEL_OPEN, "true").trim()));
    if (fresh) {
      save(settings);
    }
    return settings;
  }

  /** Writes the settings; logs and carries on if the file cannot be written. */
  public void save(Settings settings) {
    Properties p = new Properties();
    p.setProperty(RELAY_URL, settings.relayUrl());
    p.setProperty(TOKEN, settings.token());
    p.setProperty(THEME, settings.theme().name().toLowerCase(java.util.Locale.ROOT));
    p.setProperty(WIDTH, Long.toString(Math.round(settings.windowWidth())));
    p.setProperty(HEIGHT, Long.toString(Math.round(settings.windowHeight())));
    p.setProperty(INSTANCE_ID, settings.instanceId());
    p.setProperty(ALERT_PANEL_OPEN, Boolean.toString(settings.alertPanelOpen()));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer out = Files.newBufferedWriter(file)) {
        p.store(out, "Vigil dashboard settings");
      }
      restrictToOwner();
    } catch (IOException e) {
      LOG.warn("cannot save settings to {}: {}", file, e.getMessage());
    }
  }

  private void restrictToOwner() {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      LOG.debug("cannot restrict permissions of {}: {}", file, e.toString());
    }
  }

  private static Theme themeOf(String text) {
    if (text == null || text.isBlank()) {
      return Theme.LIGHT;
    }
    try {
      return Theme.parse(text);
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring remembered theme: {}", e.getMessage());
      return Theme.LIGHT;
    }
  }

  private static double sizeOf(String text, double fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      double size = Double.parseDouble(text.trim());
      return size >= Settings.MIN_SIZE ? size : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
