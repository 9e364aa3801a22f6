package dev.vigil.server.support;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Snapshot;
import java.util.List;
import java.util.Map;

/**
 * Numbered device events for store-and-forward tests: event {@code n} is a LED whose brightness is
 * {@code n}, stamped {@code n} seconds after a fixed time, so what arrived can be read back as
 * numbers and compared with what was sent.
 */
public final class NumberedEvents {
  private static final long BASE_MS = 1_700_000_000_000L;

  private NumberedEvents() {}

  /** Event number {@code n} of {@code hostId}. */
  public static DeviceEvent event(String hostId, long n) {
    Device led =
        new Device("led:test", DeviceKind.LED, "test", Map.of("brightness", Long.toString(n)));
    return new DeviceEvent(hostId, BASE_MS + n * 1000, EventKind.LED_CHANGED, led, null);
  }

  /** The number of an event made by {@link #event}. */
  public static long numberOf(DeviceEvent event) {
    return Long.parseLong(event.device().attributes().get("brightness"));
  }

  /** The numbers of {@code hostId}'s events in a snapshot, in its order. */
  public static List<Long> numbersIn(Snapshot snapshot, String hostId) {
    return snapshot.recentEvents().stream()
        .filter(e -> hostId.equals(e.hostId()))
        .map(NumberedEvents::numberOf)
        .toList();
  }
}
