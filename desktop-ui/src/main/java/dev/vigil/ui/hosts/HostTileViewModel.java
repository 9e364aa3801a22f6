package dev.vigil.ui.hosts;

import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Severity;
import dev.vigil.ui.state.HostModel;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One host's card in the grid: name, SIMULATED badge, status, key values, alert badge; each a short
 * line, with everything in full in the tooltip text.
 */
public final class HostTileViewModel {
  private final String hostId;
  private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper simulated = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<StatusKind> statusKind =
      new ReadOnlyObjectWrapper<>(StatusKind.ONLINE);
  private final ReadOnlyStringWrapper hottestText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper cpuLoadText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper fansText = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper fansWarning = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper hottestAbsent = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper fansAbsent = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper tooltipText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper alertText = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Severity> alertSeverity = new ReadOnlyObjectWrapper<>();
  private Map<String, String> labels = Map.of();

  /**
   * @param hostId the host this tile shows
   */
  public HostTileViewModel(String hostId) {
    this.hostId = Objects.requireNonNull(hostId, "hostId");
  }

  /** Refreshes everything from the host's current state. */
  public void update(HostModel host, AlertBadge badge, boolean relayLive, long nowMs) {
    HostStatus status = host.status();
    name.set(status.name());
    labels = status.labels();
    simulated.set(status.simulated());
    statusKind.set(HostSummary.statusKind(status, relayLive));
    statusText.set(HostSummary.statusText(host, relayLive, nowMs));
    HostSummary.SummaryLine hottest = HostSummary.hottest(host);
    hottestText.set(hottest.text());
    cpuLoadText.set(HostSummary.cpuLoadText(host));
    HostSummary.FanSummary fans = HostSummary.fans(host, badge.sensorIds());
    hottestAbsent.set(hottest.absent());
    fansText.set(fans.line().text());
    fansAbsent.set(fans.line().absent());
    fansWarning.set(fans.warning());
    tooltipText.set(
        String.join(
            "\n",
            status.name() + " (" + hostId + ")",
            statusText.get(),
            hottest.detail(),
            cpuLoadText.get(),
            fans.line().detail()));
    alertText.set(badge.text());
    alertSeverity.set(badge.worst());
  }

  /** True when the query (case-insensitive) is empty or found in the name, id or a label. */
  public boolean matches(String query) {
    if (query == null || query.isBlank()) {
      return true;
    }
    String q = query.trim().toLowerCase(Locale.ROOT);
    if (name.get().toLowerCase(Locale.ROOT).contains(q)
        || hostId.toLowerCase(Locale.ROOT).contains(q)) {
      return true;
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      String pair = (label.getKey() + "=" + label.getValue()).toLowerCase(Locale.ROOT);
      if (pair.contains(q)) {
        return true;
      }
    }
    return false;
  }

  public String hostId() {
    return hostId;
  }

  public ReadOnlyStringProperty nameProperty() {
    return name.getReadOnlyProperty();
  }

  public String getName() {
    return name.get();
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

  public StatusKind getStatusKind() {
    return statusKind.get();
  }

  public ReadOnlyStringProperty hottestTextProperty() {
    return hottestText.getReadOnlyProperty();
  }

  public String getHottestText() {
    return hottestText.get();
  }

  /** True when the hottest line says why there are no temperatures. */
  public ReadOnlyBooleanProperty hottestAbsentProperty() {
    return hottestAbsent.getReadOnlyProperty();
  }

  public boolean isHottestAbsent() {
    return hottestAbsent.get();
  }

  public ReadOnlyStringProperty cpuLoadTextProperty() {
    return cpuLoadText.getReadOnlyProperty();
  }

  public String getCpuLoadText() {
    return cpuLoadText.get();
  }

  public ReadOnlyStringProperty fansTextProperty() {
    return fansText.getReadOnlyProperty();
  }

  public String getFansText() {
    return fansText.get();
  }

  /** True when the fans line says why there are no fans. */
  public ReadOnlyBooleanProperty fansAbsentProperty() {
    return fansAbsent.getReadOnlyProperty();
  }

  public boolean isFansAbsent() {
    return fansAbsent.get();
  }

  /** True when a fan stopped or an active alert names a fan. */
  public ReadOnlyBooleanProperty fansWarningProperty() {
    return fansWarning.getReadOnlyProperty();
  }

  public boolean isFansWarning() {
    return fansWarning.get();
  }

  /** Everything the tile says, in full (absent reasons included), one fact a line. */
  public ReadOnlyStringProperty tooltipTextProperty() {
    return tooltipText.getReadOnlyProperty();
  }

  public String getTooltipText() {
    return tooltipText.get();
  }

  public ReadOnlyStringProperty alertTextProperty() {
    return alertText.getReadOnlyProperty();
  }

  public String getAlertText() {
    return alertText.get();
  }

  /** The worst active alert's severity; null when no alert is active. */
  public ReadOnlyObjectProperty<Severity> alertSeverityProperty() {
    return alertSeverity.getReadOnlyProperty();
  }

  public Severity getAlertSeverity() {
    return alertSeverity.get();
  }
}
