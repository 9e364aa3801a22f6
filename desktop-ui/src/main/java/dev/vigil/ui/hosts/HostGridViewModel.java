package dev.vigil.ui.hosts;

import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.state.HostModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The host grid: one tile per host sorted by name, a search that filters by name, id or label, and
 * a one-line fleet summary. Opening a tile navigates to the host page.
 */
public final class HostGridViewModel {
  private static final Comparator<HostTileViewModel> BY_NAME =
      Comparator.comparing((HostTileViewModel t) -> t.getName().toLowerCase(Locale.ROOT))
          .thenComparing(HostTileViewModel::hostId);

  private final DashboardState state;
  private final Clock clock;
  private final Consumer<String> openHost;
  private final Map<String, HostTileViewModel> tilesById = new HashMap<>();
  private final ObservableList<HostTileViewModel> tiles = FXCollections.observableArrayList();
  private final FilteredList<HostTileViewModel> visibleTiles = new FilteredList<>(tiles);
  private final StringProperty searchText = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper("No hosts yet");
  private Map<String, AlertBadge> badges = Map.of();

  /**
   * @param state the store to show
   * @param clock for "last seen" times
   * @param openHost called with a host id when the operator opens a tile
   */
  public HostGridViewModel(DashboardState state, Clock clock, Consumer<String> openHost) {
    this.state = Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.openHost = Objects.requireNonNull(openHost, "openHost");
    searchText.addListener((obs, old, now) -> refilter());
    state.addListener(this::stateChanged);
  }

  private void stateChanged(Changes changes) {
    if (changes.alertsChanged() || changes.resynced()) {
      badges = AlertBadge.byHost(state.alerts());
    }
    if (changes.hostSetChanged() || changes.resynced()) {
      rebuild();
      return;
    }
    boolean live = state.connection().isLive();
    long nowMs = clock.millis();
    for (HostModel host : state.hosts()) {
      HostTileViewModel tile = tilesById.get(host.hostId());
      if (tile == null) {
        continue;
      }
      if (changes.connectionChanged()
          || changes.alertsChanged()
          || changes.hostsChanged().contains(host.hostId())) {
        tile.update(host, badgeOf(host.hostId()), live, nowMs);
      }
    }
    updateSummary();
  }

  /** Refreshes the times shown ("last seen … ago"); called once a second. */
  public void tick() {
    boolean live = state.connection().isLive();
    long nowMs = clock.millis();
    for (HostModel host : state.hosts()) {
      HostTileViewModel tile = tilesById.get(host.hostId());
      if (tile != null && tile.getStatusKind() != StatusKind.ONLINE) {
        tile.update(host, badgeOf(host.hostId()), live, nowMs);
      }
    }
  }

  private void rebuild() {
    boolean live = state.connection().isLive();
    long nowMs = clock.millis();
    Map<String, HostTileViewModel> kept = new HashMap<>();
    List<HostTileViewModel> ordered = new ArrayList<>();
    for (HostModel host : state.hosts()) {
      HostTileViewModel tile = tilesById.get(host.hostId());
      if (tile == null) {
        tile = new HostTileViewModel(host.hostId());
      }
      tile.update(host, badgeOf(host.hostId()), live, nowMs);
      kept.put(host.hostId(), tile);
      ordered.add(tile);
    }
    ordered.sort(BY_NAME);
    tilesById.clear();
    tilesById.putAll(kept);
    tiles.setAll(ordered);
    refilter();
  }

  private void refilter() {
    String query = searchText.get();
    visibleTiles.setPredicate(tile -> tile.matches(query));
    updateSummary();
  }

  private void updateSummary() {
    int total = tiles.size();
    if (total == 0) {
      summaryText.set("No hosts yet");
      return;
    }
    int offline = 0;
    int stale = 0;
    int simulated = 0;
    int alerting = 0;
    for (HostTileViewModel tile : tiles) {
      switch (tile.getStatusKind()) {
        case OFFLINE -> offline++;
        case STALE -> stale++;
        case ONLINE -> {}
      }
      simulated += tile.isSimulated() ? 1 : 0;
      alerting += tile.getAlertSeverity() != null ? 1 : 0;
    }
    StringBuilder text = new StringBuilder(total + (total == 1 ? " host" : " hosts"));
    text.append(" · ").append(total - offline - stale).append(" online");
    if (stale > 0) {
      text.append(" · ").append(stale).append(" stale");
    }
    if (offline > 0) {
      text.append(" · ").append(offline).append(" offline");
    }
    if (alerting > 0) {
      text.append(" · ").append(alerting).append(" alerting");
    }
    if (simulated > 0) {
      text.append(" · ").append(simulated).append(" SIMULATED");
    }
    if (visibleTiles.size() != total) {
      text.append(" · showing ").append(visibleTiles.size());
    }
    summaryText.set(text.toString());
  }

  private AlertBadge badgeOf(String hostId) {
    return badges.getOrDefault(hostId, AlertBadge.NONE);
  }

  /** Opens a host's page. */
  public void open(HostTileViewModel tile) {
    openHost.accept(tile.hostId());
  }

  /** Every tile, sorted by name. */
  public ObservableList<HostTileViewModel> tiles() {
    return FXCollections.unmodifiableObservableList(tiles);
  }

  /** The tiles that match the search. */
  public ObservableList<HostTileViewModel> visibleTiles() {
    return visibleTiles;
  }

  /** The tile of one host, if listed. */
  public HostTileViewModel tile(String hostId) {
    return tilesById.get(hostId);
  }

  public StringProperty searchTextProperty() {
    return searchText;
  }

  public ReadOnlyStringProperty summaryTextProperty() {
    return summaryText.getReadOnlyProperty();
  }

  public String getSummaryText() {
    return summaryText.get();
  }
}
