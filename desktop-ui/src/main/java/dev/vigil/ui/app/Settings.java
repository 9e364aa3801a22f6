package dev.vigil.ui.app;

import dev.vigil.protocol.Protocol;
import dev.vigil.ui.theme.Theme;
import java.util.Objects;

/**
 * What the dashboard remembers between runs.
 *
 * @param relayUrl the relay's WebSocket address
 * @param token the operator token; empty when none was given
 * @param theme light or dark
 * @param windowWidth last window width, in pixels
 * @param windowHeight last window height, in pixels
 * @param instanceId this dashboard installation's id, sent as the hello's peer id
 * @param alertPanelOpen whether the Hosts page's active-alerts panel is open
 */
public record Settings(
    String relayUrl,
    String token,
    Theme theme,
    double windowWidth,
    double windowHeight,
    String instanceId,
    boolean alertPanelOpen) {
  /** The relay address used when nothing else is configured. */
  public static final String DEFAULT_RELAY_URL = "ws://localhost:" + Protocol.DEFAULT_RELAY_PORT;

  /** Window width on first start, in pixels. */
  public static final double DEFAULT_WIDTH = 1280;

  /** Window height on first start, in pixels. */
  public static final double DEFAULT_HEIGHT = 800;

  /** Smallest remembered window size, in pixels; anything smaller is ignored. */
  public static final double MIN_SIZE = 480;

  public Settings {
    Objects.requireNonNull(relayUrl, "relayUrl");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(instanceId, "instanceId");
  }

  public Settings withRelay(String newUrl, String newToken) {
    return new Settings(
        newUrl, newToken, theme, windowWidth, windowHeight, instanceId, alertPanelOpen);
  }

  public Settings withTheme(Theme newTheme) {
    return new Settings(
        relayUrl, token, newTheme, windowWidth, windowHeight, instanceId, alertPanelOpen);
  }

  public Settings withWindowSize(double width, double height) {
    return new Settings(relayUrl, token, theme, width, height, instanceId, alertPanelOpen);
  }

  public Settings withAlertPanelOpen(boolean open) {
    return new Settings(relayUrl, token, theme, windowWidth, windowHeight, instanceId, open);
  }
}
