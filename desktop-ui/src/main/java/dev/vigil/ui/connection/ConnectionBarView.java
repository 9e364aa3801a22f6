package dev.vigil.ui.connection;

import dev.vigil.ui.theme.StyleClasses;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bar at the bottom of the window: link state, relay URL, transport, round-trip time, time
 * since the last update, and a button for the connect settings.
 */
public final class ConnectionBarView extends HBox {

  /**
   * @param viewModel the bar's view model
   */
  public ConnectionBarView(ConnectionBarViewModel viewModel) {
    getStyleClass().add(StyleClasses.CONNECTION_BAR);
    Region dot = new Region();
    dot.getStyleClass().add(StyleClasses.CONNECTION_DOT);
    Label state = label("connection-state");
    state.textProperty().bind(viewModel.stateTextProperty());
    StyleClasses.apply(dot, viewModel.getPhase());
    StyleClasses.apply(state, viewModel.getPhase());
    viewModel
        .phaseProperty()
        .addListener(
            (obs, old, now) -> {
              StyleClasses.apply(dot, now);
              StyleClasses.apply(state, now);
            });
    Label url = label("relay-url");
    url.textProperty().bind(viewModel.relayUrlProperty());
    Label transport = label("transport");
    transport.textProperty().bind(viewModel.transportTextProperty());
    Label rtt = label("round-trip");
    rtt.textProperty().bind(viewModel.roundTripTextProperty());
    Label lastUpdate = label("last-update");
    lastUpdate.textProperty().bind(viewModel.lastUpdateTextProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button settings = new Button("Connection…");
    settings.getStyleClass().add("connection-settings-button");
    settings.setOnAction(e -> new ConnectSettingsDialog(viewModel, getScene().getWindow()).show());
    getChildren()
        .addAll(
            dot,
            state,
            separator(),
            url,
            separator(),
            transport,
            separator(),
            rtt,
            separator(),
            lastUpdate,
            spacer,
            settings);
  }

  private static Label label(String styleClass) {
    Label label = new Label();
    label.getStyleClass().add(styleClass);
    return label;
  }

  private static Separator separator() {
    return new Separator(Orientation.VERTICAL);
  }
}
