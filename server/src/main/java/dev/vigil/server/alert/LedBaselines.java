package dev.vigil.server.alert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each LED with a {@code led.changed} alert up was before the change that raised it, so the
 * alert resolves when the LED is back there. Outlives the detectors (rebuilt whenever a rule is
 * edited) and, kept in {@code <dataDir>/led-baselines.json}, a relay restart: without it a kept LED
 * alert would be raised again by the LED going back instead of resolving. Saved off the core thread
 * on every change ({@link JsonFile}); not thread-safe (core thread).
 */
public final class LedBaselines {
  /** The file, in the data directory. */
  public static final String FILE = "led-baselines.json";

  /** What the file holds. */
  static final class Stored {
    List<Entry> baselines = new ArrayList<>();
  }

  /** One LED's baseline. */
  static final class Entry {
    String ruleId;
    String hostId;
    String subject;
    Map<String, String> attributes;
  }

  private final Map<AlertKey, Map<String, String>> baselines = new HashMap<>();
  private final JsonFile<Stored> file;

  private LedBaselines(JsonFile<Stored> file) {
    this.file = file;
    Stored stored = file == null ? null : file.load();
    if (stored != null && stored.baselines != null) {
      for (Entry e : stored.baselines) {
        if (e != null && e.ruleId != null && e.hostId != null && e.attributes != null) {
          baselines.put(new AlertKey(e.ruleId, e.hostId, e.subject), Map.copyOf(e.attributes));
        }
      }
    }
  }

  /** Baselines kept in {@code dataDir}, read now. */
  public static LedBaselines keptIn(Path dataDir) {
    return new LedBaselines(new JsonFile<>(dataDir.resolve(FILE), Stored.class));
  }

  /** Baselines held in memory only (tests, tools). */
  public static LedBaselines inMemory() {
    return new LedBaselines(null);
  }

  /** The baseline of the LED alert {@code key}, or null when none is up. */
  Map<String, String> get(AlertKey key) {
    return baselines.get(key);
  }

  void put(AlertKey key, Map<String, String> attributes) {
    baselines.put(key, Map.copyOf(attributes));
    save();
  }

  void remove(AlertKey key) {
    if (baselines.remove(key) != null) {
      save();
    }
  }

  /** Forgets the baselines of rules that no longer exist. */
  void retainRules(Set<String> ruleIds) {
    if (baselines.keySet().removeIf(k -> !ruleIds.contains(k.ruleId()))) {
      save();
    }
  }

  /** Writes what is pending and stops the writer. */
  public void close() throws InterruptedException {
    if (file != null) {
      file.close();
    }
  }

  private void save() {
    if (file == null) {
      return;
    }
    Stored stored = new Stored();
    baselines.forEach(
        (key, attributes) -> {
          Entry e = new Entry();
          e.ruleId = key.ruleId();
          e.hostId = key.hostId();
          e.subject = key.subject();
          e.attributes = attributes;
          stored.baselines.add(e);
        });
    file.save(stored);
  }
}
