package dev.vigil.server.alert;

import dev.vigil.protocol.Acknowledgement;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Owns every alert and its lifecycle: PENDING → FIRING → RESOLVED. A pending alert whose condition
 * stops holding before its minimum duration is pushed once as RESOLVED (without a firing time) so
 * dashboards that showed it see it end, and is not kept afterwards; a firing alert resolves only
 * past its clear threshold (hysteresis) and is kept for {@link #RESOLVED_RETENTION}.
 *
 * <p>An alert key raised and resolved more than {@link FlapHistory#FLAP_MAX_TRANSITIONS} times
 * within {@link FlapHistory#FLAP_WINDOW} is flapping: it is held firing, marked {@code flapping},
 * until its condition has not changed for the window; then it resolves if the condition is clear.
 * Acknowledgements with an expiry are taken away from open alerts when they expire. Every pushed
 * alert carries who changed it and when, and whether a silence matches it. Not thread-safe: the
 * relay's core thread owns it.
 */
public final class AlertBook {
  /** How long resolved alerts stay in snapshots and queries. */
  public static final Duration RESOLVED_RETENTION = Duration.ofHours(1);

  /** Least time between two sweeps of the flap history. */
  static final long FLAP_SWEEP_INTERVAL_MS = 1_000;

  /** Tells whether a silence matches an alert. */
  @FunctionalInterface
  public interface Silencer {
    /** Whether {@code alert} is silenced now. */
    boolean silences(Alert alert);
  }

  private final String idPrefix;
  private long nextId = 1;
  private final Map<AlertKey, Open> openByKey = new HashMap<>();
  private final Map<String, Integer> openCountByHost = new HashMap<>();
  private final Map<String, Open> openById = new HashMap<>();
  private final LinkedHashMap<String, Alert> resolvedById = new LinkedHashMap<>();
  private final FlapHistory flaps;
  private Silencer silencer = alert -> false;
  private long lastFlapSweepMs = Long.MIN_VALUE;

  /**
   * @param idPrefix prefix of every alert id, unique per relay run, e.g. the relay id
   */
  public AlertBook(String idPrefix) {
    this(idPrefix, FlapHistory.FLAP_WINDOW, FlapHistory.FLAP_MAX_TRANSITIONS);
  }

  /** A book with its own flap window and limit. */
  public AlertBook(String idPrefix, Duration flapWindow, int flapMaxTransitions) {
    this.idPrefix = idPrefix;
    this.flaps = new FlapHistory(flapWindow, flapMaxTransitions);
  }

  private static final class Open {
    Alert alert;
    final AlertKey key;
    final Duration minDuration;
    Supplier<String> latestMessage;
    boolean flapping;

    /** While flapping: whether the condition holds by the latest observation. */
    boolean conditionHolds = true;

    /** While flapping: when the condition last changed. */
    long lastFlipMs;

    Open(Alert alert, AlertKey key, Duration minDuration) {
      this.alert = alert;
      this.key = key;
      this.minDuration = minDuration;
      this.latestMessage = alert::message;
    }
  }

  /** Sets what decides whether an alert is silenced; see {@link #restamp}. */
  public void silencer(Silencer newSilencer) {
    this.silencer = newSilencer;
  }

  /** Whether an alert is open (pending or firing) for {@code key}. */
  public boolean isOpen(AlertKey key) {
    return openByKey.containsKey(key);
  }

  /** Whether any alert is open (pending or firing) on host {@code hostId}. */
  public boolean hasOpen(String hostId) {
    return !openCountByHost.isEmpty() && openCountByHost.containsKey(hostId);
  }

  /** Applies one observation at {@code nowMs}; adds every changed alert to {@code changes}. */
  public void apply(Observation o, long nowMs, List<Alert> changes) {
    Open open = openByKey.get(o.key());
    if (open == null) {
      if (o.triggered()) {
        changes.add(raise(o, nowMs));
      }
      return;
    }
    Alert a = open.alert;
    open.latestMessage = o.describe();
    if (open.flapping) {
      boolean holds = o.triggered() || (!o.cleared() && open.conditionHolds);
      if (holds != open.conditionHolds) {
        open.conditionHolds = holds;
        open.lastFlipMs = nowMs;
        flaps.note(open.key, nowMs);
      }
      open.alert = a.withState(a.state(), o.value(), a.firingAtMs(), null);
    } else if (a.state() == AlertState.PENDING) {
      if (!o.triggered()) {
        flaps.note(open.key, nowMs);
        changes.add(close(open, o.value(), nowMs, false));
      } else if (durationElapsed(open, nowMs)) {
        open.alert =
            a.withMessage(o.message()).withState(AlertState.FIRING, o.value(), nowMs, null);
        publish(open, nowMs, Alert.CHANGED_BY_RELAY, changes);
      } else {
        open.alert = a.withState(AlertState.PENDING, o.value(), null, null);
      }
    } else if (o.cleared()) {
      if (flaps.note(open.key, nowMs)) {
        open.flapping = true;
        open.conditionHolds = false;
        open.lastFlipMs = nowMs;
        open.alert = a.withState(a.state(), o.value(), a.firingAtMs(), null);
        publish(open, nowMs, Alert.CHANGED_BY_RELAY, changes);
      } else {
        changes.add(close(open, o.value(), nowMs, true));
      }
    } else {
      open.alert = a.withState(a.state(), o.value(), a.firingAtMs(), null);
    }
  }

  /**
   * Fires pending alerts whose minimum duration has passed, releases flapping alerts stable for the
   * flap window, takes expired acknowledgements away and forgets resolved alerts older than the
   * retention; adds every changed alert to {@code changes}.
   */
  public void tick(long nowMs, List<Alert> changes) {
    List<Open> released = new ArrayList<>();
    for (Open open : openByKey.values()) {
      if (open.alert.state() == AlertState.PENDING && durationElapsed(open, nowMs)) {
        open.alert =
            open.alert
                .withMessage(open.latestMessage.get())
                .withState(AlertState.FIRING, open.alert.value(), nowMs, null);
        publish(open, nowMs, Alert.CHANGED_BY_RELAY, changes);
      }
      Acknowledgement ack = open.alert.ack();
      if (ack != null && ack.expiresAtMs() != null && nowMs >= ack.expiresAtMs()) {
        open.alert = open.alert.withAck(null);
        publish(open, nowMs, Alert.CHANGED_BY_RELAY, changes);
      }
      if (open.flapping && nowMs - open.lastFlipMs >= flaps.windowMs()) {
        open.flapping = false;
        if (open.conditionHolds) {
          publish(open, nowMs, Alert.CHANGED_BY_RELAY, changes);
        } else {
          released.add(open);
        }
      }
    }
    for (Open open : released) {
      changes.add(close(open, open.alert.value(), nowMs, true));
    }
    long cutoff = nowMs - RESOLVED_RETENTION.toMillis();
    Iterator<Alert> it = resolvedById.values().iterator();
    while (it.hasNext()) {
      Alert a = it.next();
      if (a.resolvedAtMs() != null && a.resolvedAtMs() >= cutoff) {
        break;
      }
      it.remove();
    }
    if (nowMs - lastFlapSweepMs >= FLAP_SWEEP_INTERVAL_MS) {
      lastFlapSweepMs = nowMs;
      flaps.forgetOld(nowMs);
    }
  }

  /**
   * Ends pending sensor alerts of a host (its values stopped arriving, so they can no longer be
   * confirmed). Firing ones stay until a new value clears them.
   */
  public void dropPendingSensorAlerts(String hostId, long nowMs, List<Alert> changes) {
    List<Open> drop = new ArrayList<>();
    for (Open open : openByKey.values()) {
      Alert a = open.alert;
      if (a.state() == AlertState.PENDING && a.sensorId() != null && a.hostId().equals(hostId)) {
        drop.add(open);
      }
    }
    for (Open open : drop) {
      changes.add(close(open, open.alert.value(), nowMs, false));
    }
  }

  /**
   * Resolves every open alert of rule {@code ruleId} (deleted or changed) in the name of {@code
   * by}.
   */
  public void resolveRule(String ruleId, long nowMs, String by, List<Alert> changes) {
    List<Open> drop = new ArrayList<>();
    for (Open open : openByKey.values()) {
      if (open.alert.ruleId().equals(ruleId)) {
        drop.add(open);
      }
    }
    for (Open open : drop) {
      Alert resolved = close(open, open.alert.value(), nowMs, true);
      resolved = resolved.withChange(nowMs, by);
      resolvedById.put(resolved.id(), resolved);
      changes.add(resolved);
    }
  }

  /**
   * Asks the silencer again about every open alert (silences changed or expired); pushes those
   * whose mark changed, in the name of {@code by}.
   */
  public void restamp(long nowMs, String by, List<Alert> changes) {
    for (Open open : openByKey.values()) {
      if (silencer.silences(open.alert) != open.alert.isSilenced()) {
        publish(open, nowMs, by, changes);
      }
    }
  }

  /** Acknowledges an open or recently resolved alert. */
  public AckOutcome acknowledge(String alertId, Acknowledgement ack) {
    Open open = openById.get(alertId);
    Alert current = open != null ? open.alert : resolvedById.get(alertId);
    if (current == null) {
      return AckOutcome.failed("no alert with id '" + alertId + "'");
    }
    if (current.ack() != null) {
      return AckOutcome.failed(
          "alert '" + alertId + "' was already acknowledged by " + current.ack().by());
    }
    Alert acked = current.withAck(ack).withChange(ack.atMs(), ack.by());
    if (open != null) {
      open.alert = acked;
    } else {
      resolvedById.put(alertId, acked);
    }
    return AckOutcome.acknowledged(acked);
  }

  /**
   * One alert as the book holds it, for keeping across a restart.
   *
   * @param key the condition it is about; null for a resolved alert
   * @param minDurationMs how long its condition must hold before it fires
   * @param alert the alert
   */
  public record Held(AlertKey key, long minDurationMs, Alert alert) {}

  /** Every alert held: open ones with their keys, then resolved ones within the retention. */
  public List<Held> held() {
    List<Held> out = new ArrayList<>();
    for (Open open : openByKey.values()) {
      out.add(new Held(open.key, open.minDuration.toMillis(), open.alert));
    }
    for (Alert a : resolvedById.values()) {
      out.add(new Held(null, 0, a));
    }
    return out;
  }

  /**
   * Each alert key's raises and resolutions within the flap window, for keeping across a restart.
   */
  public Map<AlertKey, List<Long>> flapTimes(long nowMs) {
    return flaps.times(nowMs);
  }

  /**
   * Takes back alerts a previous run held: firing ones open again under their keys (with their
   * acknowledgements), resolved ones within the retention stay listed. Pending ones are dropped:
   * their condition is judged afresh. The flap history comes back too, so an alert that flapped
   * before the restart counts its earlier transitions; one held flapping stays held until its
   * condition has been stable for the flap window from the restart on. Call before any observation.
   */
  public void restore(List<Held> previous, Map<AlertKey, List<Long>> flapTimes, long nowMs) {
    flaps.restore(flapTimes, nowMs);
    long cutoff = nowMs - RESOLVED_RETENTION.toMillis();
    for (Held h : previous) {
      Alert a = h.alert();
      if (a.state() == AlertState.FIRING && h.key() != null && !openByKey.containsKey(h.key())) {
        Open open = new Open(a, h.key(), Duration.ofMillis(h.minDurationMs()));
        if (Boolean.TRUE.equals(a.flapping())) {
          open.flapping = true;
          open.conditionHolds = true; // unknown until the next value; held either way
          open.lastFlipMs = nowMs;
        }
        openByKey.put(h.key(), open);
        openById.put(a.id(), open);
        openCountByHost.merge(h.key().hostId(), 1, Integer::sum);
      } else if (a.state() == AlertState.RESOLVED
          && a.resolvedAtMs() != null
          && a.resolvedAtMs() >= cutoff) {
        resolvedById.put(a.id(), a);
      }
    }
  }

  /** Every pending and firing alert, then resolved ones within the retention, oldest first. */
  public List<Alert> alerts() {
    List<Alert> all = new ArrayList<>(resolvedById.values());
    for (Open open : openByKey.values()) {
      all.add(open.alert);
    }
    return all;
  }

  private Alert raise(Observation o, long nowMs) {
    boolean flapping = flaps.note(o.key(), nowMs);
    boolean firesAtOnce = o.minDuration().isZero() || flapping;
    Alert a =
        new Alert(
                idPrefix + "-" + nextId++,
                o.ruleId(),
                o.hostId(),
                o.hostName(),
                o.sensorId(),
                o.severity(),
                firesAtOnce ? AlertState.FIRING : AlertState.PENDING,
                o.message(),
                o.value(),
                o.threshold(),
                nowMs,
                firesAtOnce ? nowMs : null,
                null,
                null)
            .withReason(o.reason());
    Open open = new Open(a, o.key(), o.minDuration());
    open.flapping = flapping;
    open.lastFlipMs = nowMs;
    openByKey.put(o.key(), open);
    openById.put(a.id(), open);
    openCountByHost.merge(o.key().hostId(), 1, Integer::sum);
    List<Alert> one = new ArrayList<>(1);
    publish(open, nowMs, Alert.CHANGED_BY_RELAY, one);
    return one.get(0);
  }

  /** Stamps the open alert with the change, its silence and flapping marks, and adds it. */
  private void publish(Open open, long nowMs, String by, List<Alert> changes) {
    Alert changed = open.alert.withChange(nowMs, by);
    open.alert = changed.withMarks(silencer.silences(changed), open.flapping);
    changes.add(open.alert);
  }

  private Alert close(Open open, Double value, long nowMs, boolean keep) {
    openByKey.remove(open.key);
    openById.remove(open.alert.id());
    openCountByHost.computeIfPresent(
        open.key.hostId(), (host, count) -> count == 1 ? null : count - 1);
    Alert resolved =
        open.alert
            .withState(AlertState.RESOLVED, value, open.alert.firingAtMs(), nowMs)
            .withChange(nowMs, Alert.CHANGED_BY_RELAY);
    resolved = resolved.withMarks(silencer.silences(resolved), false);
    if (keep) {
      resolvedById.put(resolved.id(), resolved);
    }
    return resolved;
  }

  private static boolean durationElapsed(Open open, long nowMs) {
    return nowMs - open.alert.startedAtMs() >= open.minDuration.toMillis();
  }
}
