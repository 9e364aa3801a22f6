package dev.vigil.server.alert;

import dev.vigil.protocol.Alert;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the relay's alerts across a restart in {@code <dataDir>/alerts.json}: firing alerts with
 * their acknowledgements, recently resolved ones, and each alert key's recent raises and
 * resolutions (the flap history). Saved at most every {@link #SAVE_INTERVAL_MS} after a change,
 * written off the core thread ({@link JsonFile}); read once at start.
 */
public final class AlertMemory {
  /** The file, in the data directory. */
  public static final String FILE = "alerts.json";

  /** Least time between two saves, in milliseconds. */
  public static final long SAVE_INTERVAL_MS = 1_000;

  /** What the file holds; {@code flaps} is absent in files written before it was kept. */
  static final class Stored {
    List<StoredAlert> alerts = new ArrayList<>();
    List<StoredFlaps> flaps = new ArrayList<>();
  }

  /** One alert key's transition times within the flap window. */
  static final class StoredFlaps {
    String ruleId;
    String hostId;
    String subject;
    List<Long> timesMs;
  }

  /** What the previous run kept: its alerts and its flap history. */
  public record Kept(List<AlertBook.Held> alerts, Map<AlertKey, List<Long>> flapTimes) {}

  /** One alert with the key of its condition. */
  static final class StoredAlert {
    String ruleId;
    String hostId;
    String subject;
    long minDurationMs;
    Alert alert;
  }

  private final JsonFile<Stored> file;
  private long savedRevision = -1;
  private long lastSaveMs;

  public AlertMemory(Path dataDir) {
    this.file = new JsonFile<>(dataDir.resolve(FILE), Stored.class);
  }

  /** What the previous run kept; empty when nothing (or nothing readable, logged) was kept. */
  public Kept load() {
    Stored stored = file.load();
    List<AlertBook.Held> alerts = new ArrayList<>();
    Map<AlertKey, List<Long>> flapTimes = new HashMap<>();
    if (stored == null) {
      return new Kept(alerts, flapTimes);
    }
    for (StoredAlert s : stored.alerts == null ? List.<StoredAlert>of() : stored.alerts) {
      if (s == null || s.alert == null) {
        continue;
      }
      AlertKey key = s.ruleId == null ? null : new AlertKey(s.ruleId, s.hostId, s.subject);
      alerts.add(new AlertBook.Held(key, s.minDurationMs, s.alert));
    }
    for (StoredFlaps f : stored.flaps == null ? List.<StoredFlaps>of() : stored.flaps) {
      if (f != null && f.ruleId != null && f.timesMs != null) {
        List<Long> times = f.timesMs.stream().filter(t -> t != null).toList();
        flapTimes.put(new AlertKey(f.ruleId, f.hostId, f.subject), times);
      }
    }
    return new Kept(alerts, flapTimes);
  }

  /**
   * Saves the book's alerts and flap history if they changed since the last save and the interval
   * has passed.
   */
  void saveIfChanged(
      long revision,
      List<AlertBook.Held> held,
      Map<AlertKey, List<Long>> flapTimes,
      long nowMs,
      boolean force) {
    if (revision == savedRevision || (!force && nowMs - lastSaveMs < SAVE_INTERVAL_MS)) {
      return;
    }
    Stored stored = new Stored();
    for (AlertBook.Held h : held) {
      StoredAlert s = new StoredAlert();
      if (h.key() != null) {
        s.ruleId = h.key().ruleId();
        s.hostId = h.key().hostId();
        s.subject = h.key().subject();
      }
      s.minDurationMs = h.minDurationMs();
      s.alert = h.alert();
      stored.alerts.add(s);
    }
    flapTimes.forEach(
        (key, times) -> {
          StoredFlaps f = new StoredFlaps();
          f.ruleId = key.ruleId();
          f.hostId = key.hostId();
          f.subject = key.subject();
          f.timesMs = times;
          stored.flaps.add(f);
        });
    file.save(stored);
    savedRevision = revision;
    lastSaveMs = nowMs;
  }

  /** Writes what is pending and stops the writer. */
  public void close() throws InterruptedException {
    file.close();
  }
}
