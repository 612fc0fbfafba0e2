package dev.cogent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalCheckpointerTest {

  /** Frames past which the checkpointers of the restart tests start the log over. */
  static final int RESTART_ABOVE = 200;

  @TempDir Path dir;

  /** A connection of its own per handle: the writer, the readers, the probe, the checkpoints. */
  Jdbi jdbi;

  /**
   * The one writer, whose commits never checkpoint (as the store's writer's do not), and where the
   * restarts run.
   */
  Handle writer;

  /** Tells whether writes are held back; it never waits for a lock itself. */
  Handle probe;

  ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  ExecutorService background = Executors.newSingleThreadExecutor();

  /** Restarts handed to the writer. */
  AtomicInteger restarts = new AtomicInteger();

  WalCheckpointer.BetweenWrites onTheWriter =
      checkpoint -> {
        restarts.incrementAndGet();
        return checkpoint.withHandle(writer);
      };

  @BeforeEach
  void open() {
    String url = "jdbc:sqlite:" + dir.resolve("test.db");
    jdbi = Jdbi.create(url);
    writer = jdbi.open();
    writer.execute("PRAGMA journal_mode = WAL");
    writer.execute("PRAGMA wal_autocheckpoint = 0");
    writer.execute("PRAGMA busy_timeout = 10000");
    writer.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    probe = jdbi.open();
    probe.execute("PRAGMA busy_timeout = 0");
  }

  @AfterEach
  void close() throws Exception {
    executor.shutdownNow();
    background.shutdownNow();
    background.awaitTermination(20, TimeUnit.SECONDS);
    probe.close();
    writer.close();
  }

  /**
   * A checkpointer that checkpoints when told to only, and restarts a long log at once only when
   * readers let it; on the second try in a row it waits {@code restartWait} for them.
   */
  WalCheckpointer checkpointer(int restartAboveFrames, Duration restartWait) {
    return checkpointer(
        new WalCheckpointer.Policy(
            Duration.ofHours(1), restartAboveFrames, Duration.ofHours(1), 1, restartWait));
  }

  WalCheckpointer checkpointer(WalCheckpointer.Policy policy) {
    return new WalCheckpointer(jdbi, onTheWriter, executor, policy);
  }

  void insert(int rows) {
    writer.useTransaction(
        h -> {
          for (int i = 0; i < rows; i++) {
            h.execute("INSERT INTO t (body) VALUES (?)", "x".repeat(500));
          }
        });
  }

  int rows() {
    return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one());
  }

  /** A reader inside the log: its read transaction stays open until it is committed. */
  Handle reader() {
    Handle reader = jdbi.open();
    reader.begin();
    reader.createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one();
    return reader;
  }

  /**
   * A reader inside a log of over 2,000 frames, whose snapshot keeps the frames written after it
   * (20 rows) from being copied back.
   */
  Handle readerInsideALongLog() {
    insert(2000);
    Handle inside = reader();
    insert(20);
    return inside;
  }

  static void leave(Handle reader) {
    reader.commit();
    reader.close();
  }

  /** Whether another connection holds the write lock right now. */
  boolean writesHeldBack() {
    try {
      probe.execute("BEGIN IMMEDIATE");
    } catch (UnableToExecuteStatementException e) {
      return true;
    }
    probe.execute("ROLLBACK");
    return false;
  }

  /** The log's length now, in frames; a passive checkpoint never starts it over. */
  int logFrames() {
    return jdbi.withHandle(
        h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)").map((rs, ctx) -> rs.getInt(2)).one());
  }

  long databaseFileSize() throws Exception {
    return Files.size(dir.resolve("test.db"));
  }

  @Test
  void copies_the_whole_log_back_while_the_writer_goes_on() {
    try (WalCheckpointer checkpointer = checkpointer(1_000_000, Duration.ofSeconds(10))) {
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
      assertThat(rows()).isEqualTo(2010);
    }
  }

  @Test
  void passive_checkpoints_alone_never_let_the_log_start_over_while_readers_take_turns() {
    try (WalCheckpointer checkpointer = checkpointer(Integer.MAX_VALUE, Duration.ofSeconds(10))) {
      // Each reader comes in before the last one leaves, as under constant load: one is always
      // inside the log when the writer begins, so the writer never starts the log over.
      Handle inside = reader();
      int lastLog = 0;
      for (int round = 0; round < 20; round++) {
        insert(20);
        Handle next = reader();
        leave(inside);
        inside = next;
        WalCheckpointer.Outcome outcome = checkpointer.checkpoint();
        assertThat(outcome.logFrames()).isGreaterThan(lastLog);
        lastLog = outcome.logFrames();
      }
      leave(inside);
    }
  }

  @Test
  void a_long_log_starts_over_without_a_wait_when_no_reader_is_inside() {
    try (WalCheckpointer checkpointer = checkpointer(RESTART_ABOVE, Duration.ofMinutes(10))) {
      insert(2000);

      WalCheckpointer.Outcome outcome = checkpointer.checkpoint();
      insert(1);

      assertThat(outcome.busy()).isFalse();
      assertThat(outcome.checkpointedFrames()).isEqualTo(outcome.logFrames());
      assertThat(logFrames()).isLessThan(RESTART_ABOVE);
    }
  }

  @Test
  void a_reader_that_keeps_part_of_a_long_log_defers_the_restart_until_patience_runs_out()
      throws Exception {
    try (WalCheckpointer checkpointer = checkpointer(RESTART_ABOVE, Duration.ofSeconds(30))) {
      Handle inside = readerInsideALongLog();

      WalCheckpointer.Outcome first = checkpointer.checkpoint();
      assertThat(first.busy()).isTrue();
      assertThat(first.checkpointedFrames()).isLessThan(first.logFrames());
      assertThat(restarts).as("restarts handed to the writer").hasValue(0);
      // The next try, past the patience of one, holds writes back while it waits for the reader,
      // who then leaves.
      CompletableFuture<WalCheckpointer.Outcome> second =
          CompletableFuture.supplyAsync(checkpointer::checkpoint, background);
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> writesHeldBack());
      leave(inside);
      WalCheckpointer.Outcome outcome = second.get(20, TimeUnit.SECONDS);
      insert(1);

      assertThat(restarts).hasValue(1);
      assertThat(outcome.busy()).isFalse();
      assertThat(outcome.logFrames()).isGreaterThan(RESTART_ABOVE);
      assertThat(outcome.checkpointedFrames()).isEqualTo(outcome.logFrames());
      // The writer's next transaction started the log over.
      assertThat(logFrames()).isLessThan(RESTART_ABOVE);
      assertThat(rows()).isEqualTo(2021);
    }
  }

  @Test
  void a_restart_of_a_copied_log_goes_to_the_writer_at_once_and_does_not_wait_for_readers()
      throws Exception {
    try (WalCheckpointer checkpointer = checkpointer(RESTART_ABOVE, Duration.ofSeconds(30))) {
      insert(2000);
      // Inside the log, but its snapshot holds all of it: the passive checkpoint copies it all.
      Handle inside = reader();

      // A wait for the reader would last half a minute.
      WalCheckpointer.Outcome outcome =
          CompletableFuture.supplyAsync(checkpointer::checkpoint, background)
              .get(20, TimeUnit.SECONDS);

      assertThat(restarts).hasValue(1);
      assertThat(outcome.busy()).isTrue();
      assertThat(outcome.checkpointedFrames()).isEqualTo(outcome.logFrames());
      assertThat(writesHeldBack()).isFalse();
      leave(inside);
    }
  }

  @Test
  void a_restart_gives_up_when_a_reader_stays_and_loses_nothing() {
    try (WalCheckpointer checkpointer = checkpointer(RESTART_ABOVE, Duration.ofMillis(50))) {
      Handle inside = readerInsideALongLog();

      WalCheckpointer.Outcome first = checkpointer.checkpoint();
      WalCheckpointer.Outcome waited = checkpointer.checkpoint();
      WalCheckpointer.Outcome patientAgain = checkpointer.checkpoint();

      assertThat(first.busy()).isTrue();
      assertThat(waited.busy()).isTrue();
      assertThat(patientAgain.busy()).isTrue();
      // Only the second went to the writer: after a wait in vain, patience starts anew.
      assertThat(restarts).hasValue(1);
      assertThat(writesHeldBack()).isFalse();
      leave(inside);
      insert(1);
      assertThat(rows()).isEqualTo(2021);
      // The writer's connection waits for locks as long as it did before.
      int timeout = writer.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one();
      assertThat(timeout).isEqualTo(10_000);
    }
  }

  @Test
  void rounds_come_soon_while_readers_keep_the_log_from_starting_over() {
    Handle inside = readerInsideALongLog();
    WalCheckpointer checkpointer =
        checkpointer(
            new WalCheckpointer.Policy(
                Duration.ofHours(1),
                RESTART_ABOVE,
                Duration.ofMillis(10),
                2,
                Duration.ofMillis(10)));
    checkpointer.start();

    // The first round comes at once, the next ones every 10 ms, not every hour; every third, the
    // patience of two spent, goes to the writer and meets the reader there.
    await().atMost(Duration.ofSeconds(20)).until(() -> restarts.get() >= 3);
    checkpointer.close();
    leave(inside);
    assertThat(rows()).isEqualTo(2020);
  }

  @Test
  void a_short_log_is_only_checkpointed_passively() {
    try (WalCheckpointer checkpointer = checkpointer(RESTART_ABOVE, Duration.ofSeconds(10))) {
      insert(20);
      Handle inside = reader();
      insert(20);

      // A restart would meet the reader and report itself busy.
      WalCheckpointer.Outcome outcome = checkpointer.checkpoint();

      assertThat(outcome.logFrames()).isLessThanOrEqualTo(RESTART_ABOVE);
      assertThat(outcome.busy()).isFalse();
      assertThat(outcome.checkpointedFrames()).isLessThan(outcome.logFrames());
      leave(inside);
    }
  }

  @Test
  void checkpoints_on_its_own_every_interval_until_closed() throws Exception {
    insert(2000);
    long before = databaseFileSize();

    WalCheckpointer checkpointer =
        checkpointer(
            new WalCheckpointer.Policy(
                Duration.ofMillis(20), 1_000_000, Duration.ofMillis(20), 1, Duration.ofMillis(20)));
    checkpointer.start();

    // The rows were in the log only; a checkpoint copies their pages into the database file.
    await().atMost(Duration.ofSeconds(20)).until(() -> databaseFileSize() > before + 500_000);
    checkpointer.close();
    assertThat(executor.isShutdown()).isTrue();
  }
}
