package dev.vigil.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** History files of other schema versions, opened by this relay's store. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HistorySchemaTest {
  private static final long MINUTE = 60_000;
  private static final long T0 = (System.currentTimeMillis() - 3_600_000) / MINUTE * MINUTE;

  @TempDir Path dir;

  @Test
  void aVersionOneFileKeepsEveryMinuteAfterTheUpgrade() throws Exception {
    Path file = dir.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      // The version-1 schema as the relay of 1 December 2026 created it.
      s.execute("CREATE TABLE hosts(host_key INTEGER PRIMARY KEY, host_id TEXT NOT NULL UNIQUE)");
      s.execute(
          "CREATE TABLE sensors(host_key INTEGER NOT NULL, sensor_id TEXT NOT NULL,"
              + " idx INTEGER NOT NULL, first_ms INTEGER NOT NULL, PRIMARY KEY(host_key,"
              + " sensor_id)) WITHOUT ROWID");
      s.execute(
          "CREATE TABLE samples_1m(host_key INTEGER NOT NULL, sensor_idx INTEGER NOT NULL,"
              + " minute_ms INTEGER NOT NULL, min REAL NOT NULL, avg REAL NOT NULL, max REAL NOT"
              + " NULL, count INTEGER NOT NULL, PRIMARY KEY(host_key, sensor_idx, minute_ms))"
              + " WITHOUT ROWID");
      s.execute("INSERT INTO hosts VALUES(1, 'h1'), (2, 'h2')");
      s.execute(
          "INSERT INTO sensors VALUES(1, 'cpu.temp', 0, "
              + T0
              + "), (1, 'fan', 1, "
              + T0
              + "),"
              + " (2, 'cpu.temp', 0, "
              + T0
              + ")");
      s.execute(
          "INSERT INTO samples_1m VALUES"
              + String.format(
                  "(1, 0, %d, 40.5, 41.25, 42.0, 60), (1, 1, %d, 1200, 1210.5, 1300, 60),"
                      + " (1, 0, %d, 43.0, 44.0, 45.1, 59), (2, 0, %d, 30.0, 30.0, 30.0, 1)",
                  T0, T0, T0 + MINUTE, T0));
      s.execute("PRAGMA user_version = 1");
    }

    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      assertThat(store.rollups("h1", "cpu.temp", 0, Long.MAX_VALUE, 10))
          .containsExactly(
              new RollupPoint(T0, 40.5, 41.25, 42.0, 60),
              new RollupPoint(T0 + MINUTE, 43.0, 44.0, 45.1, 59));
      assertThat(store.rollups("h1", "fan", 0, Long.MAX_VALUE, 10))
          .containsExactly(new RollupPoint(T0, 1200, 1210.5, 1300, 60));
      assertThat(store.rollups("h2", "cpu.temp", 0, Long.MAX_VALUE, 10))
          .containsExactly(new RollupPoint(T0, 30, 30, 30, 1));
      assertThat(store.series("h1"))
          .containsExactly(
              new SeriesInfo("cpu.temp", T0, T0 + MINUTE), new SeriesInfo("fan", T0, T0));
    }
    assertThat(userVersion(file)).isEqualTo(SqliteHistoryStore.SCHEMA_VERSION);
  }

  @Test
  void aFileOfANewerVersionIsRefusedAndLeftAsItWas() throws Exception {
    Path file = dir.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE future(x)");
      s.execute("PRAGMA user_version = 99");
    }

    assertThatThrownBy(() -> SqliteHistoryStore.open(file))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("newer Vigil relay");
    assertThat(userVersion(file)).isEqualTo(99);
  }

  private static int userVersion(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }
}
