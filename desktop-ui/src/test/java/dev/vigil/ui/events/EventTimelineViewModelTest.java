package dev.vigil.ui.events;

import static dev.vigil.ui.Fixtures.T0;
import static dev.vigil.ui.Fixtures.apply;
import static dev.vigil.ui.Fixtures.online;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Gap;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Snapshot;
import dev.vigil.ui.MutableClock;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class EventTimelineViewModelTest {
  private final MutableClock clock = new MutableClock(T0);
  private final DashboardState state = new DashboardState(clock);
  private final EventTimelineViewModel timeline = new EventTimelineViewModel(state, ZoneOffset.UTC);
  private final Device eth0 =
      new Device("net:eth0", DeviceKind.NETWORK, "eth0", Map.of("link", "down"));

  @Test
  void newestEventComesFirst() {
    apply(state, online("h1", "rack-01"));
    apply(state, event("h1", T0, EventKind.DEVICE_ADDED, Map.of()));
    apply(state, event("h1", T0 + 1_000, EventKind.DEVICE_CHANGED, Map.of("link", "up")));

    assertThat(timeline.rows()).extracting(EventRow::kindText).containsExactly("changed", "added");
  }

  @Test
  void changeShowsPreviousAndNewValue() {
    apply(state, online("h1", "rack-01"));
    apply(state, event("h1", T0, EventKind.DEVICE_CHANGED, Map.of("link", "up")));

    EventRow row = timeline.rows().get(0);
    assertThat(row.detailText()).isEqualTo("link: up → down");
    assertThat(row.deviceText()).isEqualTo("network · eth0");
    assertThat(row.hostText()).isEqualTo("rack-01");
  }

  @Test
  void simulatedHostIsMarkedInTheTimeline() {
    apply(state, new HostStatus("s1", "sim-01", HostState.ONLINE, T0, Map.of(), true, null, null));
    apply(state, event("s1", T0, EventKind.DEVICE_ADDED, Map.of()));

    assertThat(timeline.rows().get(0).hostText()).isEqualTo("sim-01 (SIMULATED)");
  }

  @Test
  void hostFilterKeepsOnlyThatHostsEvents() {
    apply(state, online("h1", "a"), online("h2", "b"));
    apply(state, event("h1", T0, EventKind.DEVICE_ADDED, Map.of()));
    timeline.showHost("h2");
    apply(state, event("h2", T0 + 1, EventKind.DEVICE_REMOVED, Map.of()));
    apply(state, event("h1", T0 + 2, EventKind.DEVICE_REMOVED, Map.of()));

    assertThat(timeline.rows()).extracting(EventRow::hostId).containsExactly("h2");
  }

  @Test
  void kindFilterKeepsOnlyThatKind() {
    apply(state, online("h1", "rack-01"));
    apply(state, event("h1", T0, EventKind.DEVICE_ADDED, Map.of()));
    apply(state, event("h1", T0 + 1_000, EventKind.DEVICE_REMOVED, Map.of()));

    timeline.kindProperty().set(EventKind.DEVICE_REMOVED);

    assertThat(timeline.shownRows()).extracting(EventRow::kindText).containsExactly("removed");
    assertThat(timeline.rows()).hasSize(2);
  }

  @Test
  void searchTextMatchesHostOrDeviceIgnoringCase() {
    apply(state, online("h1", "rack-01"), online("h2", "lab-07"));
    apply(state, event("h1", T0, EventKind.DEVICE_ADDED, Map.of()));
    apply(state, event("h2", T0 + 1_000, EventKind.DEVICE_ADDED, Map.of()));

    timeline.searchTextProperty().set("LAB");
    assertThat(timeline.shownRows()).extracting(EventRow::hostId).containsExactly("h2");

    timeline.searchTextProperty().set("eth0");
    assertThat(timeline.shownRows()).hasSize(2);
  }

  @Test
  void filtersKeepGapsInTheLiveStream() {
    apply(state, online("h1", "rack-01"));
    apply(
        state,
        new Gap(41, 980, null, "the relay restarted (stream e1 ended)"),
        new Snapshot(clock.millis(), List.of(), List.of(), List.of()));

    timeline.kindProperty().set(EventKind.LED_CHANGED);
    timeline.searchTextProperty().set("nothing matches this");

    assertThat(timeline.shownRows()).extracting(EventRow::isGap).containsExactly(true);
  }

  @Test
  void gapInTheLiveStreamShowsAsARowSpanningTheTimeWithoutData() {
    apply(state, online("h1", "rack-01"));
    clock.advance(95_000);
    apply(
        state,
        new Gap(41, 980, null, "the relay restarted (stream e1 ended)"),
        new Snapshot(clock.millis(), List.of(), List.of(), List.of()));

    EventRow row = timeline.rows().get(0);
    assertThat(row.isGap()).isTrue();
    assertThat(row.kindText()).isEqualTo("gap");
    assertThat(row.hostText()).isEqualTo("all hosts");
    assertThat(row.deviceText()).isEqualTo("no live data 22:13:20–22:14:55");
    assertThat(row.detailText()).isEqualTo("the relay restarted (stream e1 ended)");
  }

  @Test
  void gapSitsAmongTheEventsByTime() {
    apply(state, online("h1", "rack-01"));
    apply(state, event("h1", T0, EventKind.DEVICE_ADDED, Map.of()));
    clock.advance(10_000);
    apply(
        state,
        new Gap(2, 50, 47L, "the relay's replay buffer now begins at #50; the dashboard had #2"));
    apply(state, event("h1", T0 + 20_000, EventKind.DEVICE_REMOVED, Map.of()));

    assertThat(timeline.rows())
        .extracting(EventRow::kindText)
        .containsExactly("removed", "gap", "added");
    assertThat(timeline.rows().get(1).deviceText())
        .isEqualTo("no live data 22:13:20–22:13:30 (47 messages)");
  }

  private DeviceEvent event(String host, long at, EventKind kind, Map<String, String> previous) {
    return new DeviceEvent(host, at, kind, eth0, previous);
  }
}
