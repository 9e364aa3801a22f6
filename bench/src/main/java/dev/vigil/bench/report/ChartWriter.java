package dev.vigil.bench.report;

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
 * Draws {@code docs/benchmarks.png}: p99 latency (log scale) and deliveries per second for every
 * cell, one bar per system, side by side. A cell a system did not run has no bar.
 */
public final class ChartWriter {
  static final int WIDTH = 900;
  static final int HEIGHT = 420;

  private ChartWriter() {}

  /** Writes the PNG of {@code cells} to {@code png}. */
  public static void write(List<CellResult> cells, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Map<String, Map<String, CellResult>> byCell = MarkdownReport.byCell(cells);
    List<String> labels = new ArrayList<>(byCell.keySet());
    CategoryChart latency =
        chart(
            "p99 latency, agent → dashboard", "ms (log scale)", labels, byCell, CellResult::p99Ms);
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
    CategoryChart rate =
        chart(
            "Deliveries per second", "deliveries/s", labels, byCell, r -> r.deliveriesPerSecond());
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String base = png.toString().replaceFirst("\\.png$", "");
    BitmapEncoder.saveBitmap(List.of(latency, rate), 2, 1, base, BitmapEncoder.BitmapFormat.PNG);
  }

  private static CategoryChart chart(
      String title,
      String yTitle,
      List<String> labels,
      Map<String, Map<String, CellResult>> byCell,
      Function<CellResult, Double> value) {
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
