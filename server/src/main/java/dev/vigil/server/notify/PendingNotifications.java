package dev.vigil.server.notify;

import dev.vigil.server.alert.JsonFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the notifications not yet delivered in {@code <dataDir>/notifications-pending.json} while
 * the relay runs: rewritten off the caller's thread each time a delivery is queued or finished
 * (changes made meanwhile collapse into one write), removed when none is left. The next start loads
 * them and attempts them again, so delivery stays at-least-once across a restart, and across a
 * relay killed outright (a delivery queued a moment before the kill, before its write, can still be
 * lost). Thread-safe.
 */
public final class PendingNotifications {
  /** The file, in the data directory. */
  public static final String FILE = "notifications-pending.json";

  private static final Logger log = LoggerFactory.getLogger(PendingNotifications.class);

  /** What the file holds. */
  static final class Stored {
    List<PendingDelivery> deliveries = new ArrayList<>();
  }

  private final Path path;
  private final JsonFile<Stored> file;

  public PendingNotifications(Path dataDir) {
    this.path = dataDir.resolve(FILE);
    this.file = new JsonFile<>(path, Stored.class);
  }

  /**
   * What an earlier run left undelivered. The file stays until {@link #changed} rewrites it, so a
   * relay killed before then hands them out again.
   */
  public List<PendingDelivery> load() {
    Stored stored = file.load();
    List<PendingDelivery> out = new ArrayList<>();
    if (stored != null && stored.deliveries != null) {
      for (PendingDelivery d : stored.deliveries) {
        if (d != null && d.channel() != null && d.alert() != null && d.transition() != null) {
          out.add(d);
        }
      }
    }
    if (!out.isEmpty()) {
      log.info("{} notifications left undelivered by the last run are attempted again", out.size());
    }
    return out;
  }

  /**
   * The undelivered notifications changed: writes what {@code undelivered} gives when the writer
   * gets to it (removes the file when it gives none). Returns at once.
   */
  public void changed(Supplier<List<PendingDelivery>> undelivered) {
    file.saveLatest(() -> stored(undelivered.get()));
  }

  /** Writes {@code deliveries} (or removes the file when there are none) and waits for it. */
  public void keep(List<PendingDelivery> deliveries) throws InterruptedException {
    file.saveLatest(() -> stored(deliveries));
    file.close();
    if (!deliveries.isEmpty()) {
      log.info(
          "{} undelivered notifications kept in {} for the next start", deliveries.size(), path);
    }
  }

  private static Stored stored(List<PendingDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return null;
    }
    Stored stored = new Stored();
    stored.deliveries.addAll(deliveries);
    return stored;
  }
}
