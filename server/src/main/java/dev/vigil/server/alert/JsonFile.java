package dev.vigil.server.alert;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.vigil.server.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON file the relay keeps its settings in (alert rules, silences, alerts, managed tokens).
 * {@link #save} turns the value into text on the caller's thread (safe for a value the caller goes
 * on changing) and writes it on a background thread (temp file, then rename), so the core thread
 * never waits for the disk; {@link #saveLatest} also leaves turning it into text to that thread,
 * for values that are not changed afterwards or computed when written. Saves that queue up while
 * one is written collapse into the latest. A file made with {@link #ownerOnly} is readable by its
 * owner only, where the file system has POSIX permissions. Thread-safe.
 */
public final class JsonFile<T> {
  /** How long {@link #close} waits for the last write. */
  public static final long CLOSE_TIMEOUT_MS = 2_000;

  private static final Logger log = LoggerFactory.getLogger(JsonFile.class);
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final Path file;
  private final Class<T> type;
  private final boolean ownerOnly;
  private volatile boolean unrestrictedWarned;
  private final AtomicReference<String> pending = new AtomicReference<>();
  private final AtomicReference<Supplier<T>> latest = new AtomicReference<>();
  private final ExecutorService writer;

  public JsonFile(Path file, Class<T> type) {
    this(file, type, false);
  }

  private JsonFile(Path file, Class<T> type, boolean ownerOnly) {
    this.file = file;
    this.type = type;
    this.ownerOnly = ownerOnly;
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-json-" + file.getFileName());
              t.setDaemon(true);
              return t;
            });
  }

  /** A file for secrets: written with owner-only permissions ({@link OwnerOnlyFiles}). */
  public static <T> JsonFile<T> ownerOnly(Path file, Class<T> type) {
    return new JsonFile<>(file, type, true);
  }

  /** The stored value, or {@code null} when there is no file or it cannot be read (logged). */
  public T load() {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
    } catch (IOException | JsonParseException | IllegalStateException e) {
      log.warn("Ignoring {}: cannot read it: {}", file, e.toString());
      return null;
    }
  }

  /** Writes {@code value} soon, off the caller's thread. */
  public void save(T value) {
    if (pending.getAndSet(GSON.toJson(value)) == null) {
      execute(this::writePending);
    }
  }

  /**
   * Writes what {@code value} gives when the writer gets to it, so the caller's thread neither
   * waits for the disk nor turns the value into text; calls made meanwhile collapse into one write
   * of the latest value. A {@code null} value removes the file.
   */
  public void saveLatest(Supplier<T> value) {
    if (latest.getAndSet(value) == null) {
      execute(this::writeLatest);
    }
  }

  /** Writes what is pending and stops the writer, waiting up to {@link #CLOSE_TIMEOUT_MS}. */
  public void close() throws InterruptedException {
    writer.shutdown();
    if (!writer.awaitTermination(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      log.warn("{} not written within {} ms", file, CLOSE_TIMEOUT_MS);
    }
  }

  private void execute(Runnable write) {
    try {
      writer.execute(write);
    } catch (RejectedExecutionException e) {
      log.debug("{} already closed; a late save is not written", file);
    }
  }

  private void writeLatest() {
    Supplier<T> value = latest.getAndSet(null);
    if (value == null) {
      return;
    }
    T current = value.get();
    if (current != null) {
      write(GSON.toJson(current));
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.error("Cannot remove {}: {}", file, e.toString());
    }
  }

  private void writePending() {
    String text = pending.getAndSet(null);
    if (text != null) {
      write(text);
    }
  }

  private void write(String text) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      if (ownerOnly) {
        createOwnerOnly(temp);
      }
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      log.error("Cannot write {}: {}", file, e.toString());
    }
  }

  /** A fresh, empty temp file that only the owner may read (the rename keeps its permissions). */
  private void createOwnerOnly(Path temp) throws IOException {
    Files.deleteIfExists(temp);
    if (!OwnerOnlyFiles.create(temp) && !unrestrictedWarned) {
      unrestrictedWarned = true;
      log.warn("Cannot restrict permissions of {} on this file system; protect it yourself", file);
    }
  }
}
