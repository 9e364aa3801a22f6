package dev.vigil.server.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HistoryStore} in one SQLite file in WAL mode: one writer connection (synchronous=NORMAL: a
 * power cut may lose the last commits, never corrupt the file) and a few reader connections that
 * read while it writes. Host and sensor ids are interned to small integers ({@code hosts}, {@code
 * sensors}); a raw row is one whole sample, its values a {@link SampleBlob}; a rollup row is one
 * host's minute, every sensor's aggregate in one {@link RollupBlob}. A file of an older schema is
 * migrated when opened; a file of a newer one is refused.
 */
public final class SqliteHistoryStore implements HistoryStore {
  /** Reader connections; HTTP requests beyond this wait for one. */
  public static final int READER_CONNECTIONS = 4;

  /** How long a read waits for a free reader connection, or SQLite waits for a lock. */
  public static final int BUSY_TIMEOUT_MS = 5_000;

  /** Page cache of the writer connection, in KiB: 64 MiB, so index pages of busy hosts stay hot. */
  public static final int WRITER_CACHE_KIB = 64 * 1024;

  /**
   * Schema version in {@code PRAGMA user_version}: 2 since rollups are one row per host and minute
   * (version 1 had a row per sensor and minute, in {@code samples_1m}).
   */
  static final int SCHEMA_VERSION = 2;

  private static final long MINUTE_MS = MinuteRollups.MINUTE_MS;

  private static final Logger log = LoggerFactory.getLogger(SqliteHistoryStore.class);

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS hosts(host_key INTEGER PRIMARY KEY, host_id TEXT NOT NULL UNIQUE)",
    "CREATE TABLE IF NOT EXISTS sensors(host_key INTEGER NOT NULL, sensor_id TEXT NOT NULL,"
        + " idx INTEGER NOT NULL, first_ms INTEGER NOT NULL, PRIMARY KEY(host_key, sensor_id))"
        + " WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS samples_raw(host_key INTEGER NOT NULL, ts_ms INTEGER NOT NULL,"
        + " vals BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS samples_raw_host_ts ON samples_raw(host_key, ts_ms)",
    "CREATE TABLE IF NOT EXISTS rollups_1m(host_key INTEGER NOT NULL, minute_ms INTEGER NOT NULL,"
        + " vals BLOB NOT NULL, PRIMARY KEY(host_key, minute_ms)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS events(host_key INTEGER NOT NULL, ts_ms INTEGER NOT NULL,"
        + " kind TEXT NOT NULL, device_id TEXT, json TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS events_host_ts ON events(host_key, ts_ms)",
    "CREATE INDEX IF NOT EXISTS events_ts ON events(ts_ms)",
    "CREATE TABLE IF NOT EXISTS alert_transitions(alert_id TEXT NOT NULL,"
        + " host_key INTEGER NOT NULL, state TEXT NOT NULL, severity TEXT NOT NULL,"
        + " ts_ms INTEGER NOT NULL, by TEXT, json TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS alert_transitions_host_ts ON alert_transitions(host_key, ts_ms)",
    "CREATE INDEX IF NOT EXISTS alert_transitions_ts ON alert_transitions(ts_ms)"
  };

  /** A host's interned keys, as the writer knows them. */
  private static final class HostKeys {
    final int key;
    final Map<String, SensorKey> sensors = new HashMap<>();

    HostKeys(int key) {
      this.key = key;
    }
  }

  private final Path file;
  private final Connection writer;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READER_CONNECTIONS);

  /** A sensor's index and the oldest time the store holds (or held) data of it. */
  private static final class SensorKey {
    final int index;
    long firstMs;

    SensorKey(int index, long firstMs) {
      this.index = index;
      this.firstMs = firstMs;
    }
  }

  private final Map<String, HostKeys> hostKeys = new HashMap<>();
  private final SampleBlob.Writer blob = new SampleBlob.Writer();
  private final RollupBlob.Writer rollupBlob = new RollupBlob.Writer();
  private final PreparedStatement insertRaw;
  private final PreparedStatement insertRollup;
  private final PreparedStatement selectRollup;
  private final PreparedStatement updateRollup;
  private final PreparedStatement insertEvent;
  private final PreparedStatement insertTransition;
  private final PreparedStatement selectHostKey;
  private final PreparedStatement insertHost;
  private final PreparedStatement selectSensors;
  private final PreparedStatement insertSensor;
  private final PreparedStatement updateSensorFirst;

  private SqliteHistoryStore(Path file, Connection writer) throws SQLException {
    this.file = file;
    this.writer = writer;
    insertRaw = writer.prepareStatement("INSERT INTO samples_raw VALUES(?,?,?)");
    insertRollup =
        writer.prepareStatement("INSERT INTO rollups_1m VALUES(?,?,?) ON CONFLICT DO NOTHING");
    selectRollup =
        writer.prepareStatement("SELECT vals FROM rollups_1m WHERE host_key=? AND minute_ms=?");
    updateRollup =
        writer.prepareStatement("UPDATE rollups_1m SET vals=? WHERE host_key=? AND minute_ms=?");
    insertEvent = writer.prepareStatement("INSERT INTO events VALUES(?,?,?,?,?)");
    insertTransition =
        writer.prepareStatement("INSERT INTO alert_transitions VALUES(?,?,?,?,?,?,?)");
    selectHostKey = writer.prepareStatement("SELECT host_key FROM hosts WHERE host_id=?");
    insertHost = writer.prepareStatement("INSERT INTO hosts(host_id) VALUES(?) RETURNING host_key");
    selectSensors =
        writer.prepareStatement("SELECT sensor_id, idx, first_ms FROM sensors WHERE host_key=?");
    insertSensor = writer.prepareStatement("INSERT INTO sensors VALUES(?,?,?,?)");
    updateSensorFirst =
        writer.prepareStatement("UPDATE sensors SET first_ms=? WHERE host_key=? AND sensor_id=?");
  }

  /** Opens (creating when missing) the history database {@code file} and its directory. */
  public static SqliteHistoryStore open(Path file) {
    Connection writer = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      writer = connect(file);
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA cache_size=-" + WRITER_CACHE_KIB);
      }
      writer.setAutoCommit(false);
      SchemaMigration.bringUpToDate(writer, file, SCHEMA, SCHEMA_VERSION);
      SqliteHistoryStore store = new SqliteHistoryStore(file, writer);
      for (int i = 0; i < READER_CONNECTIONS; i++) {
        Connection reader = connect(file);
        try (Statement s = reader.createStatement()) {
          s.execute("PRAGMA query_only=1");
        }
        store.readers.add(reader);
      }
      log.info("History store {} open", file);
      return store;
    } catch (SQLException | java.io.IOException e) {
      closeQuietly(writer);
      throw new HistoryException("cannot open history store " + file + ": " + e.getMessage(), e);
    } catch (HistoryException e) {
      closeQuietly(writer);
      throw e;
    }
  }

  private static Connection connect(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
    }
    return c;
  }

  // ---- writing (the writer thread) ----

  @Override
  public void append(HistoryBatch batch) {
    try {
      for (SampleRow sample : batch.samples()) {
        HostKeys host = hostKeys(sample.hostId());
        blob.reset();
        String[] ids = sample.sensorIds();
        double[] values = sample.values();
        for (int i = 0; i < ids.length; i++) {
          blob.add(sensorIndex(host, ids[i], sample.timestampMs()), values[i]);
        }
        insertRaw.setInt(1, host.key);
        insertRaw.setLong(2, sample.timestampMs());
        insertRaw.setBytes(3, blob.toBytes());
        insertRaw.addBatch();
      }
      insertRaw.executeBatch();
      writeRollups(batch.rollups());
      for (StoredEvent e : batch.events()) {
        insertEvent.setInt(1, hostKeys(e.hostId()).key);
        insertEvent.setLong(2, e.timestampMs());
        insertEvent.setString(3, e.kind());
        insertEvent.setString(4, e.deviceId());
        insertEvent.setString(5, e.json());
        insertEvent.addBatch();
      }
      insertEvent.executeBatch();
      for (StoredTransition t : batch.transitions()) {
        insertTransition.setString(1, t.alertId());
        insertTransition.setInt(2, hostKeys(t.hostId()).key);
        insertTransition.setString(3, t.state());
        insertTransition.setString(4, t.severity());
        insertTransition.setLong(5, t.timestampMs());
        insertTransition.setString(6, t.by());
        insertTransition.setString(7, t.json());
        insertTransition.addBatch();
      }
      insertTransition.executeBatch();
      insertSensor.executeBatch();
      updateSensorFirst.executeBatch();
    } catch (SQLException e) {
      rollback();
      throw new HistoryException("cannot write history to " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void commit() {
    try {
      writer.commit();
    } catch (SQLException e) {
      rollback();
      throw new HistoryException("cannot commit history to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Inserts each host's minute; a minute already stored (a late sample, a restart within the
   * minute, or two rollups of one minute in this batch) is merged into the row there.
   */
  private void writeRollups(List<Rollup> rollups) throws SQLException {
    if (rollups.isEmpty()) {
      return;
    }
    List<byte[]> blobs = new ArrayList<>(rollups.size());
    List<HostKeys> keys = new ArrayList<>(rollups.size());
    for (Rollup r : rollups) {
      HostKeys host = hostKeys(r.hostId());
      rollupBlob.reset();
      for (Map.Entry<String, RollupPoint> e : r.sensors().entrySet()) {
        RollupPoint p = e.getValue();
        rollupBlob.add(
            // A minute's data may be as late as its last millisecond: only an older minute than
            // the sensor's first moves its first time back.
            sensorIndex(host, e.getKey(), r.minuteMs() + MINUTE_MS - 1),
            new RollupBlob.Stats(p.min(), p.avg(), p.max(), p.count()));
      }
      byte[] bytes = rollupBlob.toBytes();
      blobs.add(bytes);
      keys.add(host);
      insertRollup.setInt(1, host.key);
      insertRollup.setLong(2, r.minuteMs());
      insertRollup.setBytes(3, bytes);
      insertRollup.addBatch();
    }
    int[] inserted = insertRollup.executeBatch();
    for (int i = 0; i < inserted.length; i++) {
      if (inserted[i] == 0) {
        mergeRollup(keys.get(i).key, rollups.get(i).minuteMs(), blobs.get(i));
      }
    }
  }

  private void mergeRollup(int hostKey, long minuteMs, byte[] more) throws SQLException {
    selectRollup.setInt(1, hostKey);
    selectRollup.setLong(2, minuteMs);
    byte[] stored;
    try (ResultSet rs = selectRollup.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("rollup of minute " + minuteMs + " neither inserted nor found");
      }
      stored = rs.getBytes(1);
    }
    updateRollup.setBytes(1, RollupBlob.merge(stored, more, rollupBlob));
    updateRollup.setInt(2, hostKey);
    updateRollup.setLong(3, minuteMs);
    updateRollup.executeUpdate();
  }

  @Override
  public int sweepHost(String hostId, long rawBeforeMs, long rollupBeforeMs) {
    try {
      Integer key = hostKeyOf(writer, hostId);
      if (key == null) {
        return 0;
      }
      int deleted = 0;
      deleted += delete("DELETE FROM samples_raw WHERE host_key=? AND ts_ms<?", key, rawBeforeMs);
      deleted +=
          delete("DELETE FROM rollups_1m WHERE host_key=? AND minute_ms<?", key, rollupBeforeMs);
      deleted += delete("DELETE FROM events WHERE host_key=? AND ts_ms<?", key, rollupBeforeMs);
      deleted +=
          delete("DELETE FROM alert_transitions WHERE host_key=? AND ts_ms<?", key, rollupBeforeMs);
      writer.commit();
      return deleted;
    } catch (SQLException e) {
      rollback();
      throw new HistoryException("cannot sweep history of " + hostId + ": " + e.getMessage(), e);
    }
  }

  private int delete(String sql, int hostKey, long beforeMs) throws SQLException {
    try (PreparedStatement s = writer.prepareStatement(sql)) {
      s.setInt(1, hostKey);
      s.setLong(2, beforeMs);
      return s.executeUpdate();
    }
  }

  private HostKeys hostKeys(String hostId) throws SQLException {
    HostKeys keys = hostKeys.get(hostId);
    if (keys != null) {
      return keys;
    }
    Integer key = null;
    selectHostKey.setString(1, hostId);
    try (ResultSet rs = selectHostKey.executeQuery()) {
      if (rs.next()) {
        key = rs.getInt(1);
      }
    }
    if (key == null) {
      insertHost.setString(1, hostId);
      try (ResultSet rs = insertHost.executeQuery()) {
        rs.next();
        key = rs.getInt(1);
      }
    }
    keys = new HostKeys(key);
    selectSensors.setInt(1, key);
    try (ResultSet rs = selectSensors.executeQuery()) {
      while (rs.next()) {
        keys.sensors.put(rs.getString(1), new SensorKey(rs.getInt(2), rs.getLong(3)));
      }
    }
    hostKeys.put(hostId, keys);
    return keys;
  }

  /**
   * The index of {@code sensorId}, interned when new; data at {@code atMs} older than any before (a
   * backfill, a replay of old minutes) moves the sensor's first time back, so the series list can
   * bound each sensor's span by it.
   */
  private int sensorIndex(HostKeys host, String sensorId, long atMs) throws SQLException {
    SensorKey known = host.sensors.get(sensorId);
    if (known != null) {
      if (atMs < known.firstMs) {
        known.firstMs = atMs;
        updateSensorFirst.setLong(1, atMs);
        updateSensorFirst.setInt(2, host.key);
        updateSensorFirst.setString(3, sensorId);
        updateSensorFirst.addBatch(); // after the inserts: the sensor may be new in this batch
      }
      return known.index;
    }
    int next = host.sensors.size();
    insertSensor.setInt(1, host.key);
    insertSensor.setString(2, sensorId);
    insertSensor.setInt(3, next);
    insertSensor.setLong(4, atMs);
    insertSensor.addBatch(); // executed before the commit: nothing reads it in between
    host.sensors.put(sensorId, new SensorKey(next, atMs));
    return next;
  }

  /** Undoes the open transaction; the interned keys it added are gone too, so forget them all. */
  private void rollback() {
    hostKeys.clear();
    try {
      insertSensor.clearBatch();
      updateSensorFirst.clearBatch();
    } catch (SQLException e) {
      log.warn("History batch reset failed: {}", e.toString());
    }
    try {
      writer.rollback();
    } catch (SQLException e) {
      log.warn("History rollback failed: {}", e.toString());
    }
  }

  // ---- reading (any thread) ----

  @FunctionalInterface
  private interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(String what, Read<T> query) {
    Connection c;
    try {
      c = readers.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HistoryException("interrupted while reading " + what, e);
    }
    if (c == null) {
      throw new HistoryException("no reader connection free for " + what, null);
    }
    try {
      return query.run(c);
    } catch (SQLException e) {
      throw new HistoryException("cannot read " + what + ": " + e.getMessage(), e);
    } finally {
      readers.add(c);
    }
  }

  private static Integer hostKeyOf(Connection c, String hostId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT host_key FROM hosts WHERE host_id=?")) {
      s.setString(1, hostId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  private static Integer sensorIndexOf(Connection c, int hostKey, String sensorId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT idx FROM sensors WHERE host_key=? AND sensor_id=?")) {
      s.setInt(1, hostKey);
      s.setString(2, sensorId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  @Override
  public List<String> hostIds() {
    return read(
        "host ids",
        c -> {
          List<String> ids = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT host_id FROM hosts ORDER BY host_key")) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
          return ids;
        });
  }

  @Override
  public boolean knowsHost(String hostId) {
    return read("host " + hostId, c -> hostKeyOf(c, hostId) != null);
  }

  @Override
  public List<SeriesInfo> series(String hostId) {
    return read(
        "series of " + hostId,
        c -> {
          Integer key = hostKeyOf(c, hostId);
          if (key == null) {
            return List.of();
          }
          Long rawFirst = singleLong(c, "SELECT MIN(ts_ms) FROM samples_raw WHERE host_key=?", key);
          long rawLastMs = 0;
          byte[] rawLast = null;
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT ts_ms, vals FROM samples_raw WHERE host_key=?"
                      + " ORDER BY ts_ms DESC LIMIT 1")) {
            s.setInt(1, key);
            try (ResultSet rs = s.executeQuery()) {
              if (rs.next()) {
                rawLastMs = rs.getLong(1);
                rawLast = rs.getBytes(2);
              }
            }
          }
          Long rollupFirst =
              singleLong(c, "SELECT MIN(minute_ms) FROM rollups_1m WHERE host_key=?", key);
          Map<Integer, Long> rollupLast = lastMinutes(c, key);
          List<SeriesInfo> list = new ArrayList<>();
          try (PreparedStatement sensors =
              c.prepareStatement(
                  "SELECT sensor_id, idx, first_ms FROM sensors WHERE host_key=?"
                      + " ORDER BY sensor_id")) {
            sensors.setInt(1, key);
            try (ResultSet rs = sensors.executeQuery()) {
              while (rs.next()) {
                int idx = rs.getInt(2);
                long firstMs = rs.getLong(3);
                Long rollupTo = rollupLast.get(idx);
                Long rollupFrom =
                    rollupTo == null
                        ? null
                        : Math.max(rollupFirst, Math.floorDiv(firstMs, MINUTE_MS) * MINUTE_MS);
                Long rawFrom = rawFirst == null ? null : Math.max(rawFirst, firstMs);
                Long rawTo =
                    rawLast != null && SampleBlob.contains(rawLast, idx) ? rawLastMs : null;
                Long from = min(rollupFrom, rawFrom);
                Long to = max(rollupTo, rawTo);
                if (from != null && to != null) {
                  list.add(new SeriesInfo(rs.getString(1), from, to));
                }
              }
            }
          }
          return list;
        });
  }

  /**
   * The newest minute of each sensor of host {@code hostKey} with a rollup: the newest row names
   * every sensor still reporting, so older rows are read only for sensors that stopped.
   */
  private static Map<Integer, Long> lastMinutes(Connection c, int hostKey) throws SQLException {
    Set<Integer> wanted = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement("SELECT idx FROM sensors WHERE host_key=?")) {
      s.setInt(1, hostKey);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          wanted.add(rs.getInt(1));
        }
      }
    }
    Map<Integer, Long> last = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT minute_ms, vals FROM rollups_1m WHERE host_key=? ORDER BY minute_ms DESC")) {
      s.setInt(1, hostKey);
      try (ResultSet rs = s.executeQuery()) {
        while (last.size() < wanted.size() && rs.next()) {
          long minuteMs = rs.getLong(1);
          for (int idx : RollupBlob.decode(rs.getBytes(2)).keySet()) {
            last.putIfAbsent(idx, minuteMs);
          }
        }
      }
    }
    return last;
  }

  @Override
  public List<RawPoint> raw(String hostId, String sensorId, long fromMs, long toMs, int limit) {
    return read(
        "raw " + hostId + "/" + sensorId,
        c -> {
          Integer key = hostKeyOf(c, hostId);
          Integer idx = key == null ? null : sensorIndexOf(c, key, sensorId);
          List<RawPoint> points = new ArrayList<>();
          if (idx == null) {
            return points;
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT ts_ms, vals FROM samples_raw WHERE host_key=? AND ts_ms>=? AND ts_ms<=?"
                      + " ORDER BY ts_ms")) {
            s.setInt(1, key);
            s.setLong(2, fromMs);
            s.setLong(3, toMs);
            try (ResultSet rs = s.executeQuery()) {
              while (points.size() < limit && rs.next()) {
                double v = SampleBlob.find(rs.getBytes(2), idx);
                if (!Double.isNaN(v)) {
                  points.add(new RawPoint(rs.getLong(1), v));
                }
              }
            }
          }
          return points;
        });
  }

  @Override
  public List<RollupPoint> rollups(
      String hostId, String sensorId, long fromMs, long toMs, int limit) {
    return read(
        "rollups " + hostId + "/" + sensorId,
        c -> {
          Integer key = hostKeyOf(c, hostId);
          Integer idx = key == null ? null : sensorIndexOf(c, key, sensorId);
          List<RollupPoint> points = new ArrayList<>();
          if (idx == null) {
            return points;
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT minute_ms, vals FROM rollups_1m"
                      + " WHERE host_key=? AND minute_ms>=? AND minute_ms<=? ORDER BY minute_ms")) {
            s.setInt(1, key);
            s.setLong(2, fromMs);
            s.setLong(3, toMs);
            try (ResultSet rs = s.executeQuery()) {
              while (points.size() < limit && rs.next()) {
                RollupBlob.Stats stats = RollupBlob.find(rs.getBytes(2), idx);
                if (stats != null) {
                  points.add(stats.at(rs.getLong(1)));
                }
              }
            }
          }
          return points;
        });
  }

  @Override
  public List<String> events(RecordQuery query) {
    return records("events", query, query.kind());
  }

  @Override
  public List<String> alertTransitions(RecordQuery query) {
    return records("alert_transitions", query, null);
  }

  private List<String> records(String table, RecordQuery q, String kind) {
    return read(
        table,
        c -> {
          StringBuilder sql =
              new StringBuilder("SELECT json FROM ")
                  .append(table)
                  .append(" WHERE ts_ms>=? AND ts_ms<=?");
          if (q.hostId() != null) {
            sql.append(" AND host_key=(SELECT host_key FROM hosts WHERE host_id=?)");
          }
          if (kind != null) {
            sql.append(" AND kind=?");
          }
          sql.append(" ORDER BY ts_ms DESC, rowid DESC LIMIT ?");
          List<String> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setLong(i++, q.fromMs());
            s.setLong(i++, q.toMs());
            if (q.hostId() != null) {
              s.setString(i++, q.hostId());
            }
            if (kind != null) {
              s.setString(i++, kind);
            }
            s.setInt(i, q.limit());
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  private static Long singleLong(Connection c, String sql, int hostKey) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setInt(1, hostKey);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long v = rs.getLong(1);
        return rs.wasNull() ? null : v;
      }
    }
  }

  private static Long min(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
  }

  private static Long max(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
  }

  @Override
  public void close() {
    closeQuietly(writer);
    Connection c;
    while ((c = readers.poll()) != null) {
      closeQuietly(c);
    }
    log.info("History store {} closed", file);
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      log.warn("Closing a history connection failed: {}", e.toString());
    }
  }
}
