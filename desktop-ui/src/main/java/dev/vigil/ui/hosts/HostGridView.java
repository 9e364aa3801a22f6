package dev.vigil.ui.hosts;

import dev.vigil.ui.alerts.ActiveAlertsPanelView;
import dev.vigil.ui.alerts.ActiveAlertsPanelViewModel;
import dev.vigil.ui.theme.StyleClasses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;

/**
 * The host grid: search field, fleet summary, a wrapping pane of equally sized host tiles, and on
 * the right the collapsible panel of active alerts across all hosts.
 */
public final class HostGridView extends BorderPane {
  private final HostGridViewModel viewModel;
  private final TextField search = new TextField();
  private final TilePane tilePane = new TilePane();
  private final Map<HostTileViewModel, HostTileView> tileViews = new HashMap<>();

  /**
   * @param viewModel the grid's view model
   * @param activeAlerts the side panel's view model
   */
  public HostGridView(HostGridViewModel viewModel, ActiveAlertsPanelViewModel activeAlerts) {
    this.viewModel = viewModel;
    getStyleClass().add(StyleClasses.PAGE);

    search.setPromptText("Search hosts by name, id or label  (Ctrl+F)");
    search.getStyleClass().add(StyleClasses.SEARCH_FIELD);
    search.textProperty().bindBidirectional(viewModel.searchTextProperty());
    HBox.setHgrow(search, Priority.SOMETIMES);
    Label summary = new Label();
    summary.getStyleClass().add(StyleClasses.MUTED);
    summary.textProperty().bind(viewModel.summaryTextProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button showPanel = new Button();
    showPanel.getStyleClass().add(StyleClasses.ALERTS_PANEL_TOGGLE);
    showPanel.textProperty().bind(Bindings.concat("Show ", activeAlerts.titleProperty()));
    showPanel.visibleProperty().bind(activeAlerts.openProperty().not());
    showPanel.managedProperty().bind(showPanel.visibleProperty());
    showPanel.setOnAction(e -> activeAlerts.setOpen(true));
    HBox top = new HBox(search, summary, spacer, showPanel);
    top.getStyleClass().add("page-toolbar");
    setTop(top);

    tilePane.getStyleClass().add("tile-pane");
    ScrollPane scroll = new ScrollPane(tilePane);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("edge-to-edge");
    setCenter(scroll);
    setRight(new ActiveAlertsPanelView(activeAlerts));

    viewModel.visibleTiles().addListener((ListChangeListener<HostTileViewModel>) c -> sync());
    sync();
  }

  /** Puts the keyboard focus in the search field. */
  public void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  private void sync() {
    List<HostTileView> shown = new ArrayList<>();
    for (HostTileViewModel tile : viewModel.visibleTiles()) {
      shown.add(tileViews.computeIfAbsent(tile, t -> new HostTileView(t, viewModel)));
    }
    tileViews.keySet().retainAll(viewModel.tiles());
    tilePane.getChildren().setAll(shown);
  }
}
