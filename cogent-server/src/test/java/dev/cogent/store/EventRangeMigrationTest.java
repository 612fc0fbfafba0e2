package dev.cogent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.settings.StoreSettings;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.SharedPostgres;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migration 22 moves a run's event range onto the run: the runs of an existing store keep the first
 * and last sequence they had, and the index the old range query used is gone.
 */
class EventRangeMigrationTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void runs_keep_their_event_range_and_the_log_loses_its_index_by_run(DatabaseKind kind) {
    String url =
        kind == DatabaseKind.SQLITE
            ? "jdbc:sqlite:" + dir.resolve("old.db")
            : SharedPostgres.newEmptyDatabaseUrl();
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .target("21")
        .load()
        .migrate();
    Jdbi old = Jdbi.create(url);
    old.useHandle(
        handle -> {
          handle.execute(
              "INSERT INTO sessions (id, scope, thread_id, status, agent_name, metadata,"
                  + " message_count, created_at, updated_at, event_sequence) VALUES ('s1', '',"
                  + " 't', 'running', 'default', '{}', 0, 0, 0, 5)");
          handle.execute(
              "INSERT INTO runs (id, session_id, status, created_at, updated_at, finished_at,"
                  + " ordinal) VALUES ('done', 's1', 'completed', 0, 0, 1, 1)");
          handle.execute(
              "INSERT INTO runs (id, session_id, status, created_at, updated_at,"
                  + " active_session_id, ordinal) VALUES ('live', 's1', 'running', 0, 0, 's1', 2)");
          handle.execute(
              "INSERT INTO runs (id, session_id, status, created_at, updated_at, finished_at,"
                  + " ordinal) VALUES ('empty', 's1', 'failed', 0, 0, 1, 0)");
          for (int sequence = 1; sequence <= 5; sequence++) {
            handle.execute(
                "INSERT INTO events (session_id, sequence, run_id, type, payload, created_at)"
                    + " VALUES ('s1', ?, ?, 'token', '{}', 0)",
                sequence,
                sequence <= 3 ? "done" : "live");
          }
        });

    try (Database database =
        Database.open(new StoreSettings(dir.resolve("data"), url, null, null, 2))) {
      Map<String, Object> done = range(database, "done");
      Map<String, Object> live = range(database, "live");
      Map<String, Object> empty = range(database, "empty");

      assertThat(done).containsEntry("first_sequence", 1L).containsEntry("last_sequence", 3L);
      // A live run's last event is the session's last, read when asked.
      assertThat(live).containsEntry("first_sequence", 4L).containsEntry("last_sequence", null);
      assertThat(empty).containsEntry("first_sequence", null).containsEntry("last_sequence", null);
      assertThat(indexNames(database, kind)).doesNotContain("events_by_run");
    }
  }

  private static Map<String, Object> range(Database database, String runId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT CAST(first_sequence AS BIGINT) AS first_sequence,"
                        + " CAST(last_sequence AS BIGINT) AS last_sequence FROM runs WHERE id = :id")
                .bind("id", runId)
                .map(
                    (rs, ctx) -> {
                      Map<String, Object> row = new HashMap<>();
                      long first = rs.getLong("first_sequence");
                      row.put("first_sequence", rs.wasNull() ? null : first);
                      long last = rs.getLong("last_sequence");
                      row.put("last_sequence", rs.wasNull() ? null : last);
                      return row;
                    })
                .one());
  }

  private static List<String> indexNames(Database database, DatabaseKind kind) {
    String sql =
        kind == DatabaseKind.SQLITE
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'"
            : "SELECT indexname FROM pg_indexes WHERE tablename = 'events'";
    return database.withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
  }
}
