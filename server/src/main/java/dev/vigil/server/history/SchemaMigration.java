package dev.vigil.server.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a history file to the current schema in one transaction: creates what is missing and moves
 * the data of an older version into the current tables, so an upgrade keeps every stored minute. A
 * file of a newer version than this relay knows is refused, untouched.
 */
final class SchemaMigration {
  /** Rows inserted per batch while moving version-1 rollups. */
  static final int MIGRATION_BATCH_ROWS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

  private SchemaMigration() {}

  /**
   * Runs {@code schema} (statements that create what is missing) on {@code writer}, which must not
   * be in auto-commit, migrates older data and sets the file's version to {@code version}.
   */
  static void bringUpToDate(Connection writer, Path file, String[] schema, int version)
      throws SQLException {
    int found = userVersion(writer);
    if (found > version) {
      throw new HistoryException(
          "history file "
              + file
              + " has schema version "
              + found
              + ", newer than this relay's "
              + version
              + ": it was written by a newer Vigil relay; run that version or point the"
              + " history at another file",
          null);
    }
    try (Statement s = writer.createStatement()) {
      for (String sql : schema) {
        s.execute(sql);
      }
      if (found == 1) {
        migrateRollupsFromVersion1(writer, file);
      }
      s.execute("PRAGMA user_version = " + version);
    }
    writer.commit();
  }

  private static int userVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * Version 1 kept a row per sensor and minute in {@code samples_1m}; now a host's minute is one.
   */
  private static void migrateRollupsFromVersion1(Connection c, Path file) throws SQLException {
    long sensorMinutes = 0;
    long hostMinutes = 0;
    RollupBlob.Writer blob = new RollupBlob.Writer();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT host_key, minute_ms, sensor_idx, min, avg, max, count FROM samples_1m"
                    + " ORDER BY host_key, minute_ms");
        PreparedStatement insert = c.prepareStatement("INSERT INTO rollups_1m VALUES(?,?,?)")) {
      int hostKey = 0;
      long minuteMs = 0;
      boolean open = false;
      int batched = 0;
      while (rs.next()) {
        int h = rs.getInt(1);
        long m = rs.getLong(2);
        if (open && (h != hostKey || m != minuteMs)) {
          add(insert, hostKey, minuteMs, blob);
          hostMinutes++;
          if (++batched == MIGRATION_BATCH_ROWS) {
            insert.executeBatch();
            batched = 0;
          }
          open = false;
        }
        if (!open) {
          hostKey = h;
          minuteMs = m;
          blob.reset();
          open = true;
        }
        blob.add(
            rs.getInt(3),
            new RollupBlob.Stats(rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getLong(7)));
        sensorMinutes++;
      }
      if (open) {
        add(insert, hostKey, minuteMs, blob);
        hostMinutes++;
      }
      insert.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE samples_1m");
    }
    log.info(
        "History file {} migrated to schema 2: {} sensor-minutes now {} host-minute rows",
        file,
        sensorMinutes,
        hostMinutes);
  }

  private static void add(PreparedStatement insert, int hostKey, long minuteMs, RollupBlob.Writer b)
      throws SQLException {
    insert.setInt(1, hostKey);
    insert.setLong(2, minuteMs);
    insert.setBytes(3, b.toBytes());
    insert.addBatch();
  }
}
