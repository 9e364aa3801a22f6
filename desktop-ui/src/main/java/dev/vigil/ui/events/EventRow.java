package dev.vigil.ui.events;

import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.EventKind;
import dev.vigil.ui.format.Formats;
import dev.vigil.ui.state.StreamGap;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One line of an event timeline.
 *
 * @param timestampMs when the agent saw the change, epoch milliseconds
 * @param timeText the time as shown
 * @param hostId the host
 * @param hostText the host name as shown, with "SIMULATED" when it is simulated
 * @param kind what happened; null for a gap in the live stream
 * @param kindText the kind as shown, e.g. "added"
 * @param deviceText the device as shown, e.g. "usb · SanDisk Ultra"
 * @param detailText what changed, e.g. "link: up → down"; empty for added/removed
 */
public record EventRow(
    long timestampMs,
    String timeText,
    String hostId,
    String hostText,
    EventKind kind,
    String kindText,
    String deviceText,
    String detailText) {

  /** Describes an event for the timeline. */
  public static EventRow of(DeviceEvent event, String hostName, boolean simulated, ZoneId zone) {
    String kindText =
        switch (event.kind()) {
          case DEVICE_ADDED -> "added";
          case DEVICE_REMOVED -> "removed";
          case DEVICE_CHANGED -> "changed";
          case LED_CHANGED -> "LED changed";
        };
    String deviceText =
        event.device().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + " · "
            + event.device().name();
    return new EventRow(
        event.timestampMs(),
        Formats.dateClock(event.timestampMs(), zone),
        event.hostId(),
        simulated ? hostName + " (SIMULATED)" : hostName,
        event.kind(),
        kindText,
        deviceText,
        changesText(event));
  }

  /**
   * Describes a gap in the live stream: it concerns every host. The device column gives the span
   * without live data, the details why.
   */
  public static EventRow gap(StreamGap gap, ZoneId zone) {
    String span =
        gap.fromMs() > 0
            ? "no live data "
                + Formats.clock(gap.fromMs(), zone)
                + "–"
                + Formats.clock(gap.toMs(), zone)
            : "no live data before " + Formats.clock(gap.toMs(), zone);
    String missed =
        gap.missedMessages() == null
            ? ""
            : String.format(java.util.Locale.ROOT, " (%,d messages)", gap.missedMessages());
    return new EventRow(
        gap.toMs(),
        Formats.dateClock(gap.toMs(), zone),
        "",
        "all hosts",
        null,
        "gap",
        span + missed,
        gap.reason());
  }

  /** True for a gap in the live stream rather than a device event. */
  public boolean isGap() {
    return kind == null;
  }

  /** "key: old → new" for each changed attribute, or the device id for additions and removals. */
  private static String changesText(DeviceEvent event) {
    if (event.previous().isEmpty()) {
      return event.device().id();
    }
    Map<String, String> now = event.device().attributes();
    return new TreeMap<>(event.previous())
        .entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue() + " → " + now.getOrDefault(e.getKey(), "—"))
            .collect(Collectors.joining(", "));
  }
}
