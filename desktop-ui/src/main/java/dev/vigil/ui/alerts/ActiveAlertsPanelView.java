package dev.vigil.ui.alerts;

import dev.vigil.ui.theme.StyleClasses;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Hosts page's side panel of active alerts: severity chip, host name (SIMULATED badge where it
 * is), message, age and acknowledgement per row; a click or Enter opens the host's page. Its width
 * is set in the stylesheet; it collapses with its Hide button.
 */
public final class ActiveAlertsPanelView extends VBox {
  /** Room left for the list's border, the cell padding and a vertical scroll bar, in pixels. */
  private static final double PANEL_CELL_INSETS = 44;

  private final ActiveAlertsPanelViewModel viewModel;

  /**
   * @param viewModel the panel's view model
   */
  public ActiveAlertsPanelView(ActiveAlertsPanelViewModel viewModel) {
    this.viewModel = viewModel;
    getStyleClass().add(StyleClasses.ALERTS_PANEL);
    visibleProperty().bind(viewModel.openProperty());
    managedProperty().bind(viewModel.openProperty());

    Label title = new Label();
    title.getStyleClass().add(StyleClasses.PANEL_TITLE);
    title.textProperty().bind(viewModel.titleProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button hide = new Button("Hide");
    hide.getStyleClass().add(StyleClasses.PANEL_HIDE_BUTTON);
    hide.setOnAction(e -> viewModel.setOpen(false));
    HBox header = new HBox(title, spacer, hide);
    header.getStyleClass().add("panel-header");

    ListView<ActiveAlertItem> list = new ListView<>(viewModel.items());
    list.getStyleClass().add(StyleClasses.ALERTS_PANEL_LIST);
    list.setPlaceholder(new Label("No active alerts. All quiet."));
    list.setCellFactory(l -> new ItemCell());
    list.setOnKeyPressed(
        e -> {
          ActiveAlertItem selected = list.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && selected != null) {
            viewModel.open(selected);
            e.consume();
          }
        });
    VBox.setVgrow(list, Priority.ALWAYS);
    getChildren().addAll(header, list);
  }

  /** One alert: chip, host and age on the first line, the message below. */
  private final class ItemCell extends ListCell<ActiveAlertItem> {
    ItemCell() {
      setOnMouseClicked(
          e -> {
            if (getItem() != null) {
              viewModel.open(getItem());
            }
          });
    }

    @Override
    protected void updateItem(ActiveAlertItem item, boolean empty) {
      super.updateItem(item, empty);
      setText(null);
      StyleClasses.apply(this, empty || item == null ? null : item.row().alert().severity());
      if (empty || item == null) {
        setGraphic(null);
        setUserData(null);
        return;
      }
      AlertRow row = item.row();
      Label host = new Label(row.alert().hostName());
      host.getStyleClass().add(StyleClasses.PANEL_HOST);
      HBox top = new HBox(SeverityChip.of(row), host);
      if (row.hostSimulated()) {
        Label simulated = new Label("SIMULATED");
        simulated.getStyleClass().addAll(StyleClasses.BADGE, StyleClasses.BADGE_SIMULATED);
        simulated.setMinWidth(Label.USE_PREF_SIZE);
        top.getChildren().add(simulated);
      }
      top.getStyleClass().add("panel-item-top");
      fitWidth(top);
      Label age = wrapped("", StyleClasses.MUTED);
      age.textProperty()
          .bind(
              row.alert().ack() == null
                  ? item.ageTextProperty()
                  : item.ageTextProperty().concat(" · " + row.ackText()));
      VBox box = new VBox(top, wrapped(row.alert().message(), StyleClasses.PANEL_MESSAGE), age);
      box.getStyleClass().add("panel-item");
      setGraphic(box);
      setUserData(row.alert().hostId());
    }

    /** A label that wraps within the list's width, so the cell grows instead of cutting it. */
    private Label wrapped(String text, String... styleClasses) {
      Label label = new Label(text);
      label.getStyleClass().addAll(styleClasses);
      label.setWrapText(true);
      label.setMinHeight(Region.USE_PREF_SIZE);
      fitWidth(label);
      return label;
    }

    /** Keeps a node within the list's width, so the list never scrolls sideways. */
    private void fitWidth(Region node) {
      node.prefWidthProperty().bind(getListView().widthProperty().subtract(PANEL_CELL_INSETS));
      node.maxWidthProperty().bind(node.prefWidthProperty());
      node.setMinWidth(0);
    }
  }
}
