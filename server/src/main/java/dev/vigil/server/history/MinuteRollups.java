package dev.vigil.server.history;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Aggregates samples per host, sensor and minute (by the samples' own timestamps) into
 * min/avg/max/count, and hands out a host's minute (all its sensors, one {@link Rollup}) when a
 * sample of another minute arrives, when the minute has been over for {@link #IDLE_FLUSH_GRACE_MS}
 * by the writer's clock, or on {@link #flushAll}. A minute handed out twice (a late sample) is
 * merged by the store. Owned by the writer thread; not thread-safe.
 */
final class MinuteRollups {
  /** One minute, the rollup resolution. */
  static final long MINUTE_MS = 60_000;

  /**
   * How long after a minute ends, by the writer's clock, its rollup is written even though no
   * sample of the next minute came (a host that stopped sending): 5 s.
   */
  public static final long IDLE_FLUSH_GRACE_MS = 5_000;

  /** One sensor's running aggregate. */
  private static final class Acc {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum;
    long count;

    void add(double v) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      count++;
    }

    void reset() {
      min = Double.POSITIVE_INFINITY;
      max = Double.NEGATIVE_INFINITY;
      sum = 0;
      count = 0;
    }
  }

  /** A host's current minute. */
  private static final class HostMinute {
    long minuteMs;
    final Map<String, Acc> sensors = new HashMap<>();
  }

  private final Map<String, HostMinute> hosts = new HashMap<>();

  /** Adds {@code sample}; a host's previous minute goes to {@code out} when this one is another. */
  void add(SampleRow sample, List<Rollup> out) {
    long minute = Math.floorDiv(sample.timestampMs(), MINUTE_MS) * MINUTE_MS;
    HostMinute host = hosts.get(sample.hostId());
    if (host == null) {
      host = new HostMinute();
      host.minuteMs = minute;
      hosts.put(sample.hostId(), host);
    } else if (host.minuteMs != minute) {
      emit(sample.hostId(), host, out);
      host.minuteMs = minute;
    }
    String[] ids = sample.sensorIds();
    double[] values = sample.values();
    for (int i = 0; i < ids.length; i++) {
      host.sensors.computeIfAbsent(ids[i], k -> new Acc()).add(values[i]);
    }
  }

  /**
   * Hands out every minute that ended {@link #IDLE_FLUSH_GRACE_MS} or more before {@code nowMs}.
   */
  void flushEnded(long nowMs, List<Rollup> out) {
    Iterator<Map.Entry<String, HostMinute>> it = hosts.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, HostMinute> e = it.next();
      if (e.getValue().minuteMs + MINUTE_MS + IDLE_FLUSH_GRACE_MS <= nowMs) {
        emit(e.getKey(), e.getValue(), out);
        it.remove();
      }
    }
  }

  /** Hands out every minute still open. */
  void flushAll(List<Rollup> out) {
    for (Map.Entry<String, HostMinute> e : hosts.entrySet()) {
      emit(e.getKey(), e.getValue(), out);
    }
    hosts.clear();
  }

  /**
   * Hands out the host's minute and empties its aggregates for the next one. The aggregates are
   * kept, not dropped: they live for minutes, so new ones every minute would be garbage in the old
   * generation (300,000 a minute at 10,000 hosts of 30 sensors); a sensor with nothing this minute
   * is skipped, and forgotten with its host when the host goes quiet.
   */
  private static void emit(String hostId, HostMinute host, List<Rollup> out) {
    Map<String, RollupPoint> points = new HashMap<>(host.sensors.size() * 2);
    for (Map.Entry<String, Acc> e : host.sensors.entrySet()) {
      Acc a = e.getValue();
      if (a.count > 0) {
        points.put(
            e.getKey(), new RollupPoint(host.minuteMs, a.min, a.sum / a.count, a.max, a.count));
        a.reset();
      }
    }
    if (!points.isEmpty()) {
      out.add(new Rollup(hostId, host.minuteMs, points));
    }
  }
}
