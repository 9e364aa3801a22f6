package dev.vigil.server.relay;

import dev.vigil.protocol.DeviceEvent;
import java.util.ArrayDeque;
import java.util.List;

/** The most recent hot-plug events of every host, oldest first, bounded. Not thread-safe. */
final class EventRing {
  /** How many recent events the relay keeps for snapshots. */
  static final int MAX_RECENT_EVENTS = 500;

  private final ArrayDeque<DeviceEvent> events = new ArrayDeque<>();

  void add(DeviceEvent event) {
    if (events.size() == MAX_RECENT_EVENTS) {
      events.removeFirst();
    }
    events.addLast(event);
  }

  List<DeviceEvent> list() {
    return List.copyOf(events);
  }
}
