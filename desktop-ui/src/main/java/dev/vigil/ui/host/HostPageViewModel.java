package dev.vigil.ui.host;

import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.ui.alerts.AlertAcknowledger;
import dev.vigil.ui.alerts.HostAlertStripViewModel;
import dev.vigil.ui.connection.MessageSender;
import dev.vigil.ui.events.EventTimelineViewModel;
import dev.vigil.ui.format.AbsenceText;
import dev.vigil.ui.history.HistorySource;
import dev.vigil.ui.history.SeriesPoints;
import dev.vigil.ui.hosts.HostSummary;
import dev.vigil.ui.hosts.StatusKind;
import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.state.HostModel;
import dev.vigil.ui.state.SeriesHistory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The page of one host: identity and status, the strip of its active alerts, a live chart per
 * {@link ChartGroup} over the data held (at least {@link #MIN_CHART_SPAN_SECONDS}, at most {@link
 * #CHART_WINDOW_SECONDS} seconds), the sensor table, the device inventory and the host's event
 * timeline.
 */
public final class HostPageViewModel {
  /** How far back the charts reach, in seconds; the whole kept history at 1 Hz. */
  public static final int CHART_WINDOW_SECONDS = HostModel.HISTORY_POINTS;

  /** The shortest time span a chart shows, in seconds, even when less data is held. */
  public static final int MIN_CHART_SPAN_SECONDS = 60;

  /** Most points plotted per line; longer lines are thinned by {@link Downsampler}. */
  public static final int MAX_POINTS_PER_LINE = 1_000;

  /** Most lines in one chart; more would be unreadable. */
  public static final int MAX_LINES_PER_CHART = 8;

  /** Shortest time between two chart refreshes driven by the clock, in milliseconds. */
  public static final long CHART_REFRESH_MS = 1_000;

  private static final double MS_PER_SECOND = 1_000.0;
  private static final long MS_PER_SECOND_LONG = 1_000L;

  private final DashboardState state;
  private final Clock clock;
  private final Runnable back;
  private final EventTimelineViewModel timeline;
  private final HostCommandsViewModel commands;
  private final HostAlertStripViewModel alertStrip;
  private final ReadOnlyStringWrapper hostId = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper simulated = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<StatusKind> statusKind =
      new ReadOnlyObjectWrapper<>(StatusKind.ONLINE);
  private final ReadOnlyStringWrapper detailsText = new ReadOnlyStringWrapper("");
  private final Map<ChartGroup, ReadOnlyObjectWrapper<ChartFrame>> charts =
      new EnumMap<>(ChartGroup.class);
  private final ObservableList<SensorRowViewModel> sensors = FXCollections.observableArrayList();
  private final Map<String, SensorRowViewModel> sensorRowsById = new HashMap<>();
  private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<ChartWindow> window =
      new ReadOnlyObjectWrapper<>(ChartWindow.FIVE_MINUTES);
  private final ReadOnlyStringWrapper historyText = new ReadOnlyStringWrapper("");
  private final Map<String, SeriesPoints> backfill = new HashMap<>();
  private final javafx.beans.property.ReadOnlyBooleanWrapper zoomed =
      new javafx.beans.property.ReadOnlyBooleanWrapper();
  private long zoomFromMs;
  private long zoomToMs;
  private HistorySource history;
  private Executor uiThread = Runnable::run;
  private int historyGeneration;
  private String historyLoadedFor;
  private int shownCatalogRevision = -1;
  private int shownInventoryRevision = -1;
  private long lastChartRefreshMs;

  /**
   * @param state the store to show
   * @param clock for "seconds ago" and "last seen"
   * @param zone the time zone for event and alert times
   * @param acknowledger the shared acknowledge flow, for the alert strip
   * @param sender sends commands to the host's agent through the relay
   * @param back called when the operator leaves the page
   */
  public HostPageViewModel(
      DashboardState state,
      Clock clock,
      ZoneId zone,
      AlertAcknowledger acknowledger,
      MessageSender sender,
      Runnable back) {
    this.state = Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.back = Objects.requireNonNull(back, "back");
    this.timeline = new EventTimelineViewModel(state, zone);
    this.alertStrip = new HostAlertStripViewModel(state, acknowledger, zone);
    this.commands = new HostCommandsViewModel(state, sender, clock);
    for (ChartGroup group : ChartGroup.values()) {
      charts.put(group, new ReadOnlyObjectWrapper<>(ChartFrame.empty(group, "")));
    }
    state.addListener(this::stateChanged);
  }

  /**
   * Where the longer chart windows get their data, and the thread its answers are applied on (the
   * FX thread in the application).
   */
  public void useHistory(HistorySource source, Executor onUiThread) {
    this.history = Objects.requireNonNull(source, "source");
    this.uiThread = Objects.requireNonNull(onUiThread, "onUiThread");
    historyLoadedFor = null;
    refresh();
  }

  /** Shows the charts over {@code newWindow}, backfilling from the relay's history if needed. */
  public void showWindow(ChartWindow newWindow) {
    window.set(Objects.requireNonNull(newWindow, "newWindow"));
    historyLoadedFor = null;
    clearZoom();
    refresh();
  }

  /** Shortest stretch the charts zoom into, in milliseconds. */
  public static final long MIN_ZOOM_MS = 5_000;

  /**
   * Zooms every chart into the stretch between two x positions of the charts (in their units ago,
   * e.g. minutes ago for the hour window); the stretch stays fixed in time as time moves on.
   */
  public void zoomTo(double fromAgo, double toAgo) {
    double unitMs = window.get().unitSeconds() * MS_PER_SECOND;
    long nowMs = clock.millis();
    long from = nowMs + Math.round(Math.min(fromAgo, toAgo) * unitMs);
    long to = nowMs + Math.round(Math.max(fromAgo, toAgo) * unitMs);
    long earliest = nowMs - window.get().millis();
    from = Math.max(from, earliest);
    to = Math.min(to, nowMs);
    if (to - from < MIN_ZOOM_MS) {
      return;
    }
    zoomFromMs = from;
    zoomToMs = to;
    zoomed.set(true);
    refreshCharts();
  }

  /** Back to the whole window. */
  public void resetZoom() {
    clearZoom();
    refreshCharts();
  }

  private void clearZoom() {
    zoomFromMs = 0;
    zoomToMs = 0;
    zoomed.set(false);
  }

  /** True while the charts show a zoomed stretch rather than the whole window. */
  public javafx.beans.property.ReadOnlyBooleanProperty zoomedProperty() {
    return zoomed.getReadOnlyProperty();
  }

  /** Shows one host. */
  public void show(String id) {
    historyLoadedFor = null;
    clearZoom();
    hostId.set(Objects.requireNonNull(id, "id"));
    shownCatalogRevision = -1;
    shownInventoryRevision = -1;
    sensorRowsById.clear();
    sensors.clear();
    devices.clear();
    timeline.showHost(id);
    alertStrip.showHost(id);
    commands.showHost(id);
    refresh();
  }

  /** Commands to this host's agent. */
  public HostCommandsViewModel commands() {
    return commands;
  }

  /** Leaves the page. */
  public void back() {
    back.run();
  }

  /** Moves the charts along with time; called once a second. */
  public void tick() {
    if (hostId.get() != null && clock.millis() - lastChartRefreshMs >= CHART_REFRESH_MS) {
      refresh();
    }
  }

  private void stateChanged(Changes changes) {
    String id = hostId.get();
    if (id != null && (changes.touches(id) || changes.connectionChanged())) {
      refresh();
    }
  }

  private void refresh() {
    String id = hostId.get();
    HostModel host = state.host(id).orElse(null);
    if (host == null) {
      title.set(id);
      simulated.set(false);
      boolean known = state.hasSnapshot();
      statusKind.set(known ? StatusKind.OFFLINE : StatusKind.STALE);
      statusText.set(
          known
              ? "unknown to the relay (it may have been removed)"
              : "waiting for the relay's snapshot");
      detailsText.set("");
      for (ChartGroup group : ChartGroup.values()) {
        charts.get(group).set(ChartFrame.empty(group, ""));
      }
      return;
    }
    HostStatus status = host.status();
    boolean live = state.connection().isLive();
    long nowMs = clock.millis();
    title.set(status.name());
    simulated.set(status.simulated());
    statusKind.set(HostSummary.statusKind(status, live));
    statusText.set(HostSummary.statusText(host, live, nowMs));
    detailsText.set(detailsOf(status));
    refreshSensors(host);
    if (host.inventoryRevision() != shownInventoryRevision) {
      shownInventoryRevision = host.inventoryRevision();
      devices.setAll(host.devices().stream().map(DeviceRow::of).toList());
    }
    loadHistoryIfNeeded(host, nowMs);
    for (ChartGroup group : ChartGroup.values()) {
      charts.get(group).set(frameOf(host, group, nowMs));
    }
    lastChartRefreshMs = nowMs;
  }

  /**
   * Asks the history for every charted sensor over the window, once per host, window and catalog;
   * answers that come after the operator moved on are ignored.
   */
  private void loadHistoryIfNeeded(HostModel host, long nowMs) {
    ChartWindow w = window.get();
    String key = host.hostId() + "|" + w + "|" + host.catalogRevision();
    if (key.equals(historyLoadedFor)) {
      return;
    }
    historyLoadedFor = key;
    backfill.clear();
    int generation = ++historyGeneration;
    if (w.isLiveOnly()) {
      historyText.set("");
      return;
    }
    if (history == null) {
      historyText.set("no history: not connected to a relay's history");
      return;
    }
    List<String> sensorIds = chartedSensorIds(host);
    if (sensorIds.isEmpty()) {
      historyText.set("");
      return;
    }
    historyText.set("loading " + w.label() + " of history…");
    int[] left = {sensorIds.size()};
    String[] failure = {null};
    for (String sensorId : sensorIds) {
      history
          .series(host.hostId(), sensorId, nowMs - w.millis(), nowMs)
          .whenComplete(
              (points, error) ->
                  uiThread.execute(
                      () -> {
                        if (generation != historyGeneration) {
                          return;
                        }
                        if (error != null) {
                          failure[0] = messageOf(error);
                        } else {
                          backfill.put(sensorId, points);
                        }
                        if (--left[0] == 0) {
                          historyText.set(failure[0] == null ? "" : failure[0]);
                        }
                        refreshCharts();
                      }));
    }
  }

  private void refreshCharts() {
    HostModel host = hostId.get() == null ? null : state.host(hostId.get()).orElse(null);
    if (host == null) {
      return;
    }
    long nowMs = clock.millis();
    for (ChartGroup group : ChartGroup.values()) {
      charts.get(group).set(frameOf(host, group, nowMs));
    }
  }

  private static String messageOf(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null
        && (cause instanceof java.util.concurrent.CompletionException
            || cause.getMessage() == null)) {
      cause = cause.getCause();
    }
    String text = cause.getMessage();
    if (text == null || text.isBlank()) {
      text = cause.getClass().getSimpleName();
    }
    return text.startsWith("history") ? text : "history unavailable: " + text;
  }

  /** The sensors the charts show for {@code host}, every group. */
  private static List<String> chartedSensorIds(HostModel host) {
    List<String> ids = new ArrayList<>();
    for (ChartGroup group : ChartGroup.values()) {
      for (SensorInfo sensor : chartedSensors(host, group)) {
        ids.add(sensor.id());
      }
    }
    return ids;
  }

  /** The present sensors of {@code group}'s kind, total CPU load first, at most the line limit. */
  private static List<SensorInfo> chartedSensors(HostModel host, ChartGroup group) {
    List<SensorInfo> present =
        new ArrayList<>(
            host.sensors().stream()
                .filter(s -> s.kind() == group.kind() && s.isPresent())
                .toList());
    present.sort(
        (a, b) ->
            Boolean.compare(
                !a.id().equals(HostSummary.CPU_LOAD_SENSOR_ID),
                !b.id().equals(HostSummary.CPU_LOAD_SENSOR_ID)));
    return present.subList(0, Math.min(present.size(), MAX_LINES_PER_CHART));
  }

  private void refreshSensors(HostModel host) {
    if (host.catalogRevision() != shownCatalogRevision
        || host.knownSensorIds().size() != sensors.size()) {
      shownCatalogRevision = host.catalogRevision();
      List<SensorRowViewModel> rows = new ArrayList<>();
      for (String sensorId : host.knownSensorIds()) {
        rows.add(sensorRowsById.computeIfAbsent(sensorId, SensorRowViewModel::new));
      }
      sensorRowsById.keySet().retainAll(host.knownSensorIds());
      sensors.setAll(rows);
    }
    for (SensorRowViewModel row : sensors) {
      row.update(host);
    }
  }

  private ChartFrame frameOf(HostModel host, ChartGroup group, long nowMs) {
    List<SensorInfo> ofKind =
        host.sensors().stream().filter(s -> s.kind() == group.kind()).toList();
    List<SensorInfo> charted = chartedSensors(host, group);
    if (charted.isEmpty()) {
      return ChartFrame.empty(group, AbsenceText.full(group.noun(), ofKind));
    }
    ChartWindow w = window.get();
    long presentCount = ofKind.stream().filter(SensorInfo::isPresent).count();
    long fromMs = zoomed.get() ? zoomFromMs : windowStartMs(w, nowMs);
    long toMs = zoomed.get() ? zoomToMs : nowMs;
    double unit = w.unitSeconds();
    List<ChartLine> lines = new ArrayList<>();
    for (SensorInfo sensor : charted) {
      ChartLine line = lineOf(sensor, host.history(sensor.id()).orElse(null), fromMs, toMs, nowMs);
      lines.add(Downsampler.minMax(inUnits(line, unit), MAX_POINTS_PER_LINE));
    }
    int omitted = (int) presentCount - lines.size();
    double oldestAgo = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (ChartLine line : lines) {
      if (line.values().length > 0) {
        oldestAgo = Math.min(oldestAgo, line.secondsAgo()[0]);
      }
      for (double v : line.values()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    double windowUnits = w.seconds() / unit;
    double unitMs = unit * MS_PER_SECOND;
    AxisRange zoomAxis =
        zoomed.get()
            ? AxisRange.timeBetween((zoomFromMs - nowMs) / unitMs, (zoomToMs - nowMs) / unitMs)
            : null;
    if (min > max) {
      return new ChartFrame(
          group,
          lines,
          omitted,
          w.isLiveOnly()
              ? "No samples in the last " + w.label() + " yet"
              : "No samples stored for " + "the last " + w.label(),
          zoomAxis != null
              ? zoomAxis
              : AxisRange.secondsAgo(w.isLiveOnly() ? MIN_CHART_SPAN_SECONDS : windowUnits),
          group.emptyValueAxis(),
          w.axisLabel());
    }
    double span =
        w.isLiveOnly()
            ? Math.min(windowUnits, Math.max(MIN_CHART_SPAN_SECONDS, -oldestAgo))
            : windowUnits;
    return new ChartFrame(
        group,
        lines,
        omitted,
        "",
        zoomAxis != null ? zoomAxis : AxisRange.secondsAgo(span),
        group.valueAxis(min, max),
        w.axisLabel());
  }

  private static long liveSpanMs() {
    return CHART_WINDOW_SECONDS * MS_PER_SECOND_LONG;
  }

  private static long windowStartMs(ChartWindow w, long nowMs) {
    return nowMs - Math.min(w.millis(), w.isLiveOnly() ? liveSpanMs() : w.millis());
  }

  private static ChartLine inUnits(ChartLine line, double unitSeconds) {
    if (unitSeconds == 1) {
      return line;
    }
    double[] xs = new double[line.secondsAgo().length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = line.secondsAgo()[i] / unitSeconds;
    }
    return new ChartLine(line.sensorId(), line.label(), xs, line.values());
  }

  /**
   * One sensor's points since {@code fromMs}, in seconds ago: stored points older than the first
   * sample the dashboard holds, then the held samples, so a backfilled chart continues live.
   */
  private ChartLine lineOf(
      SensorInfo sensor, SeriesHistory live, long fromMs, long toMs, long nowMs) {
    int bound = pointsBound(sensor.id(), live);
    double[] xs = new double[bound];
    double[] ys = new double[bound];
    int n = 0;
    SeriesPoints stored = backfill.get(sensor.id());
    long firstLiveMs = firstLiveAtOrAfter(live, fromMs);
    if (stored != null) {
      for (int i = 0; i < stored.size(); i++) {
        long t = stored.timesMs()[i];
        if (t >= fromMs && t <= toMs && t < firstLiveMs) {
          xs[n] = (t - nowMs) / MS_PER_SECOND;
          ys[n++] = stored.values()[i];
        }
      }
    }
    if (live != null) {
      for (int i = 0; i < live.size(); i++) {
        if (live.timeAt(i) >= fromMs && live.timeAt(i) <= toMs) {
          xs[n] = (live.timeAt(i) - nowMs) / MS_PER_SECOND;
          ys[n++] = live.valueAt(i);
        }
      }
    }
    return new ChartLine(
        sensor.id(),
        HostSummary.labelOf(sensor),
        java.util.Arrays.copyOf(xs, n),
        java.util.Arrays.copyOf(ys, n));
  }

  /** At most how many points {@link #lineOf} keeps, to size its arrays. */
  private int pointsBound(String sensorId, SeriesHistory live) {
    SeriesPoints stored = backfill.get(sensorId);
    return (stored == null ? 0 : stored.size()) + (live == null ? 0 : live.size());
  }

  private static long firstLiveAtOrAfter(SeriesHistory live, long fromMs) {
    if (live == null) {
      return Long.MAX_VALUE;
    }
    for (int i = 0; i < live.size(); i++) {
      if (live.timeAt(i) >= fromMs) {
        return live.timeAt(i);
      }
    }
    return Long.MAX_VALUE;
  }

  /**
   * One chart's data as CSV, every point (not thinned), oldest first per sensor: {@code
   * time_utc,host_id,sensor_id,sensor,value}, values in the chart's unit.
   */
  public String chartCsv(ChartGroup group) {
    StringBuilder out = new StringBuilder("time_utc,host_id,sensor_id,sensor,value\n");
    HostModel host = hostId.get() == null ? null : state.host(hostId.get()).orElse(null);
    if (host == null) {
      return out.toString();
    }
    long nowMs = clock.millis();
    ChartWindow w = window.get();
    long fromMs = zoomed.get() ? zoomFromMs : windowStartMs(w, nowMs);
    long toMs = zoomed.get() ? zoomToMs : nowMs;
    for (SensorInfo sensor : chartedSensors(host, group)) {
      ChartLine line = lineOf(sensor, host.history(sensor.id()).orElse(null), fromMs, toMs, nowMs);
      for (int i = 0; i < line.values().length; i++) {
        long t = nowMs + Math.round(line.secondsAgo()[i] * MS_PER_SECOND);
        out.append(java.time.Instant.ofEpochMilli(t))
            .append(',')
            .append(csvField(host.hostId()))
            .append(',')
            .append(csvField(sensor.id()))
            .append(',')
            .append(csvField(line.label()))
            .append(',')
            .append(line.values()[i])
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String csvField(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  /** The window the charts show. */
  public ReadOnlyObjectProperty<ChartWindow> windowProperty() {
    return window.getReadOnlyProperty();
  }

  public ChartWindow getWindow() {
    return window.get();
  }

  /** Loading or failure of the history backfill; empty when there is nothing to say. */
  public ReadOnlyStringProperty historyTextProperty() {
    return historyText.getReadOnlyProperty();
  }

  public String getHistoryText() {
    return historyText.get();
  }

  private static String detailsOf(HostStatus status) {
    List<String> parts = new ArrayList<>();
    parts.add("id " + status.hostId());
    if (status.platform() != null && !status.platform().isBlank()) {
      parts.add(status.platform());
    }
    String labels = HostSummary.labelsText(status.labels());
    if (!labels.isEmpty()) {
      parts.add(labels);
    }
    return String.join(" · ", parts);
  }

  public ReadOnlyStringProperty hostIdProperty() {
    return hostId.getReadOnlyProperty();
  }

  public String getHostId() {
    return hostId.get();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public String getTitle() {
    return title.get();
  }

  public ReadOnlyBooleanProperty simulatedProperty() {
    return simulated.getReadOnlyProperty();
  }

  public boolean isSimulated() {
    return simulated.get();
  }

  public ReadOnlyStringProperty statusTextProperty() {
    return statusText.getReadOnlyProperty();
  }

  public String getStatusText() {
    return statusText.get();
  }

  public ReadOnlyObjectProperty<StatusKind> statusKindProperty() {
    return statusKind.getReadOnlyProperty();
  }

  /** Host id, platform and labels in one line. */
  public ReadOnlyStringProperty detailsTextProperty() {
    return detailsText.getReadOnlyProperty();
  }

  /** The live frame of one chart. */
  public ReadOnlyObjectProperty<ChartFrame> chartProperty(ChartGroup group) {
    return charts.get(group).getReadOnlyProperty();
  }

  public ChartFrame getChart(ChartGroup group) {
    return charts.get(group).get();
  }

  /** The sensor table's rows, catalog order. */
  public ObservableList<SensorRowViewModel> sensors() {
    return FXCollections.unmodifiableObservableList(sensors);
  }

  /** The sensor row of one sensor, if listed. */
  public SensorRowViewModel sensorRow(String sensorId) {
    return sensorRowsById.get(sensorId);
  }

  /** The inventory table's rows. */
  public ObservableList<DeviceRow> devices() {
    return FXCollections.unmodifiableObservableList(devices);
  }

  /** The strip of this host's active alerts. */
  public HostAlertStripViewModel alertStrip() {
    return alertStrip;
  }

  /** This host's hot-plug and LED timeline. */
  public EventTimelineViewModel timeline() {
    return timeline;
  }
}
