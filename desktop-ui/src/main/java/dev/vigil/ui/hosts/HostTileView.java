package dev.vigil.ui.hosts;

import dev.vigil.ui.theme.StyleClasses;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One host's card: one line per fact, so all tiles have the same height, with everything in full in
 * the tooltip. Click or Enter opens the host page. Its user data is the host id.
 */
public final class HostTileView extends VBox {
  /** The widest the tooltip grows before it wraps, in pixels. */
  public static final double TOOLTIP_MAX_WIDTH_PX = 520;

  /**
   * @param tile the tile's view model
   * @param grid opens the host page
   */
  public HostTileView(HostTileViewModel tile, HostGridViewModel grid) {
    getStyleClass().add(StyleClasses.HOST_TILE);
    setUserData(tile.hostId());
    setFocusTraversable(true);

    Label name = label(StyleClasses.TILE_NAME);
    name.textProperty().bind(tile.nameProperty());
    Label simulated = new Label("SIMULATED");
    simulated.getStyleClass().addAll(StyleClasses.BADGE, StyleClasses.BADGE_SIMULATED);
    bindShown(simulated, tile.simulatedProperty());
    Label alerts = new Label();
    alerts.getStyleClass().addAll(StyleClasses.BADGE, StyleClasses.ALERT_BADGE);
    alerts.textProperty().bind(tile.alertTextProperty());
    bindShown(alerts, tile.alertTextProperty().isNotEmpty());
    StyleClasses.apply(alerts, tile.getAlertSeverity());
    tile.alertSeverityProperty().addListener((obs, old, now) -> StyleClasses.apply(alerts, now));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(name, spacer, simulated, alerts);
    header.getStyleClass().add("tile-header");

    Label status = label(StyleClasses.TILE_STATUS);
    status.textProperty().bind(tile.statusTextProperty());
    StyleClasses.apply(status, tile.getStatusKind());
    StyleClasses.apply(this, tile.getStatusKind());
    tile.statusKindProperty()
        .addListener(
            (obs, old, now) -> {
              StyleClasses.apply(status, now);
              StyleClasses.apply(this, now);
            });
    Label hottest = label(StyleClasses.TILE_LINE, StyleClasses.TILE_HOTTEST);
    hottest.textProperty().bind(tile.hottestTextProperty());
    bindClass(hottest, StyleClasses.ABSENT, tile.hottestAbsentProperty());
    Label load = label(StyleClasses.TILE_LINE, StyleClasses.TILE_LOAD);
    load.textProperty().bind(tile.cpuLoadTextProperty());
    Label fans = label(StyleClasses.TILE_LINE, StyleClasses.TILE_FANS);
    fans.textProperty().bind(tile.fansTextProperty());
    bindClass(fans, StyleClasses.ABSENT, tile.fansAbsentProperty());
    bindClass(fans, StyleClasses.WARNING, tile.fansWarningProperty());
    getChildren().addAll(header, status, hottest, load, fans);

    Tooltip tooltip = new Tooltip();
    tooltip.textProperty().bind(tile.tooltipTextProperty());
    tooltip.setWrapText(true);
    tooltip.setMaxWidth(TOOLTIP_MAX_WIDTH_PX);
    Tooltip.install(this, tooltip);

    setOnMouseClicked(e -> grid.open(tile));
    setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
            grid.open(tile);
            e.consume();
          }
        });
  }

  /** One line that never wraps (too long ellipsizes), so every tile has the same height. */
  private static Label label(String... styleClasses) {
    Label label = new Label();
    label.setWrapText(false);
    label.getStyleClass().addAll(styleClasses);
    return label;
  }

  private static void bindClass(Label label, String styleClass, ObservableBooleanValue on) {
    StyleClasses.toggle(label, styleClass, on.get());
    on.addListener((obs, old, now) -> StyleClasses.toggle(label, styleClass, now));
  }

  private static void bindShown(Label label, ObservableBooleanValue shown) {
    label.visibleProperty().bind(shown);
    label.managedProperty().bind(shown);
  }
}
