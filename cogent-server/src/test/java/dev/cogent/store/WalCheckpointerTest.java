package dev.cogent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalCheckpointerTest {

  @TempDir Path dir;

  Jdbi jdbi;

  /** The one writer, whose commits never checkpoint (as the store's writer's do not). */
  Handle writer;

  ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void open() {
    jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("test.db"));
    writer = jdbi.open();
    writer.execute("PRAGMA journal_mode = WAL");
    writer.execute("PRAGMA wal_autocheckpoint = 0");
    writer.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  }

  @AfterEach
  void close() {
    executor.shutdownNow();
    writer.close();
  }

  void insert(int rows) {
    writer.useTransaction(
        h -> {
          for (int i = 0; i < rows; i++) {
            h.execute("INSERT INTO t (body) VALUES (?)", "x".repeat(500));
          }
        });
  }

  long databaseFileSize() throws Exception {
    return Files.size(dir.resolve("test.db"));
  }

  @Test
  void copies_the_whole_log_back_while_the_writer_goes_on() {
    try (WalCheckpointer checkpointer = new WalCheckpointer(jdbi, executor, Duration.ofHours(1))) {
      insert(2000);

      WalCheckpointer.Outcome first = checkpointer.checkpoint();
      insert(10);
      WalCheckpointer.Outcome second = checkpointer.checkpoint();

      assertThat(first.busy()).isFalse();
      assertThat(first.logFrames()).isGreaterThan(100);
      assertThat(first.checkpointedFrames()).isEqualTo(first.logFrames());
      // The writer started the log over after the complete checkpoint: it holds only the new rows.
      assertThat(second.logFrames()).isLessThan(first.logFrames());
      assertThat(second.checkpointedFrames()).isEqualTo(second.logFrames());
      int rows =
          jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one());
      assertThat(rows).isEqualTo(2010);
    }
  }

  @Test
  void checkpoints_on_its_own_every_interval_until_closed() throws Exception {
    insert(2000);
    long before = databaseFileSize();

    WalCheckpointer checkpointer = new WalCheckpointer(jdbi, executor, Duration.ofMillis(20));

    // The rows were in the log only; a checkpoint copies their pages into the database file.
    await().atMost(Duration.ofSeconds(20)).until(() -> databaseFileSize() > before + 500_000);
    checkpointer.close();
    assertThat(executor.isShutdown()).isTrue();
  }
}
