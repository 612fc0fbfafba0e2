package dev.cogent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialWriterTest {

  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  Jdbi jdbi;
  SerialWriter writer;
  final CountDownLatch release = new CountDownLatch(1);

  SerialWriter writer(Duration queueTimeout) {
    jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("test.db"));
    jdbi.useHandle(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"));
    writer = new SerialWriter(jdbi, queueTimeout, Thread::new);
    return writer;
  }

  @AfterEach
  void close() {
    release.countDown();
    if (writer != null) {
      writer.close();
    }
  }

  static int insert(Handle handle, int id) {
    return handle.execute("INSERT INTO t (id, v) VALUES (?, ?)", id, "v" + id);
  }

  List<Integer> ids() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT id FROM t ORDER BY id").mapTo(Integer.class).list());
  }

  /** Occupies the writer thread until {@link #release} counts down. */
  CompletableFuture<Void> blockWriter() {
    CompletableFuture<Void> blocker =
        CompletableFuture.runAsync(
            () ->
                writer.write(
                    handle -> {
                      try {
                        release.await(20, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return null;
                    }));
    await().atMost(WAIT).until(() -> writer.queued() == 0 && !blocker.isDone());
    return blocker;
  }

  /**
   * Submits an insert of {@code id} without waiting for it, in the background lane when {@code
   * lane} is "background", else in the interactive one; notes {@code lane} in {@code order} when it
   * runs and "{@code lane} done" when it is committed.
   */
  CompletableFuture<Integer> submitInsert(String lane, int id, List<String> order) {
    CompletableFuture<Integer> committed = new CompletableFuture<>();
    HandleCallback<Integer, RuntimeException> insert =
        h -> {
          order.add(lane);
          return insert(h, id);
        };
    BiConsumer<Integer, RuntimeException> whenDone =
        (rows, failure) -> {
          order.add(lane + " done");
          committed.complete(rows);
        };
    if (lane.equals("background")) {
      writer.submitInBackground(insert, whenDone);
    } else {
      writer.submit(insert, whenDone);
    }
    return committed;
  }

  /** Inserts {@code id} from another thread, noting "interactive" in {@code order} when it runs. */
  CompletableFuture<Integer> interactiveInsert(int id, List<String> order) {
    return CompletableFuture.supplyAsync(
        () ->
            writer.write(
                h -> {
                  order.add("interactive");
                  return insert(h, id);
                }));
  }

  @Test
  void writes_of_many_threads_all_commit_and_each_caller_gets_its_own_result() throws Exception {
    writer(Duration.ofSeconds(30));
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 1; i <= 64; i++) {
      int id = i;
      calls.add(CompletableFuture.supplyAsync(() -> writer.write(h -> insert(h, id) * id)));
    }

    for (int i = 0; i < calls.size(); i++) {
      assertThat(calls.get(i).get(20, TimeUnit.SECONDS)).isEqualTo(i + 1);
    }
    assertThat(ids()).hasSize(64);
  }

  @Test
  void a_failing_transaction_is_rolled_back_alone_and_the_others_of_its_batch_commit()
      throws Exception {
    writer(Duration.ofSeconds(30));
    CompletableFuture<Void> blocker = blockWriter();
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(() -> writer.write(h -> insert(h, 1)));
    await().atMost(WAIT).until(() -> writer.queued() == 1);
    CompletableFuture<Integer> failing =
        CompletableFuture.supplyAsync(
            () ->
                writer.write(
                    h -> {
                      insert(h, 2);
                      throw new IllegalStateException("no");
                    }));
    await().atMost(WAIT).until(() -> writer.queued() == 2);
    CompletableFuture<Integer> third =
        CompletableFuture.supplyAsync(() -> writer.write(h -> insert(h, 3)));
    await().atMost(WAIT).until(() -> writer.queued() == 3);

    release.countDown();

    blocker.get(20, TimeUnit.SECONDS);
    assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(third.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> failing.get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("no");
    assertThat(ids()).containsExactly(1, 3);
  }

  @Test
  void queued_interactive_writes_go_ahead_of_queued_background_ones_which_commit_alone()
      throws Exception {
    writer(Duration.ofSeconds(30));
    CompletableFuture<Void> blocker = blockWriter();
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Integer> background = submitInsert("background", 1, order);
    await().atMost(WAIT).until(() -> writer.queued() == 1);
    CompletableFuture<Integer> interactive = interactiveInsert(2, order);
    await().atMost(WAIT).until(() -> writer.queued() == 2);

    release.countDown();

    blocker.get(20, TimeUnit.SECONDS);
    assertThat(interactive.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(background.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(order).containsExactly("interactive", "background", "background done");
    assertThat(ids()).containsExactly(1, 2);
  }

  @Test
  void a_submitted_write_returns_at_once_and_keeps_its_place_among_interactive_writes()
      throws Exception {
    writer(Duration.ofSeconds(30));
    CompletableFuture<Void> blocker = blockWriter();
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Integer> background = submitInsert("background", 1, order);

    // Returns on this thread although the writer is busy.
    CompletableFuture<Integer> submitted = submitInsert("submitted", 2, order);
    CompletableFuture<Integer> interactive = interactiveInsert(3, order);
    await().atMost(WAIT).until(() -> writer.queued() == 3);
    assertThat(submitted).isNotDone();

    release.countDown();

    blocker.get(20, TimeUnit.SECONDS);
    assertThat(submitted.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(interactive.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(background.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    // Ahead of the background write queued before it, behind nothing queued after it.
    assertThat(order).startsWith("submitted", "interactive").contains("background");
    assertThat(order.indexOf("background")).isGreaterThan(order.indexOf("submitted done"));
    assertThat(ids()).containsExactly(1, 2, 3);
  }

  @Test
  void work_between_transactions_runs_outside_any_after_interactive_and_before_background_writes()
      throws Exception {
    writer(Duration.ofSeconds(30));
    CompletableFuture<Void> blocker = blockWriter();
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    writer.submitInBackground(
        h -> order.add("background"), (added, failure) -> order.add("background done"));
    await().atMost(WAIT).until(() -> writer.queued() == 1);
    CompletableFuture<Boolean> between =
        CompletableFuture.supplyAsync(
            () ->
                writer.betweenTransactions(
                    h -> {
                      order.add("between");
                      return h.isInTransaction();
                    }));
    await().atMost(WAIT).until(() -> writer.queued() == 2);
    CompletableFuture<Integer> interactive = interactiveInsert(1, order);
    await().atMost(WAIT).until(() -> writer.queued() == 3);

    release.countDown();

    blocker.get(20, TimeUnit.SECONDS);
    assertThat(between.get(20, TimeUnit.SECONDS)).as("in a transaction").isFalse();
    interactive.get(20, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> order.contains("background done"));
    assertThat(order).containsExactly("interactive", "between", "background", "background done");
  }

  @Test
  void work_between_transactions_may_restart_the_log_and_its_failure_goes_to_its_caller() {
    writer(Duration.ofSeconds(30));
    jdbi.useHandle(h -> h.execute("PRAGMA journal_mode = WAL"));
    writer.write(h -> insert(h, 1));

    // SQLite refuses such a checkpoint inside a transaction that has written.
    int busy =
        writer.betweenTransactions(
            h -> h.createQuery("PRAGMA wal_checkpoint(RESTART)").mapTo(Integer.class).one());

    assertThat(busy).isZero();
    assertThatThrownBy(
            () ->
                writer.betweenTransactions(
                    h -> {
                      throw new IllegalStateException("no");
                    }))
        .hasMessage("no");
    assertThatThrownBy(() -> writer.write(h -> writer.betweenTransactions(inner -> 1)))
        .isInstanceOf(IllegalStateException.class);
    writer.write(h -> insert(h, 2));
    assertThat(ids()).containsExactly(1, 2);
  }

  @Test
  void a_write_that_reads_first_waits_for_another_connections_write_lock() throws Exception {
    writer(Duration.ofSeconds(30));
    jdbi.useHandle(h -> h.execute("PRAGMA journal_mode = WAL"));
    writer.write(h -> insert(h, 1));
    try (Handle other = jdbi.open()) {
      // Another process writing, say.
      other.execute("BEGIN IMMEDIATE");
      other.execute("INSERT INTO t (id, v) VALUES (2, 'other')");

      CompletableFuture<Integer> write =
          CompletableFuture.supplyAsync(
              () ->
                  writer.write(
                      h -> {
                        int rows =
                            h.createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one();
                        return insert(h, 10 + rows);
                      }));
      await().atMost(WAIT).until(() -> writer.queued() == 0);
      other.execute("COMMIT");

      // Begun before the other's commit, a deferred transaction would have failed with
      // SQLITE_BUSY at its insert without waiting; this one waited to begin, and so read 2 rows.
      assertThat(write.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(ids()).containsExactly(1, 2, 12);
  }

  @Test
  void a_failed_submitted_write_of_either_lane_is_rolled_back_and_reported_to_its_handler()
      throws Exception {
    writer(Duration.ofSeconds(30));
    CompletableFuture<RuntimeException> background = new CompletableFuture<>();
    CompletableFuture<RuntimeException> interactive = new CompletableFuture<>();

    writer.submitInBackground(
        h -> {
          insert(h, 1);
          throw new IllegalStateException("no");
        },
        (rows, failure) -> background.complete(failure));
    writer.submit(
        h -> {
          insert(h, 3);
          throw new IllegalStateException("not either");
        },
        (rows, failure) -> interactive.complete(failure));

    assertThat(background.get(20, TimeUnit.SECONDS)).hasMessage("no");
    assertThat(interactive.get(20, TimeUnit.SECONDS)).hasMessage("not either");
    writer.write(h -> insert(h, 2));
    assertThat(ids()).containsExactly(2);
  }

  @Test
  void a_background_write_submitted_after_close_is_refused_to_its_handler() throws Exception {
    writer(Duration.ofSeconds(30));
    writer.close();
    CompletableFuture<RuntimeException> outcome = new CompletableFuture<>();

    writer.submitInBackground(h -> insert(h, 1), (rows, failure) -> outcome.complete(failure));

    assertThat(outcome.get(20, TimeUnit.SECONDS)).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void a_failing_transaction_alone_in_its_batch_leaves_nothing_and_the_next_one_commits() {
    writer(Duration.ofSeconds(30));

    assertThatThrownBy(
            () ->
                writer.write(
                    h -> {
                      insert(h, 1);
                      throw new IllegalStateException("no");
                    }))
        .isInstanceOf(IllegalStateException.class);
    writer.write(h -> insert(h, 2));

    assertThat(ids()).containsExactly(2);
  }

  @Test
  void a_write_from_inside_a_transaction_runs_at_once_in_a_nested_savepoint() {
    writer(Duration.ofSeconds(30));

    int outer =
        writer.write(
            h -> {
              insert(h, 1);
              writer.write(nested -> insert(nested, 2));
              try {
                writer.write(
                    nested -> {
                      insert(nested, 3);
                      throw new IllegalStateException("undo only this");
                    });
              } catch (IllegalStateException expected) {
                // the nested write is rolled back, the outer one goes on
              }
              return insert(h, 4);
            });

    assertThat(outer).isEqualTo(1);
    assertThat(ids()).containsExactly(1, 2, 4);
  }

  @Test
  void a_caller_interrupted_before_its_turn_gets_an_error_and_its_write_never_runs()
      throws Exception {
    writer(Duration.ofSeconds(30));
    CompletableFuture<Void> blocker = blockWriter();
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                writer.write(h -> insert(h, 9));
              } catch (RuntimeException e) {
                outcome.set(e);
              }
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    await().atMost(WAIT).until(() -> writer.queued() == 1);

    caller.interrupt();
    caller.join(20_000);
    release.countDown();
    blocker.get(20, TimeUnit.SECONDS);
    writer.write(h -> insert(h, 10));

    assertThat(outcome.get()).isInstanceOf(StoreUnavailableException.class);
    assertThat(stillInterrupted.get()).isTrue();
    assertThat(ids()).containsExactly(10);
  }

  @Test
  void a_write_that_waits_longer_than_the_queue_timeout_fails_and_never_runs() throws Exception {
    writer(Duration.ofMillis(50));
    CompletableFuture<Void> blocker = blockWriter();

    assertThatThrownBy(() -> writer.write(h -> insert(h, 5)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("timed out");

    release.countDown();
    blocker.get(20, TimeUnit.SECONDS);
    writer.write(h -> insert(h, 6));
    assertThat(ids()).containsExactly(6);
  }

  @Test
  void close_runs_what_is_queued_and_refuses_later_writes() throws Exception {
    writer(Duration.ofSeconds(30));
    CompletableFuture<Void> blocker = blockWriter();
    CompletableFuture<Integer> queued =
        CompletableFuture.supplyAsync(() -> writer.write(h -> insert(h, 7)));
    await().atMost(WAIT).until(() -> writer.queued() == 1);

    CompletableFuture<Void> closing = CompletableFuture.runAsync(writer::close);
    release.countDown();
    closing.get(20, TimeUnit.SECONDS);

    blocker.get(20, TimeUnit.SECONDS);
    assertThat(queued.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> writer.write(h -> insert(h, 8)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(ids()).containsExactly(7);
  }
}
