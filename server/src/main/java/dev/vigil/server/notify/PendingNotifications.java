package dev.vigil.server.notify;

import dev.vigil.server.alert.JsonFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the notifications a stopping relay had not delivered in {@code
 * <dataDir>/notifications-pending.json}, and hands them to the next start once, which attempts them
 * again: delivery stays at-least-once across a restart. A relay killed outright keeps nothing.
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

  /** What the last run left undelivered; the file is removed, so each is handed out once. */
  public List<PendingDelivery> takeAll() {
    Stored stored = file.load();
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      log.warn("Cannot remove {}: {}", path, e.toString());
    }
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

  /** Writes {@code deliveries} and waits for the write; nothing is written when there are none. */
  public void keep(List<PendingDelivery> deliveries) throws InterruptedException {
    if (deliveries.isEmpty()) {
      file.close();
      return;
    }
    Stored stored = new Stored();
    stored.deliveries.addAll(deliveries);
    file.save(stored);
    file.close();
    log.info("{} undelivered notifications kept in {} for the next start", deliveries.size(), path);
  }
}
