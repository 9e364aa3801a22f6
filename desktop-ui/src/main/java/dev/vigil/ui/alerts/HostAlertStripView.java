package dev.vigil.ui.alerts;

import dev.vigil.ui.theme.StyleClasses;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The alert strip under a host page's header: one line per active alert, coloured by severity, with
 * its message, since when, who acknowledged it, and an Acknowledge button. Hidden when the host has
 * no active alert; past {@link HostAlertStripViewModel#MAX_SHOWN_ROWS} alerts, says how many more
 * there are.
 */
public final class HostAlertStripView extends VBox {
  private final HostAlertStripViewModel viewModel;

  /**
   * @param viewModel the strip's view model
   */
  public HostAlertStripView(HostAlertStripViewModel viewModel) {
    this.viewModel = viewModel;
    getStyleClass().add(StyleClasses.ALERT_STRIP);
    visibleProperty().bind(viewModel.shownProperty());
    managedProperty().bind(viewModel.shownProperty());
    viewModel.rows().addListener((ListChangeListener<AlertRow>) c -> sync());
    sync();
  }

  private void sync() {
    List<Node> shown = new ArrayList<>();
    for (AlertRow row : viewModel.shownRows()) {
      shown.add(line(row));
    }
    if (!viewModel.getMoreText().isEmpty()) {
      Label more = new Label(viewModel.getMoreText());
      more.getStyleClass().add(StyleClasses.MUTED);
      shown.add(more);
    }
    getChildren().setAll(shown);
  }

  private HBox line(AlertRow row) {
    Label message = new Label(row.alert().message());
    message.getStyleClass().add(StyleClasses.ALERT_STRIP_MESSAGE);
    message.setWrapText(true);
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);
    Label since = new Label(row.sinceText());
    since.getStyleClass().add(StyleClasses.MUTED);
    HBox line = new HBox(SeverityChip.of(row), message, since);
    if (!row.ackText().isEmpty()) {
      Label ack = new Label(row.ackText());
      ack.getStyleClass().addAll(StyleClasses.MUTED, StyleClasses.ACK_TEXT);
      ack.setWrapText(true);
      line.getChildren().add(ack);
    }
    if (row.canAcknowledge()) {
      Button button = new Button("Acknowledge");
      button.getStyleClass().add(StyleClasses.ACK_BUTTON);
      button.setOnAction(e -> AcknowledgeDialog.acknowledge(this, row, viewModel.acknowledger()));
      line.getChildren().add(button);
    }
    line.getStyleClass().add(StyleClasses.ALERT_STRIP_ITEM);
    StyleClasses.apply(line, row.alert().severity());
    StyleClasses.toggle(line, StyleClasses.ACKNOWLEDGED, row.alert().ack() != null);
    line.setUserData(row.alertId());
    return line;
  }
}
