package dev.vigil.ui.theme;

import dev.vigil.protocol.Severity;
import dev.vigil.ui.connection.ConnectionPhase;
import dev.vigil.ui.hosts.StatusKind;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;

/**
 * Every style class the views use, defined once; colours live in {@code vigil.css}. Views never set
 * inline styles.
 */
public final class StyleClasses {
  /** The stylesheet with Vigil's colours and spacing, on top of the AtlantaFX theme. */
  public static final String STYLESHEET = "/dev/vigil/ui/vigil.css";

  public static final String DARK = "dark";
  public static final String APP_HEADER = "app-header";
  public static final String APP_TITLE = "app-title";
  public static final String NAV_BUTTON = "nav-button";
  public static final String PAGE = "page";
  public static final String PAGE_TITLE = "page-title";
  public static final String MUTED = "muted";
  public static final String BANNER = "banner";
  public static final String TOAST = "toast";
  public static final String NOTICE = "alert-notice";
  public static final String NOTICE_TITLE = "notice-title";
  public static final String NOTICE_TEXT = "notice-text";
  public static final String HOST_TILE = "host-tile";
  public static final String TILE_NAME = "tile-name";
  public static final String TILE_LINE = "tile-line";
  public static final String TILE_STATUS = "tile-status";
  public static final String TILE_HOTTEST = "tile-hottest";
  public static final String TILE_LOAD = "tile-load";
  public static final String TILE_FANS = "tile-fans";
  public static final String SEARCH_FIELD = "search-field";
  public static final String BACK_BUTTON = "back-button";
  public static final String ACK_BUTTON = "ack-button";
  public static final String ALERTS_TABLE = "alerts-table";
  public static final String SENSOR_TABLE = "sensor-table";
  public static final String EVENTS_TABLE = "events-table";
  public static final String BADGE = "badge";
  public static final String BADGE_SIMULATED = "badge-simulated";
  public static final String ALERT_BADGE = "alert-badge";
  public static final String CHART = "vigil-chart";
  public static final String CHART_PLACEHOLDER = "chart-placeholder";
  public static final String ABSENT = "absent";
  public static final String RESOLVED = "resolved";
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String ALERT_STRIP = "alert-strip";
  public static final String ALERT_STRIP_ITEM = "alert-strip-item";
  public static final String ALERT_STRIP_MESSAGE = "alert-strip-message";
  public static final String ACK_TEXT = "ack-text";
  public static final String SEVERITY_CHIP = "severity-chip";
  public static final String ALERTS_PANEL = "alerts-panel";
  public static final String ALERTS_PANEL_LIST = "alerts-panel-list";
  public static final String ALERTS_PANEL_TOGGLE = "alerts-panel-toggle";
  public static final String PANEL_TITLE = "panel-title";
  public static final String PANEL_HIDE_BUTTON = "panel-hide-button";
  public static final String PANEL_HOST = "panel-host";
  public static final String PANEL_MESSAGE = "panel-message";
  public static final String WARNING = "warning";
  public static final String CONNECTION_BAR = "connection-bar";
  public static final String CONNECTION_DOT = "connection-dot";
  public static final String PAGE_TOOLBAR = "page-toolbar";
  public static final String FORM_PROBLEM = "form-problem";

  /** A dialog's pane: dialogs are their own scenes, and need the theme's variables too. */
  public static final String VIGIL_DIALOG = "vigil-dialog";

  public static final String TOKENS_TABLE = "tokens-table";
  public static final String REVOKED_TOKENS = "revoked-tokens";
  public static final String REVOKED_TOKENS_TABLE = "revoked-tokens-table";
  public static final String TOKEN_REVOKE = "token-revoke";
  public static final String TOKEN_SECRET = "token-secret";
  public static final String TOKEN_WARNING = "token-warning";

  private static final List<String> STATUS_CLASSES = classesOf(StatusKind.values(), "status-");
  private static final List<String> SEVERITY_CLASSES = classesOf(Severity.values(), "severity-");
  private static final List<String> PHASE_CLASSES = classesOf(ConnectionPhase.values(), "phase-");

  private StyleClasses() {}

  /** E.g. "status-online". */
  public static String of(StatusKind kind) {
    return "status-" + kind.name().toLowerCase(Locale.ROOT);
  }

  /** E.g. "severity-critical". */
  public static String of(Severity severity) {
    return "severity-" + severity.name().toLowerCase(Locale.ROOT);
  }

  /** E.g. "phase-connected". */
  public static String of(ConnectionPhase phase) {
    return "phase-" + phase.name().toLowerCase(Locale.ROOT);
  }

  /** Gives the node the status class of {@code kind} and none of the others. */
  public static void apply(Node node, StatusKind kind) {
    replace(node, STATUS_CLASSES, kind == null ? null : of(kind));
  }

  /** Gives the node the severity class of {@code severity} (none when null). */
  public static void apply(Node node, Severity severity) {
    replace(node, SEVERITY_CLASSES, severity == null ? null : of(severity));
  }

  /** Gives the node the phase class of {@code phase}. */
  public static void apply(Node node, ConnectionPhase phase) {
    replace(node, PHASE_CLASSES, phase == null ? null : of(phase));
  }

  /** Adds or removes one class. */
  public static void toggle(Node node, String styleClass, boolean on) {
    node.getStyleClass().remove(styleClass);
    if (on) {
      node.getStyleClass().add(styleClass);
    }
  }

  private static void replace(Node node, List<String> family, String chosen) {
    node.getStyleClass().removeAll(family);
    if (chosen != null) {
      node.getStyleClass().add(chosen);
    }
  }

  private static List<String> classesOf(Enum<?>[] values, String prefix) {
    return java.util.Arrays.stream(values)
        .map(v -> prefix + v.name().toLowerCase(Locale.ROOT))
        .toList();
  }
}
