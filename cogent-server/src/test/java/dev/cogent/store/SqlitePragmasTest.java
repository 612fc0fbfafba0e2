package dev.cogent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.settings.StoreSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded SQLite store is opened the way concurrent writers need it. */
class SqlitePragmasTest {

  @TempDir Path dir;

  private String pragma(Database database, String name) {
    return database.withHandle(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
  }

  @Test
  void uses_wal_a_busy_timeout_and_foreign_keys_in_the_data_dir() {
    try (Database database = Database.open(new StoreSettings(dir, null, null, null, 4))) {
      assertThat(database.dialect().name()).isEqualTo("sqlite");
      assertThat(pragma(database, "journal_mode")).isEqualToIgnoringCase("wal");
      assertThat(Integer.parseInt(pragma(database, "busy_timeout"))).isGreaterThanOrEqualTo(5000);
      assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
      assertThat(dir.resolve("cogent.db")).exists();
    }
  }

  @Test
  void the_writer_leaves_checkpoints_to_its_own_thread_and_keeps_the_log_file_bounded() {
    try (Database database = Database.open(new StoreSettings(dir, null, null, null, 4))) {
      // inTransaction runs on the writer's connection.
      String autoCheckpoint =
          database.inTransaction(
              h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(String.class).one());
      String sizeLimit =
          database.inTransaction(
              h -> h.createQuery("PRAGMA journal_size_limit").mapTo(String.class).one());

      assertThat(autoCheckpoint).isEqualTo("0");
      assertThat(Long.parseLong(sizeLimit)).isEqualTo(SerialWriter.WAL_SIZE_LIMIT_BYTES);
    }
  }

  @Test
  void reports_unique_violations_through_the_dialect() {
    try (Database database = Database.open(new StoreSettings(dir, null, null, null, 4))) {
      String insert =
          "INSERT INTO sessions (id, scope, thread_id, status, agent_name, metadata,"
              + " message_count, created_at, updated_at) VALUES ('s1', '', 't', 'active',"
              + " 'default', '{}', 0, 0, 0)";
      database.useTransaction(h -> h.execute(insert));

      assertThatThrownBy(() -> database.useTransaction(h -> h.execute(insert)))
          .satisfies(e -> assertThat(database.dialect().isUniqueViolation(e)).isTrue());
    }
  }

  @Test
  void refuses_an_unknown_database_url() {
    assertThatThrownBy(
            () -> Database.open(new StoreSettings(dir, "jdbc:mysql://x/y", null, null, 4)))
        .hasMessageContaining("jdbc:postgresql:");
  }
}
