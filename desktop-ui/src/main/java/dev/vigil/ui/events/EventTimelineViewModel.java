package dev.vigil.ui.events;

import static java.util.Locale.ROOT;

import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.EventKind;
import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.state.HostModel;
import dev.vigil.ui.state.StreamGap;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Hot-plug and LED changes, newest first, across all hosts or for one host, bounded by {@link
 * DashboardState#EVENT_HISTORY_LIMIT}.
 */
public final class EventTimelineViewModel {
  private final DashboardState state;
  private final ZoneId zone;
  private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
  private final javafx.collections.transformation.FilteredList<EventRow> shown =
      new javafx.collections.transformation.FilteredList<>(rows);
  private final javafx.beans.property.StringProperty searchText =
      new javafx.beans.property.SimpleStringProperty("");
  private final javafx.beans.property.ObjectProperty<EventKind> kind =
      new javafx.beans.property.SimpleObjectProperty<>();
  private Predicate<DeviceEvent> filter = e -> true;

  /**
   * @param state the store to show
   * @param zone the time zone for times of day
   */
  public EventTimelineViewModel(DashboardState state, ZoneId zone) {
    this.state = Objects.requireNonNull(state, "state");
    this.zone = Objects.requireNonNull(zone, "zone");
    state.addListener(this::stateChanged);
    searchText.addListener((obs, old, now) -> refilter());
    kind.addListener((obs, old, now) -> refilter());
  }

  /**
   * Keeps rows of the chosen kind (all when none) whose host, device or details contain the search
   * text, ignoring case. Gaps in the live stream always show: they say the list is incomplete.
   */
  private void refilter() {
    String needle = searchText.get() == null ? "" : searchText.get().trim().toLowerCase(ROOT);
    EventKind wanted = kind.get();
    shown.setPredicate(
        row ->
            row.isGap()
                || ((wanted == null || row.kind() == wanted)
                    && (needle.isEmpty()
                        || (row.hostText() + " " + row.deviceText() + " " + row.detailText())
                            .toLowerCase(ROOT)
                            .contains(needle))));
  }

  /** Shows only one host's events; {@code null} shows every host. */
  public void showHost(String hostId) {
    filter = hostId == null ? e -> true : e -> e.hostId().equals(hostId);
    reload();
  }

  private void stateChanged(Changes changes) {
    if (changes.resynced() || changes.hostSetChanged()) {
      reload();
      return;
    }
    if (changes.newEvents().isEmpty()) {
      return;
    }
    List<EventRow> fresh = new ArrayList<>();
    for (DeviceEvent event : changes.newEvents()) {
      if (filter.test(event)) {
        fresh.add(0, rowOf(event));
      }
    }
    rows.addAll(0, fresh);
    int excess = rows.size() - DashboardState.EVENT_HISTORY_LIMIT;
    if (excess > 0) {
      rows.remove(rows.size() - excess, rows.size());
    }
  }

  /** Device events and gaps in the live stream, newest first. */
  private void reload() {
    List<EventRow> all = new ArrayList<>();
    for (DeviceEvent event : state.events()) {
      if (filter.test(event)) {
        all.add(rowOf(event));
      }
    }
    for (StreamGap gap : state.gaps()) {
      all.add(EventRow.gap(gap, zone));
    }
    all.sort(Comparator.comparingLong(EventRow::timestampMs).reversed());
    rows.setAll(all);
  }

  private EventRow rowOf(DeviceEvent event) {
    HostModel host = state.host(event.hostId()).orElse(null);
    String name = host == null ? event.hostId() : host.status().name();
    boolean simulated = host != null && host.status().simulated();
    return EventRow.of(event, name, simulated, zone);
  }

  /** The rows, newest first. */
  public ObservableList<EventRow> rows() {
    return FXCollections.unmodifiableObservableList(rows);
  }

  /** The rows the filters keep, newest first. */
  public ObservableList<EventRow> shownRows() {
    return FXCollections.unmodifiableObservableList(shown);
  }

  /** Text to look for in host, device and details; empty keeps all. */
  public javafx.beans.property.StringProperty searchTextProperty() {
    return searchText;
  }

  /** The kind of event to show; null shows every kind. */
  public javafx.beans.property.ObjectProperty<EventKind> kindProperty() {
    return kind;
  }
}
