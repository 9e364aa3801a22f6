package dev.vigil.ui.host;

import dev.vigil.ui.alerts.HostAlertStripView;
import dev.vigil.ui.events.EventTimelineView;
import dev.vigil.ui.table.TableColumns;
import dev.vigil.ui.theme.StyleClasses;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * One host's page: header with back button and status, the strip of the host's active alerts, four
 * live charts, and tabs for the sensor table, the device inventory and the host's timeline.
 */
public final class HostPageView extends BorderPane {
  private static final int CHART_COLUMNS = 2;
  private static final double CHARTS_SHARE = 0.55;

  /**
   * @param viewModel the page's view model
   */
  public HostPageView(HostPageViewModel viewModel) {
    getStyleClass().add(StyleClasses.PAGE);
    setTop(header(viewModel));

    GridPane charts = new GridPane();
    charts.getStyleClass().add("chart-grid");
    ChartGroup[] groups = ChartGroup.values();
    for (int i = 0; i < groups.length; i++) {
      LiveChart chart =
          new LiveChart(
              viewModel.chartProperty(groups[i]), viewModel::zoomTo, viewModel::resetZoom);
      charts.add(chart, i % CHART_COLUMNS, i / CHART_COLUMNS);
      GridPane.setHgrow(chart, Priority.ALWAYS);
      GridPane.setVgrow(chart, Priority.ALWAYS);
    }
    for (int c = 0; c < CHART_COLUMNS; c++) {
      ColumnConstraints column = new ColumnConstraints();
      column.setPercentWidth(100.0 / CHART_COLUMNS);
      charts.getColumnConstraints().add(column);
    }
    int rows = (groups.length + CHART_COLUMNS - 1) / CHART_COLUMNS;
    for (int r = 0; r < rows; r++) {
      RowConstraints row = new RowConstraints();
      row.setPercentHeight(100.0 / rows);
      charts.getRowConstraints().add(row);
    }

    TabPane tabs = new TabPane();
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs()
        .addAll(
            new Tab("Sensors", sensorTable(viewModel)),
            new Tab("Devices", deviceTable(viewModel)),
            new Tab("Timeline", new EventTimelineView(viewModel.timeline(), "")));

    VBox chartArea = new VBox(chartToolbar(viewModel), charts);
    VBox.setVgrow(charts, Priority.ALWAYS);
    SplitPane split = new SplitPane(chartArea, tabs);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(CHARTS_SHARE);
    setCenter(split);
  }

  /** The chart window buttons, what the history backfill is doing, and CSV export per chart. */
  private static HBox chartToolbar(HostPageViewModel viewModel) {
    javafx.scene.control.ToggleGroup windows = new javafx.scene.control.ToggleGroup();
    HBox bar = new HBox();
    bar.getStyleClass().add("page-toolbar");
    for (ChartWindow w : ChartWindow.values()) {
      javafx.scene.control.ToggleButton button = new javafx.scene.control.ToggleButton(w.label());
      button.setToggleGroup(windows);
      button.setUserData(w);
      button.setSelected(viewModel.getWindow() == w);
      bar.getChildren().add(button);
    }
    windows
        .selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                old.setSelected(true); // one window is always chosen
              } else {
                viewModel.showWindow((ChartWindow) now.getUserData());
              }
            });
    Label history = new Label();
    history.getStyleClass().add(StyleClasses.MUTED);
    history.textProperty().bind(viewModel.historyTextProperty());
    javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    javafx.scene.control.MenuButton export = new javafx.scene.control.MenuButton("Export CSV");
    for (ChartGroup group : ChartGroup.values()) {
      javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(group.title() + "…");
      item.setOnAction(e -> exportCsv(export, viewModel, group));
      export.getItems().add(item);
    }
    javafx.scene.control.Button unzoom = new javafx.scene.control.Button("Whole window");
    unzoom.visibleProperty().bind(viewModel.zoomedProperty());
    unzoom.managedProperty().bind(viewModel.zoomedProperty());
    unzoom.setOnAction(e -> viewModel.resetZoom());
    Label zoomHint = new Label("drag across a chart to zoom");
    zoomHint.getStyleClass().add(StyleClasses.MUTED);
    bar.getChildren().addAll(history, spacer, zoomHint, unzoom, export);
    return bar;
  }

  private static void exportCsv(
      javafx.scene.Node owner, HostPageViewModel viewModel, ChartGroup group) {
    javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
    chooser.setTitle("Export " + group.title() + " as CSV");
    chooser.setInitialFileName(
        viewModel.getHostId() + "-" + group.name().toLowerCase(java.util.Locale.ROOT) + ".csv");
    java.io.File file =
        chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
    if (file == null) {
      return;
    }
    String csv = viewModel.chartCsv(group);
    Thread writer =
        new Thread(
            () -> {
              try {
                java.nio.file.Files.writeString(file.toPath(), csv);
              } catch (java.io.IOException ex) {
                org.slf4j.LoggerFactory.getLogger(HostPageView.class)
                    .error("cannot write {}: {}", file, ex.getMessage());
              }
            },
            "vigil-csv-export");
    writer.setDaemon(true);
    writer.start();
  }

  private static VBox header(HostPageViewModel viewModel) {
    Button back = new Button("← Hosts");
    back.getStyleClass().add(StyleClasses.BACK_BUTTON);
    back.setOnAction(e -> viewModel.back());
    Label title = new Label();
    title.getStyleClass().add(StyleClasses.PAGE_TITLE);
    title.textProperty().bind(viewModel.titleProperty());
    Label simulated = new Label("SIMULATED");
    simulated.getStyleClass().addAll(StyleClasses.BADGE, StyleClasses.BADGE_SIMULATED);
    simulated.visibleProperty().bind(viewModel.simulatedProperty());
    simulated.managedProperty().bind(viewModel.simulatedProperty());
    Label status = new Label();
    status.getStyleClass().add(StyleClasses.TILE_STATUS);
    status.textProperty().bind(viewModel.statusTextProperty());
    StyleClasses.apply(status, viewModel.statusKindProperty().get());
    viewModel.statusKindProperty().addListener((obs, old, now) -> StyleClasses.apply(status, now));
    HBox line = new HBox(back, title, simulated, status);
    line.getStyleClass().add("page-toolbar");
    Label details = new Label();
    details.getStyleClass().add(StyleClasses.MUTED);
    details.textProperty().bind(viewModel.detailsTextProperty());
    VBox header =
        new VBox(
            line,
            details,
            commandBar(viewModel.commands()),
            new HostAlertStripView(viewModel.alertStrip()));
    header.getStyleClass().add("page-header");
    return header;
  }

  /** Ping, inventory refresh and sampling interval for the host's agent, with their outcome. */
  private static HBox commandBar(HostCommandsViewModel commands) {
    Button ping = new Button("Ping agent");
    ping.setOnAction(e -> commands.ping());
    Button inventory = new Button("Refresh inventory");
    inventory.setOnAction(e -> commands.refreshInventory());
    ComboBox<Integer> interval =
        new ComboBox<>(FXCollections.observableArrayList(HostCommandsViewModel.SAMPLE_INTERVALS_S));
    interval.setPromptText("interval…");
    interval.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Integer seconds) {
            return seconds == null ? "" : "every " + seconds + " s";
          }

          @Override
          public Integer fromString(String text) {
            return null;
          }
        });
    interval.setOnAction(
        e -> {
          if (interval.getValue() != null) {
            commands.setSampleInterval(interval.getValue());
          }
        });
    Label sampleLabel = new Label("Sample");
    sampleLabel.setLabelFor(interval);
    Label feedback = new Label();
    feedback.getStyleClass().add(StyleClasses.MUTED);
    feedback.textProperty().bind(commands.feedbackProperty());
    for (javafx.scene.Node node : List.of(ping, inventory, interval)) {
      node.disableProperty().bind(commands.availableProperty().not());
    }
    HBox bar = new HBox(ping, inventory, sampleLabel, interval, feedback);
    bar.getStyleClass().add("page-toolbar");
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private static TableView<SensorRowViewModel> sensorTable(HostPageViewModel viewModel) {
    TableView<SensorRowViewModel> table = new TableView<>(viewModel.sensors());
    table.getStyleClass().add(StyleClasses.SENSOR_TABLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No sensor catalog from this host yet"));
    TableColumn<SensorRowViewModel, String> value =
        TableColumns.observed("Value", SensorRowViewModel::valueTextProperty, 220);
    value.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                SensorRowViewModel row =
                    empty || getTableRow() == null ? null : getTableRow().getItem();
                StyleClasses.toggle(this, StyleClasses.ABSENT, row != null && row.isAbsent());
              }
            });
    table
        .getColumns()
        .addAll(
            List.of(
                TableColumns.observed("Sensor", SensorRowViewModel::labelProperty, 160),
                TableColumns.text("Id", r -> r.sensorId(), 220),
                TableColumns.observed("Kind", SensorRowViewModel::kindTextProperty, 90),
                value,
                TableColumns.observed("Min", SensorRowViewModel::minTextProperty, 100),
                TableColumns.observed("Max", SensorRowViewModel::maxTextProperty, 100),
                TableColumns.observed("Source", SensorRowViewModel::sourceTextProperty, 200)));
    return table;
  }

  private static TableView<DeviceRow> deviceTable(HostPageViewModel viewModel) {
    TableView<DeviceRow> table = new TableView<>(viewModel.devices());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No device inventory from this host yet"));
    table
        .getColumns()
        .addAll(
            List.of(
                TableColumns.text("Kind", r -> r.kindText(), 100),
                TableColumns.text("Name", r -> r.name(), 220),
                TableColumns.text("Id", r -> r.id(), 240),
                TableColumns.text("Attributes", r -> r.attributesText(), 400)));
    return table;
  }
}
