package dev.vigil.ui.alerts;

import dev.vigil.ui.table.TableColumns;
import dev.vigil.ui.theme.StyleClasses;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The alerts pane: a table of active and recently resolved alerts, each active one with an
 * Acknowledge button that asks for an optional comment.
 */
public final class AlertsView extends BorderPane {
  private static final double ACTION_COLUMN_WIDTH = 140;

  /** Columns narrower than this keep their width; wider ones may shrink down to it. */
  private static final double FLEXIBLE_MIN_WIDTH = 180;

  private final AlertsViewModel viewModel;

  /**
   * @param viewModel the pane's view model
   */
  public AlertsView(AlertsViewModel viewModel) {
    this.viewModel = viewModel;
    getStyleClass().add(StyleClasses.PAGE);

    Label title = new Label("Alerts");
    title.getStyleClass().add(StyleClasses.PAGE_TITLE);
    Label counts = new Label();
    counts.getStyleClass().add(StyleClasses.MUTED);
    counts
        .textProperty()
        .bind(
            viewModel
                .firingCountProperty()
                .asString("%d firing")
                .concat(viewModel.activeCountProperty().asString(" · %d active")));
    Label feedback = new Label();
    feedback.getStyleClass().addAll(StyleClasses.MUTED, "ack-feedback");
    feedback.textProperty().bind(viewModel.feedbackProperty());
    HBox top = new HBox(title, counts, feedback);
    top.getStyleClass().add("page-toolbar");
    javafx.scene.control.TextField search = new javafx.scene.control.TextField();
    search.setPromptText("Filter by host, rule, sensor or message");
    search.setPrefColumnCount(28);
    search.textProperty().bindBidirectional(viewModel.searchTextProperty());
    javafx.scene.control.ComboBox<String> severities =
        new javafx.scene.control.ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(
                "All severities", "Critical", "Warning", "Info"));
    severities.getSelectionModel().select(0);
    severities
        .valueProperty()
        .addListener(
            (obs, old, now) ->
                viewModel
                    .severityProperty()
                    .set(
                        switch (now) {
                          case "Critical" -> dev.vigil.protocol.Severity.CRITICAL;
                          case "Warning" -> dev.vigil.protocol.Severity.WARNING;
                          case "Info" -> dev.vigil.protocol.Severity.INFO;
                          default -> null;
                        }));
    javafx.scene.control.CheckBox activeOnly = new javafx.scene.control.CheckBox("Active only");
    activeOnly.selectedProperty().bindBidirectional(viewModel.activeOnlyProperty());
    HBox filters = new HBox(search, severities, activeOnly);
    filters.getStyleClass().add("page-toolbar");
    setTop(new javafx.scene.layout.VBox(top, filters));

    TableView<AlertRow> table = new TableView<>(viewModel.shownRows());
    table.getStyleClass().add(StyleClasses.ALERTS_TABLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No alerts. All quiet."));
    TableColumn<AlertRow, String> severity = column("Severity", AlertRow::severityText, 90);
    TableColumn<AlertRow, String> message = column("Message", r -> r.alert().message(), 440);
    message.setCellFactory(c -> new MessageCell());
    TableColumn<AlertRow, AlertRow> action = new TableColumn<>("");
    action.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    action.setCellFactory(c -> new AckCell());
    action.setMinWidth(ACTION_COLUMN_WIDTH);
    action.setPrefWidth(ACTION_COLUMN_WIDTH);
    action.setSortable(false);
    table
        .getColumns()
        .addAll(
            List.of(
                severity,
                column("State", AlertRow::stateText, 90),
                column("Host", AlertRow::hostText, 170),
                message,
                column("Since", AlertRow::sinceText, 170),
                action,
                column("Acknowledged", AlertRow::ackText, 220)));
    table.setRowFactory(t -> new AlertTableRow());
    TableView<AlertRow> history = new TableView<>(viewModel.shownHistory());
    history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    history.setPlaceholder(new Label("No stored alert changes"));
    java.time.ZoneId zone = java.time.ZoneId.systemDefault();
    history
        .getColumns()
        .addAll(
            List.of(
                column(
                    "When", r -> dev.vigil.ui.format.Formats.dateClock(r.changedAtMs(), zone), 150),
                column("Severity", AlertRow::severityText, 90),
                column("State", AlertRow::stateText, 120),
                column("Host", AlertRow::hostText, 160),
                column("Message", r -> r.alert().message(), 320),
                column("By", AlertRow::changedByText, 100),
                column("Acknowledged", AlertRow::ackText, 220)));
    Label historyStatus = new Label();
    historyStatus.getStyleClass().add(StyleClasses.MUTED);
    historyStatus.textProperty().bind(viewModel.historyTextProperty());
    javafx.scene.control.Button reload = new javafx.scene.control.Button("Reload");
    reload.setOnAction(e -> viewModel.loadHistory(System.currentTimeMillis()));
    HBox historyBar = new HBox(reload, historyStatus);
    historyBar.getStyleClass().add("page-toolbar");
    javafx.scene.control.Tab current = new javafx.scene.control.Tab("Current", table);
    javafx.scene.control.Tab past =
        new javafx.scene.control.Tab(
            "History (7 days)", new javafx.scene.layout.VBox(historyBar, history));
    javafx.scene.layout.VBox.setVgrow(history, javafx.scene.layout.Priority.ALWAYS);
    past.setOnSelectionChanged(
        e -> {
          if (past.isSelected()) {
            viewModel.loadHistory(System.currentTimeMillis());
          }
        });
    javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(current, past);
    tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
    setCenter(tabs);
  }

  private static TableColumn<AlertRow, String> column(
      String title, Function<AlertRow, String> text, double width) {
    TableColumn<AlertRow, String> column = TableColumns.text(title, text, width);
    column.setMinWidth(Math.min(width, FLEXIBLE_MIN_WIDTH));
    return column;
  }

  /** A message that may be cut off: the whole text is in the tooltip. */
  private static final class MessageCell extends TableCell<AlertRow, String> {
    private final Tooltip tooltip = new Tooltip();

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      setText(empty ? null : text);
      tooltip.setText(text);
      setTooltip(empty || text == null ? null : tooltip);
    }
  }

  /** Colours a row by severity; mutes resolved and acknowledged ones. */
  private static final class AlertTableRow extends TableRow<AlertRow> {
    @Override
    protected void updateItem(AlertRow row, boolean empty) {
      super.updateItem(row, empty);
      boolean shown = !empty && row != null;
      StyleClasses.apply(this, shown ? row.alert().severity() : null);
      StyleClasses.toggle(this, StyleClasses.RESOLVED, shown && row.isResolved());
      StyleClasses.toggle(
          this, StyleClasses.ACKNOWLEDGED, shown && !row.isResolved() && row.alert().ack() != null);
    }
  }

  /**
   * The Acknowledge and Silence buttons of an active alert, each shown when the alert allows it and
   * enabled when the operator's role does.
   */
  private final class AckCell extends TableCell<AlertRow, AlertRow> {
    private final Button button = new Button("Acknowledge");
    private final Button silence = new Button("Silence…");
    private final HBox buttons = new HBox(6);

    AckCell() {
      button.getStyleClass().add(StyleClasses.ACK_BUTTON);
      button.setOnAction(
          e -> {
            if (getItem() != null) {
              AcknowledgeDialog.acknowledge(this, getItem(), viewModel.acknowledger());
            }
          });
      button.disableProperty().bind(viewModel.canAcknowledgeProperty().not());
      silence.setOnAction(
          e -> {
            if (getItem() != null) {
              AcknowledgeDialog.silence(this, getItem(), viewModel.acknowledger());
            }
          });
      silence.disableProperty().bind(viewModel.canSilenceProperty().not());
    }

    @Override
    protected void updateItem(AlertRow row, boolean empty) {
      super.updateItem(row, empty);
      buttons.getChildren().clear();
      if (!empty && row != null) {
        if (row.canAcknowledge()) {
          buttons.getChildren().add(button);
        }
        if (row.canSilence()) {
          buttons.getChildren().add(silence);
        }
      }
      setGraphic(buttons.getChildren().isEmpty() ? null : buttons);
    }
  }
}
