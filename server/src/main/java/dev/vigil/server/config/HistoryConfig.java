package dev.vigil.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The relay's embedded history (see {@code dev.vigil.server.history}).
 *
 * @param enabled whether the relay records history and serves the history API
 * @param path the SQLite file; null for {@link #DEFAULT_FILE_NAME} in the relay's data directory
 * @param rawRetention how long samples are kept at full rate
 * @param rollupRetention how long 1-minute min/avg/max rollups, events and alert transitions are
 *     kept; at least {@code rawRetention}
 */
public record HistoryConfig(
    boolean enabled, Path path, Duration rawRetention, Duration rollupRetention) {
  /** File name of the history database in the data directory, unless a path is given. */
  public static final String DEFAULT_FILE_NAME = "history.db";

  /** Default time samples are kept at full rate: 24 hours. */
  public static final Duration DEFAULT_RAW_RETENTION = Duration.ofHours(24);

  /** Default time rollups, events and alert transitions are kept: 30 days. */
  public static final Duration DEFAULT_ROLLUP_RETENTION = Duration.ofDays(30);

  /** Shortest retention accepted: one minute, the rollup resolution. */
  public static final Duration MIN_RETENTION = Duration.ofMinutes(1);

  public HistoryConfig {
    Objects.requireNonNull(rawRetention, "rawRetention");
    Objects.requireNonNull(rollupRetention, "rollupRetention");
    if (rawRetention.compareTo(MIN_RETENTION) < 0) {
      throw new IllegalArgumentException("rawRetention must be at least 1 minute: " + rawRetention);
    }
    if (rollupRetention.compareTo(rawRetention) < 0) {
      throw new IllegalArgumentException(
          "rollupRetention ("
              + rollupRetention
              + ") must not be shorter than rawRetention ("
              + rawRetention
              + ")");
    }
  }

  /**
   * On, in the data directory, 24 h raw, 30 d rollups: nothing to install, and {@code "history":
   * {"enabled": false}} in the config file turns it off.
   */
  public static HistoryConfig defaults() {
    return new HistoryConfig(true, null, DEFAULT_RAW_RETENTION, DEFAULT_ROLLUP_RETENTION);
  }

  /** The database file: {@link #path} or {@link #DEFAULT_FILE_NAME} in {@code dataDir}. */
  public Path resolvePath(Path dataDir) {
    return path != null ? path : dataDir.resolve(DEFAULT_FILE_NAME);
  }

  public HistoryConfig withEnabled(boolean on) {
    return new HistoryConfig(on, path, rawRetention, rollupRetention);
  }

  public HistoryConfig withPath(Path file) {
    return new HistoryConfig(enabled, file, rawRetention, rollupRetention);
  }

  public HistoryConfig withRetention(Duration raw, Duration rollups) {
    return new HistoryConfig(enabled, path, raw, rollups);
  }
}
