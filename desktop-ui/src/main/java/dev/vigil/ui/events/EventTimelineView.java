package dev.vigil.ui.events;

import dev.vigil.ui.table.TableColumns;
import dev.vigil.ui.theme.StyleClasses;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/** A table of hot-plug and LED changes, newest first. */
public final class EventTimelineView extends BorderPane {

  /**
   * @param viewModel the timeline's view model
   * @param title shown above the table; empty for none
   */
  public EventTimelineView(EventTimelineViewModel viewModel, String title) {
    getStyleClass().add(StyleClasses.PAGE);
    javafx.scene.control.TextField search = new javafx.scene.control.TextField();
    search.setPromptText("Filter by host, device or details");
    search.setPrefColumnCount(28);
    search.textProperty().bindBidirectional(viewModel.searchTextProperty());
    javafx.scene.control.ComboBox<String> kinds =
        new javafx.scene.control.ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(
                "All events", "Added", "Removed", "Changed", "LED"));
    kinds.getSelectionModel().select(0);
    kinds
        .valueProperty()
        .addListener(
            (obs, old, now) ->
                viewModel
                    .kindProperty()
                    .set(
                        switch (now) {
                          case "Added" -> dev.vigil.protocol.EventKind.DEVICE_ADDED;
                          case "Removed" -> dev.vigil.protocol.EventKind.DEVICE_REMOVED;
                          case "Changed" -> dev.vigil.protocol.EventKind.DEVICE_CHANGED;
                          case "LED" -> dev.vigil.protocol.EventKind.LED_CHANGED;
                          default -> null;
                        }));
    javafx.scene.layout.HBox filters = new javafx.scene.layout.HBox(search, kinds);
    filters.getStyleClass().add("page-toolbar");
    if (!title.isEmpty()) {
      Label heading = new Label(title);
      heading.getStyleClass().add(StyleClasses.PAGE_TITLE);
      setTop(new javafx.scene.layout.VBox(heading, filters));
    } else {
      setTop(filters);
    }
    TableView<EventRow> table = new TableView<>(viewModel.shownRows());
    table.getStyleClass().add(StyleClasses.EVENTS_TABLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No hot-plug or LED changes yet"));
    table
        .getColumns()
        .addAll(
            List.of(
                TableColumns.text("Time", EventRow::timeText, 140),
                TableColumns.text("Host", EventRow::hostText, 160),
                TableColumns.text("Event", EventRow::kindText, 110),
                TableColumns.text("Device", EventRow::deviceText, 260),
                TableColumns.text("Details", EventRow::detailText, 300)));
    table.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(EventRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass()
                    .removeAll("event-added", "event-removed", "event-changed", "event-gap");
                if (!empty && row != null && row.isGap()) {
                  getStyleClass().add("event-gap");
                } else if (!empty && row != null) {
                  getStyleClass()
                      .add(
                          switch (row.kind()) {
                            case DEVICE_ADDED -> "event-added";
                            case DEVICE_REMOVED -> "event-removed";
                            case DEVICE_CHANGED, LED_CHANGED -> "event-changed";
                          });
                }
              }
            });
    setCenter(table);
  }
}
