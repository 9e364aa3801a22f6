package dev.vigil.server.alert;

import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers, per host, which {@link SensorDetector}s watch which sensor id and how, so that a
 * sample costs one lookup per value instead of every detector matching every sensor. A host's
 * routes are rebuilt when its {@link AlertHost#catalogIdentity() catalog} or name changes, or when
 * another object speaks for the same host id. Bounded: {@link #MAX_HOSTS} hosts (the least recently
 * sampled are forgotten) and {@link #MAX_SENSORS_PER_HOST} sensor ids per host (routes for further
 * ids are worked out on every sample, not kept). Not thread-safe: the relay's core thread owns it.
 */
final class SensorRoutes {
  /** Hosts whose routes are kept; beyond this the least recently sampled host is forgotten. */
  static final int MAX_HOSTS = 50_000;

  /** Sensor ids whose routes are kept per host. */
  static final int MAX_SENSORS_PER_HOST = 1_024;

  /** The detectors watching one sensor: their numbers in the engine, and their watches. */
  private static final class Route {
    static final Route NONE = new Route(new int[0], new SensorWatch[0]);

    final int[] detectors;
    final SensorWatch[] watches;

    Route(int[] detectors, SensorWatch[] watches) {
      this.detectors = detectors;
      this.watches = watches;
    }
  }

  /** The routes of one host, valid for one host object, catalog and host name. */
  private static final class HostRoutes {
    final AlertHost host;
    final Object catalog;
    final String hostName;
    final Map<String, Route> bySensor = new HashMap<>();

    HostRoutes(AlertHost host) {
      this.host = host;
      this.catalog = host.catalogIdentity();
      this.hostName = host.hostName();
    }

    boolean isFor(AlertHost other) {
      return other == host
          && other.catalogIdentity() == catalog
          && Objects.equals(other.hostName(), hostName);
    }
  }

  /** The engine's detectors by number; {@code null} where a detector is not a sensor detector. */
  private final SensorDetector[] detectors;

  private final Map<String, HostRoutes> byHost;

  /** Routes for {@code detectors}, numbered by their position in the list. */
  SensorRoutes(List<AlertDetector> detectors) {
    this(detectors, MAX_HOSTS);
  }

  /** Routes for {@code detectors}, kept for at most {@code maxHosts} hosts. */
  SensorRoutes(List<AlertDetector> detectors, int maxHosts) {
    this.byHost =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, HostRoutes> eldest) {
            return size() > maxHosts;
          }
        };
    this.detectors = new SensorDetector[detectors.size()];
    for (int i = 0; i < detectors.size(); i++) {
      if (detectors.get(i) instanceof SensorDetector) {
        this.detectors[i] = (SensorDetector) detectors.get(i);
      }
    }
  }

  /** Queues every value of {@code sample} in {@code batch} for each watch of its sensor. */
  void route(AlertHost host, Sample sample, SampleBatch batch) {
    batch.clear();
    HostRoutes routes = routesFor(host);
    for (Map.Entry<String, Double> entry : sample.values().entrySet()) {
      String sensorId = entry.getKey();
      Route route = routes.bySensor.get(sensorId);
      if (route == null) {
        route = build(host, sensorId);
        if (routes.bySensor.size() < MAX_SENSORS_PER_HOST) {
          routes.bySensor.put(sensorId, route);
        }
      }
      for (int i = 0; i < route.detectors.length; i++) {
        batch.add(route.detectors[i], route.watches[i], entry.getValue());
      }
    }
  }

  /** Number of hosts whose routes are kept; for tests. */
  int hostCount() {
    return byHost.size();
  }

  private HostRoutes routesFor(AlertHost host) {
    HostRoutes routes = byHost.get(host.hostId());
    if (routes == null || !routes.isFor(host)) {
      routes = new HostRoutes(host);
      byHost.put(host.hostId(), routes);
    }
    return routes;
  }

  private Route build(AlertHost host, String sensorId) {
    SensorInfo info = host.sensor(sensorId);
    List<Integer> numbers = new ArrayList<>();
    List<SensorWatch> watches = new ArrayList<>();
    for (int d = 0; d < detectors.length; d++) {
      SensorWatch watch = detectors[d] == null ? null : detectors[d].watch(host, sensorId, info);
      if (watch != null) {
        numbers.add(d);
        watches.add(watch);
      }
    }
    if (watches.isEmpty()) {
      return Route.NONE;
    }
    return new Route(
        numbers.stream().mapToInt(Integer::intValue).toArray(),
        watches.toArray(new SensorWatch[0]));
  }
}
