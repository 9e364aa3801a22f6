package dev.vigil.server.alert;

import dev.vigil.protocol.Alert;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger log = LoggerFactory.getLogger(AlertMemory.class);

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
    List<StoredFlaps> flaps = stored.flaps == null ? List.of() : stored.flaps;
    for (int i = 0; i < flaps.size(); i++) {
      StoredFlaps f = flaps.get(i);
      if (f == null || f.ruleId == null || f.timesMs == null) {
        log.warn("Ignoring flaps[{}] of {}: it needs 'ruleId' and 'timesMs'", i, FILE);
        continue;
      }
      List<Long> times = f.timesMs.stream().filter(t -> t != null).toList();
      flapTimes.put(new AlertKey(f.ruleId, f.hostId, f.subject), times);
    }
    return new Kept(alerts, flapTimes);
  }

  /**
   * Saves {@code book}'s alerts and flap history if they changed since the last save and the
   * interval has passed; reads the book only then (this runs on every core tick).
   */
  void saveIfChanged(long revision, AlertBook book, long nowMs, boolean force) {
    if (revision == savedRevision || (!force && nowMs - lastSaveMs < SAVE_INTERVAL_MS)) {
      return;
    }
    Stored stored = new Stored();
    for (AlertBook.Held h : book.held()) {
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
    book.flapTimes(nowMs)
        .forEach(
            (key, times) -> {
              StoredFlaps f = new StoredFlaps();
              f.ruleId = key.ruleId();
              f.hostId = key.hostId();
              f.subject = key.subject();
              f.timesMs = times;
              stored.flaps.add(f);
            });
    file.saveLatest(() -> stored); // built here from the book; turned into text off the core thread
    savedRevision = revision;
    lastSaveMs = nowMs;
  }

  /** Writes what is pending and stops the writer. */
  public void close() throws InterruptedException {
    file.close();
  }
}
