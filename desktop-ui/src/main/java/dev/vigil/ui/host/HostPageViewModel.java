package dev.vigil.ui.host;

import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.ui.alerts.AlertAcknowledger;
import dev.vigil.ui.alerts.HostAlertStripViewModel;
import dev.vigil.ui.connection.MessageSender;
import dev.vigil.ui.events.EventTimelineViewModel;
import dev.vigil.ui.format.AbsenceText;
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

  /** Shows one host. */
  public void show(String id) {
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
    for (ChartGroup group : ChartGroup.values()) {
      charts.get(group).set(frameOf(host, group, nowMs));
    }
    lastChartRefreshMs = nowMs;
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
    List<SensorInfo> present =
        new ArrayList<>(ofKind.stream().filter(SensorInfo::isPresent).toList());
    if (present.isEmpty()) {
      return ChartFrame.empty(group, AbsenceText.full(group.noun(), ofKind));
    }
    // Total CPU load leads its chart; per-core lines follow.
    present.sort(
        (a, b) ->
            Boolean.compare(
                !a.id().equals(HostSummary.CPU_LOAD_SENSOR_ID),
                !b.id().equals(HostSummary.CPU_LOAD_SENSOR_ID)));
    long fromMs = nowMs - CHART_WINDOW_SECONDS * MS_PER_SECOND_LONG;
    List<ChartLine> lines = new ArrayList<>();
    for (SensorInfo sensor : present.subList(0, Math.min(present.size(), MAX_LINES_PER_CHART))) {
      SeriesHistory history = host.history(sensor.id()).orElse(null);
      lines.add(Downsampler.minMax(lineOf(sensor, history, fromMs, nowMs), MAX_POINTS_PER_LINE));
    }
    int omitted = present.size() - lines.size();
    double oldestSecondsAgo = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (ChartLine line : lines) {
      if (line.values().length > 0) {
        oldestSecondsAgo = Math.min(oldestSecondsAgo, line.secondsAgo()[0]);
      }
      for (double v : line.values()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      return new ChartFrame(
          group,
          lines,
          omitted,
          "No samples in the last 10 minutes yet",
          AxisRange.secondsAgo(MIN_CHART_SPAN_SECONDS),
          group.emptyValueAxis());
    }
    double spanSeconds =
        Math.min(CHART_WINDOW_SECONDS, Math.max(MIN_CHART_SPAN_SECONDS, -oldestSecondsAgo));
    return new ChartFrame(
        group, lines, omitted, "", AxisRange.secondsAgo(spanSeconds), group.valueAxis(min, max));
  }

  private static ChartLine lineOf(
      SensorInfo sensor, SeriesHistory history, long fromMs, long nowMs) {
    if (history == null) {
      return new ChartLine(sensor.id(), HostSummary.labelOf(sensor), new double[0], new double[0]);
    }
    int first = 0;
    while (first < history.size() && history.timeAt(first) < fromMs) {
      first++;
    }
    int count = history.size() - first;
    double[] xs = new double[count];
    double[] ys = new double[count];
    for (int i = 0; i < count; i++) {
      xs[i] = (history.timeAt(first + i) - nowMs) / MS_PER_SECOND;
      ys[i] = history.valueAt(first + i);
    }
    return new ChartLine(sensor.id(), HostSummary.labelOf(sensor), xs, ys);
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
