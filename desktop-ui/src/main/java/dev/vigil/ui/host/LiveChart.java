package dev.vigil.ui.host;

import dev.vigil.ui.theme.StyleClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * A line chart that follows a {@link ChartFrame}: no symbols, no animation, x in seconds ago over
 * the data held, y around the values shown, both axes as the frame chose them; a placeholder says
 * why when there is nothing to plot.
 */
public final class LiveChart extends StackPane {
  private final LineChart<Number, Number> chart;
  private final NumberAxis xAxis = new NumberAxis();
  private final NumberAxis yAxis = new NumberAxis();
  private final Label placeholder = new Label();
  private final Label hover = new Label();
  private final javafx.scene.layout.Region selection = new javafx.scene.layout.Region();
  private double dragStartX;
  private double dragStartValue;

  /** Least drag, in pixels, that counts as selecting a stretch to zoom into. */
  static final double MIN_DRAG_PIXELS = 6;

  private int yDecimals;
  private ChartFrame shown;

  /**
   * @param frame the frames to show
   */
  public LiveChart(ObservableValue<ChartFrame> frame) {
    this(frame, (from, to) -> {}, () -> {});
  }

  /**
   * A chart the operator can zoom: dragging across it selects a stretch of time ({@code onZoom}
   * gets both ends in the frame's units ago), a double click goes back ({@code onResetZoom}).
   */
  public LiveChart(
      ObservableValue<ChartFrame> frame,
      java.util.function.BiConsumer<Double, Double> onZoom,
      Runnable onResetZoom) {
    xAxis.setAutoRanging(false);
    xAxis.setLabel("seconds ago");
    xAxis.setTickLabelFormatter(
        new Converter(x -> String.format(Locale.ROOT, "%.0f", Math.abs(x.doubleValue()))));
    xAxis.setMinorTickVisible(false);
    yAxis.setAutoRanging(false);
    yAxis.setForceZeroInRange(false);
    yAxis.setTickLabelFormatter(
        new Converter(y -> String.format(Locale.ROOT, "%." + yDecimals + "f", y.doubleValue())));
    chart = new LineChart<>(xAxis, yAxis);
    chart.setCreateSymbols(false);
    chart.setAnimated(false);
    chart.setLegendVisible(true);
    chart.setLegendSide(Side.RIGHT);
    chart.getStyleClass().add(StyleClasses.CHART);
    placeholder.getStyleClass().addAll(StyleClasses.CHART_PLACEHOLDER, StyleClasses.MUTED);
    placeholder.setWrapText(true);
    hover.getStyleClass().addAll("chart-hover", StyleClasses.MUTED);
    hover.setMouseTransparent(true);
    hover.setVisible(false);
    StackPane.setAlignment(hover, javafx.geometry.Pos.TOP_LEFT);
    getChildren().addAll(chart, placeholder, hover);
    chart.setOnMouseMoved(e -> showValuesAt(e.getSceneX(), e.getSceneY()));
    chart.setOnMouseExited(e -> hover.setVisible(false));
    selection.getStyleClass().add("chart-zoom-selection");
    selection.setManaged(false);
    selection.setMouseTransparent(true);
    selection.setVisible(false);
    getChildren().add(selection);
    chart.setOnMousePressed(
        e -> {
          dragStartX = sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
          dragStartValue = timeAt(e.getSceneX(), e.getSceneY());
        });
    chart.setOnMouseDragged(
        e -> {
          double x = sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
          selection.resizeRelocate(
              Math.min(dragStartX, x), 0, Math.abs(x - dragStartX), getHeight());
          selection.setVisible(Math.abs(x - dragStartX) > MIN_DRAG_PIXELS);
        });
    chart.setOnMouseReleased(
        e -> {
          boolean dragged = selection.isVisible();
          selection.setVisible(false);
          if (dragged) {
            onZoom.accept(dragStartValue, timeAt(e.getSceneX(), e.getSceneY()));
          }
        });
    chart.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            onResetZoom.run();
          }
        });
    frame.addListener((obs, old, now) -> show(now));
    show(frame.getValue());
  }

  private double timeAt(double sceneX, double sceneY) {
    return xAxis.getValueForDisplay(xAxis.sceneToLocal(sceneX, sceneY).getX()).doubleValue();
  }

  /** Hover values: each line's point nearest to the pointer's time, in one line of text. */
  private void showValuesAt(double sceneX, double sceneY) {
    ChartFrame frame = shown;
    if (frame == null || frame.lines().isEmpty()) {
      hover.setVisible(false);
      return;
    }
    double x = xAxis.getValueForDisplay(xAxis.sceneToLocal(sceneX, sceneY).getX()).doubleValue();
    if (x < frame.timeAxis().lower() || x > frame.timeAxis().upper()) {
      hover.setVisible(false);
      return;
    }
    StringBuilder text =
        new StringBuilder(
            String.format(Locale.ROOT, "%.1f %s", Math.abs(x), frame.timeAxisLabel()));
    for (ChartLine line : frame.lines()) {
      int nearest = nearestIndex(line.secondsAgo(), x);
      if (nearest >= 0) {
        text.append("   ")
            .append(line.label())
            .append(' ')
            .append(String.format(Locale.ROOT, "%." + yDecimals + "f", line.values()[nearest]))
            .append(' ')
            .append(frame.group().unitSymbol());
      }
    }
    hover.setText(text.toString());
    hover.setVisible(true);
  }

  /** The index of the x nearest to {@code x} in ascending {@code xs}, or -1 when empty. */
  static int nearestIndex(double[] xs, double x) {
    if (xs.length == 0) {
      return -1;
    }
    int i = java.util.Arrays.binarySearch(xs, x);
    if (i >= 0) {
      return i;
    }
    int insertion = -i - 1;
    if (insertion == 0) {
      return 0;
    }
    if (insertion == xs.length) {
      return xs.length - 1;
    }
    return x - xs[insertion - 1] <= xs[insertion] - x ? insertion - 1 : insertion;
  }

  private void show(ChartFrame frame) {
    shown = frame;
    chart.setTitle(frame.title());
    yAxis.setLabel(frame.group().unitSymbol());
    xAxis.setLabel(frame.timeAxisLabel());
    placeholder.setText(frame.placeholder());
    placeholder.setVisible(!frame.placeholder().isEmpty());
    apply(xAxis, frame.timeAxis());
    yDecimals = frame.valueAxis().decimals();
    apply(yAxis, frame.valueAxis());
    List<XYChart.Series<Number, Number>> series = chart.getData();
    boolean sameLines = series.size() == frame.lines().size();
    for (int i = 0; sameLines && i < series.size(); i++) {
      sameLines = series.get(i).getName().equals(frame.lines().get(i).label());
    }
    if (!sameLines) {
      List<XYChart.Series<Number, Number>> fresh = new ArrayList<>();
      for (ChartLine line : frame.lines()) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(line.label());
        fresh.add(s);
      }
      chart.getData().setAll(fresh);
    }
    for (int i = 0; i < frame.lines().size(); i++) {
      ChartLine line = frame.lines().get(i);
      List<XYChart.Data<Number, Number>> points = new ArrayList<>(line.values().length);
      for (int p = 0; p < line.values().length; p++) {
        points.add(new XYChart.Data<>(line.secondsAgo()[p], line.values()[p]));
      }
      series.get(i).getData().setAll(points);
    }
  }

  private static void apply(NumberAxis axis, AxisRange range) {
    axis.setLowerBound(range.lower());
    axis.setUpperBound(range.upper());
    axis.setTickUnit(range.tickUnit());
  }

  /** Tick labels from a formatting function; never parsed back. */
  private static final class Converter extends StringConverter<Number> {
    private final Function<Number, String> format;

    Converter(Function<Number, String> format) {
      this.format = format;
    }

    @Override
    public String toString(Number value) {
      return value == null ? "" : format.apply(value);
    }

    @Override
    public Number fromString(String text) {
      throw new UnsupportedOperationException("tick labels are not parsed");
    }
  }
}
