package dev.vigil.ui.host;

import java.util.List;

/**
 * What one chart shows at one moment.
 *
 * @param group which chart
 * @param lines one per sensor, at most {@link HostPageViewModel#MAX_LINES_PER_CHART}
 * @param omittedLines how many sensors were left out to keep the chart readable
 * @param placeholder what to say when there is nothing to plot (e.g. why the sensors are absent);
 *     empty when there are lines
 * @param timeAxis the x axis in units of {@code timeAxisLabel} ago (the lines' x are in the same
 *     unit)
 * @param valueAxis the y axis, around the values shown
 * @param timeAxisLabel the x axis's title, e.g. "seconds ago" or "hours ago"
 */
public record ChartFrame(
    ChartGroup group,
    List<ChartLine> lines,
    int omittedLines,
    String placeholder,
    AxisRange timeAxis,
    AxisRange valueAxis,
    String timeAxisLabel) {
  public ChartFrame {
    lines = List.copyOf(lines);
  }

  /** A frame in seconds ago. */
  public ChartFrame(
      ChartGroup group,
      List<ChartLine> lines,
      int omittedLines,
      String placeholder,
      AxisRange timeAxis,
      AxisRange valueAxis) {
    this(group, lines, omittedLines, placeholder, timeAxis, valueAxis, "seconds ago");
  }

  /** A chart with nothing to plot, saying why. */
  public static ChartFrame empty(ChartGroup group, String placeholder) {
    return new ChartFrame(
        group,
        List.of(),
        0,
        placeholder,
        AxisRange.secondsAgo(HostPageViewModel.MIN_CHART_SPAN_SECONDS),
        group.emptyValueAxis());
  }

  /** The title with the number of omitted lines, if any. */
  public String title() {
    return omittedLines == 0
        ? group.title()
        : group.title() + " (" + lines.size() + " of " + (lines.size() + omittedLines) + " shown)";
  }
}
