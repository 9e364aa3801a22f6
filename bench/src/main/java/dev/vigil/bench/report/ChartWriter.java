package dev.vigil.bench.report;

import dev.vigil.bench.run.CapacityResult;
import dev.vigil.bench.run.CapacityStep;
import dev.vigil.bench.run.CellResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws {@code docs/benchmarks.png}: p99 latency (log scale) and deliveries per second for every 1
 * Hz cell, then (when capacity was searched) the highest sustained deliveries per second for every
 * capacity cell; one bar per system, side by side. A cell a system did not run, or a search that
 * sustained nothing, has no bar.
 */
public final class ChartWriter {
  static final int WIDTH = 900;
  static final int HEIGHT = 420;

  private ChartWriter() {}

  /**
   * Writes the PNG of {@code cells} and {@code capacity} to {@code png}; a chart without a single
   * bar is left out, and with no chart at all nothing is written.
   */
  public static void write(List<CellResult> cells, List<CapacityResult> capacity, Path png)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<CategoryChart> charts = new ArrayList<>();
    if (cells.stream().anyMatch(r -> r.p99Ms() != null)) {
      charts.add(latencyChart(cells));
    }
    if (!cells.isEmpty()) {
      Map<String, Map<String, CellResult>> byCell = MarkdownReport.byCell(cells);
      charts.add(
          chart(
              "Deliveries per second at 1 Hz per agent",
              "deliveries/s",
              new ArrayList<>(byCell.keySet()),
              byCell,
              CellResult::deliveriesPerSecond));
    }
    CategoryChart capacityChart = capacityChart(capacity);
    if (!capacityChart.getSeriesMap().isEmpty()) {
      charts.add(capacityChart);
    }
    if (charts.isEmpty()) {
      return;
    }
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String base = png.toString().replaceFirst("\\.png$", "");
    BitmapEncoder.saveBitmap(charts, charts.size(), 1, base, BitmapEncoder.BitmapFormat.PNG);
  }

  private static CategoryChart latencyChart(List<CellResult> cells) {
    Map<String, Map<String, CellResult>> byCell = MarkdownReport.byCell(cells);
    CategoryChart latency =
        chart(
            "p99 latency, agent → dashboard, at 1 Hz per agent",
            "ms (log scale)",
            new ArrayList<>(byCell.keySet()),
            byCell,
            CellResult::p99Ms);
    latency.getStyler().setYAxisLogarithmic(true);
    // Bars on a log axis need a floor above zero: the decade below the smallest value.
    double smallest =
        cells.stream()
            .map(CellResult::p99Ms)
            .filter(v -> v != null && v > 0)
            .mapToDouble(Double::doubleValue)
            .min()
            .orElse(1);
    latency.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))));
    return latency;
  }

  private static CategoryChart capacityChart(List<CapacityResult> capacity) {
    Map<String, Map<String, CapacityResult>> byCell = CapacityReport.byCell(capacity);
    List<String> labels = new ArrayList<>(byCell.keySet());
    CategoryChart chart =
        frame(
            "Capacity: highest sustained deliveries per second (a harness-bound search is a lower"
                + " bound)",
            "deliveries/s");
    for (String system : Systems.ORDER) {
      List<Double> values = new ArrayList<>();
      boolean any = false;
      for (String label : labels) {
        CapacityResult r = byCell.get(label).get(system);
        Double v =
            r == null
                ? null
                : r.highestSustained().map(CapacityStep::deliveriesPerSecond).orElse(null);
        values.add(v);
        any |= v != null;
      }
      if (any) {
        chart.addSeries(Systems.label(system), labels, values);
      }
    }
    return chart;
  }

  private static CategoryChart frame(String title, String yTitle) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle("agents × dashboards")
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    return chart;
  }

  private static CategoryChart chart(
      String title,
      String yTitle,
      List<String> labels,
      Map<String, Map<String, CellResult>> byCell,
      Function<CellResult, Double> value) {
    CategoryChart chart = frame(title, yTitle);
    for (String system : Systems.ORDER) {
      List<Double> values = new ArrayList<>();
      boolean any = false;
      for (String label : labels) {
        CellResult r = byCell.get(label).get(system);
        Double v = r == null ? null : value.apply(r);
        values.add(v);
        any |= v != null;
      }
      if (any) {
        chart.addSeries(Systems.label(system), labels, values);
      }
    }
    return chart;
  }
}
