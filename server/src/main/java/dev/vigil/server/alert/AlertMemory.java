package dev.vigil.server.alert;

import dev.vigil.protocol.Alert;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the relay's alerts across a restart in {@code <dataDir>/alerts.json}: firing alerts with
 * their acknowledgements, and recently resolved ones. Saved at most every {@link #SAVE_INTERVAL_MS}
 * after a change, written off the core thread ({@link JsonFile}); read once at start.
 */
public final class AlertMemory {
  /** The file, in the data directory. */
  public static final String FILE = "alerts.json";

  /** Least time between two saves, in milliseconds. */
  public static final long SAVE_INTERVAL_MS = 1_000;

  /** What the file holds. */
  static final class Stored {
    List<StoredAlert> alerts = new ArrayList<>();
  }

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
  public List<AlertBook.Held> load() {
    Stored stored = file.load();
    List<AlertBook.Held> out = new ArrayList<>();
    if (stored == null || stored.alerts == null) {
      return out;
    }
    for (StoredAlert s : stored.alerts) {
      if (s == null || s.alert == null) {
        continue;
      }
      AlertKey key = s.ruleId == null ? null : new AlertKey(s.ruleId, s.hostId, s.subject);
      out.add(new AlertBook.Held(key, s.minDurationMs, s.alert));
    }
    return out;
  }

  /** Saves the book's alerts if they changed since the last save and the interval has passed. */
  void saveIfChanged(long revision, List<AlertBook.Held> held, long nowMs, boolean force) {
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
    file.save(stored);
    savedRevision = revision;
    lastSaveMs = nowMs;
  }

  /** Writes what is pending and stops the writer. */
  public void close() throws InterruptedException {
    file.close();
  }
}
