package dev.cogent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.cogent.Json;
import dev.cogent.scope.Scope;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.Agents;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log in storage; runs on SQLite and on a real PostgreSQL. */
abstract class EventLogContract {

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private Database database;
  private SessionService sessions;
  private EventLog log;

  /** Runs the commits of events that waited for others to join them. */
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  abstract DatabaseKind kind();

  @BeforeEach
  void open() {
    database = Database.open(new StoreSettings(dir, kind().newDatabaseUrl(dir), null, null, 10));
    Json json = new Json();
    sessions =
        new SessionService(
            database,
            json,
            Agents.directory(database, json, clock, dir),
            scope -> List.of(),
            clock);
    log = new EventLog(database, json, clock, timer);
  }

  @AfterEach
  void close() {
    timer.shutdownNow();
    database.close();
  }

  private String session() {
    return sessions.create(new SessionRequests.Create(null, null, null, null), Scope.GLOBAL).id();
  }

  /** A run's log, opened the way a run start opens it: after reserving the session's counter. */
  private RunLog start(String sessionId, String runId) {
    long after = database.inTransaction(handle -> log.reserveAfterLast(handle, sessionId));
    return log.open(sessionId, runId, after);
  }

  private long storedCounter(String sessionId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT event_sequence FROM sessions WHERE id = :id")
                .bind("id", sessionId)
                .mapTo(Long.class)
                .one());
  }

  private List<Long> storedSequences(String sessionId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT sequence FROM events WHERE session_id = :id ORDER BY sequence")
                .bind("id", sessionId)
                .mapTo(Long.class)
                .list());
  }

  /** An event that is never held back (unlike a bare token while the store lags). */
  private static LoggedEvent step(RunLog run, int n) {
    return run.append("step", Map.of("content", "t" + n)).orElseThrow();
  }

  private static LoggedEvent done(RunLog run) {
    return run.end("done", Map.of(), (handle, event) -> {});
  }

  @Test
  void a_streamed_event_nobody_waits_for_is_committed_soon_all_the_same() {
    String id = session();
    try (RunLog run = start(id, "run-1")) {
      LoggedEvent only = step(run, 0);

      // On SQLite it waits for company, at most GroupCommit.MAX_WAIT, then commits alone.
      await().atMost(Duration.ofSeconds(20)).until(() -> storedSequences(id).contains(1L));

      assertThat(only.sequence()).isEqualTo(1L);
      done(run);
    }
  }

  @Test
  void a_flush_commits_every_event_on_its_way_before_it_returns() {
    String id = session();
    String other = session();
    try (RunLog run = start(id, "run-1");
        RunLog second = start(other, "run-2")) {
      step(run, 0);
      step(run, 1);
      step(second, 0);

      log.flush(Duration.ofSeconds(20));

      assertThat(storedSequences(id)).containsExactly(1L, 2L);
      assertThat(storedSequences(other)).containsExactly(1L);
    }
  }

  @Test
  void each_session_numbers_its_events_from_one_without_gaps() {
    String a = session();
    String b = session();

    List<Long> sequences = new ArrayList<>();
    try (RunLog runA = start(a, "run-a");
        RunLog runB = start(b, "run-b")) {
      for (int i = 0; i < 3; i++) {
        sequences.add(step(runA, i).sequence());
        sequences.add(step(runB, i).sequence());
      }
      sequences.add(done(runA).sequence());
    }
    try (RunLog next = start(a, "run-a2")) {
      sequences.add(step(next, 3).sequence());
      done(next);
    }

    assertThat(sequences).containsExactly(1L, 1L, 2L, 2L, 3L, 3L, 4L, 5L);
    assertThat(log.readAfter(a, 1, 10))
        .extracting(LoggedEvent::sequence, e -> e.data().get("content"))
        .containsExactly(
            tuple(2L, "t1"), tuple(3L, "t2"), tuple(4L, null), tuple(5L, "t3"), tuple(6L, null));
    assertThat(log.readAfter(a, 0, 2)).hasSize(2);
  }

  @Test
  void concurrent_appenders_get_distinct_consecutive_sequences() throws Exception {
    String id = session();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (RunLog run = start(id, "run-1")) {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        writers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    step(run, i);
                  }
                }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(log.readAfter(id, 0, 1000))
        .extracting(LoggedEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
  }

  @Test
  void a_subscription_replays_then_follows_live_without_gap_or_duplicate() throws Exception {
    String id = session();
    RunLog run = start(id, "run-1");
    for (int i = 0; i < 5; i++) {
      step(run, i);
    }
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<Long> seen = new ArrayList<>();
    try (EventSubscription subscription = log.subscribe(id, 2)) {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 5; i < 299; i++) {
                  step(run, i);
                }
                done(run);
                run.close();
              });
      while (seen.size() < 298) {
        Optional<LoggedEvent> next = subscription.next(Duration.ofSeconds(10));
        assertThat(next).as("event after %s", seen).isPresent();
        seen.add(next.get().sequence());
      }
      writer.get();
      assertThat(subscription.next(Duration.ofMillis(1))).isEmpty();
    } finally {
      pool.shutdownNow();
    }

    assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(3, 300).boxed().toList());
  }

  @Test
  void a_polling_subscriber_is_woken_on_the_publishing_thread_and_polls_in_order() {
    String id = session();
    List<Long> seen = new ArrayList<>();
    List<Thread> wokenOn = new ArrayList<>();
    try (EventSubscription subscription = log.subscribe(id, 0);
        RunLog run = start(id, "run-1")) {
      subscription.onLive(
          () -> {
            wokenOn.add(Thread.currentThread());
            // The publishing run may have been cancelled: a poll never waits, so never throws.
            Thread.currentThread().interrupt();
            try {
              subscription.poll().ifPresent(event -> seen.add(event.sequence()));
            } finally {
              Thread.interrupted();
            }
          });
      for (int i = 0; i < 3; i++) {
        step(run, i);
      }
      assertThat(subscription.poll()).isEmpty();
    }

    assertThat(seen).containsExactly(1L, 2L, 3L);
    assertThat(wokenOn).containsOnly(Thread.currentThread()).hasSize(3);
  }

  @Test
  void a_reader_that_falls_behind_the_live_buffer_reads_the_rest_from_the_log() throws Exception {
    String id = session();
    List<Long> seen = new ArrayList<>();
    try (EventSubscription subscription = log.subscribe(id, 0);
        RunLog run = start(id, "run-1")) {
      for (int i = 0; i < EventSubscription.LIVE_BUFFER + 50; i++) {
        step(run, i);
      }
      Optional<LoggedEvent> next;
      while ((next = subscription.next(Duration.ofMillis(50))).isPresent()) {
        seen.add(next.get().sequence());
      }
    }

    assertThat(seen)
        .containsExactlyElementsOf(
            LongStream.rangeClosed(1, EventSubscription.LIVE_BUFFER + 50).boxed().toList());
  }

  @Test
  void the_events_of_runs_streaming_at_once_are_stored_and_followed_in_order() throws Exception {
    String a = session();
    String b = session();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<LoggedEvent> seen = new ArrayList<>();
    try (EventSubscription subscription = log.subscribe(a, 0)) {
      List<Future<?>> producers = new ArrayList<>();
      for (String id : List.of(a, b)) {
        producers.add(
            pool.submit(
                () -> {
                  try (RunLog run = start(id, "run-" + id.substring(0, 8))) {
                    for (int i = 0; i < 300; i++) {
                      run.append("token", Map.of("content", "t" + i + " "));
                    }
                    done(run);
                  }
                }));
      }
      for (Future<?> producer : producers) {
        producer.get();
      }
      Optional<LoggedEvent> next;
      while ((next = subscription.next(Duration.ofMillis(50))).isPresent()) {
        seen.add(next.get());
      }
    } finally {
      pool.shutdownNow();
    }

    String expected =
        LongStream.range(0, 300).mapToObj(i -> "t" + i + " ").collect(Collectors.joining());
    // Tokens may have been joined while the store lagged: fewer events, the same text.
    assertThat(seen)
        .extracting(LoggedEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, seen.size()).boxed().toList());
    assertThat(seen.get(seen.size() - 1).event()).isEqualTo("done");
    assertThat(
            seen.stream()
                .map(e -> (String) e.data().getOrDefault("content", ""))
                .collect(Collectors.joining()))
        .isEqualTo(expected);
    assertThat(log.readAfter(a, 0, 1000))
        .extracting(LoggedEvent::sequence, LoggedEvent::event)
        .containsExactlyElementsOf(seen.stream().map(e -> tuple(e.sequence(), e.event())).toList());
    assertThat(
            log.readAfter(b, 0, 1000).stream()
                .map(e -> (String) e.data().getOrDefault("content", ""))
                .collect(Collectors.joining()))
        .isEqualTo(expected);
  }

  @Test
  void a_streamed_event_is_followed_and_read_before_its_write_ends() throws Exception {
    String id = session();
    CountDownLatch inWrite = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (RunLog run = start(id, "run-1");
        EventSubscription subscription = log.subscribe(id, 0)) {
      step(run, 0);
      run.settle();
      Future<Optional<LoggedEvent>> blocked =
          pool.submit(
              () -> run.append("status", Map.of("status", new Blocking(inWrite, mayFinish))));
      assertThat(inWrite.await(20, TimeUnit.SECONDS)).isTrue();

      // Its write is in progress, not committed: subscribers and readers have it anyway.
      assertThat(subscription.next(Duration.ofSeconds(10))).map(LoggedEvent::sequence).contains(1L);
      assertThat(subscription.next(Duration.ofSeconds(10)))
          .map(LoggedEvent::event)
          .contains("status");
      assertThat(log.readAfter(id, 0, 10))
          .extracting(LoggedEvent::sequence)
          .containsExactly(1L, 2L);
      assertThat(log.readAfter(id, 1, 10)).extracting(LoggedEvent::event).containsExactly("status");
      // A client holding id 2 would miss whatever reused it after a crash: the counter is ahead.
      assertThat(storedCounter(id)).isGreaterThanOrEqualTo(2L);

      mayFinish.countDown();
      assertThat(blocked.get(20, TimeUnit.SECONDS)).map(LoggedEvent::sequence).contains(2L);
      run.settle();
      done(run);
    } finally {
      mayFinish.countDown();
      pool.shutdownNow();
    }
    assertThat(log.readAfter(id, 0, 10))
        .extracting(LoggedEvent::event, e -> e.data().get("status"))
        .containsExactly(tuple("step", null), tuple("status", "blocked"), tuple("done", null));
  }

  @Test
  void a_terminal_event_is_published_only_once_it_is_committed_with_its_transaction()
      throws Exception {
    String id = session();
    List<Optional<LoggedEvent>> seenInsideTransaction = new ArrayList<>();
    LoggedEvent terminal;
    try (RunLog run = start(id, "run-1");
        EventSubscription subscription = log.subscribe(id, 0)) {
      step(run, 0);
      assertThat(subscription.next(Duration.ofSeconds(10))).isPresent();

      terminal =
          run.end(
              "done",
              Map.of("ok", true),
              (handle, event) -> {
                try {
                  seenInsideTransaction.add(subscription.next(Duration.ZERO));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });

      assertThat(subscription.next(Duration.ofSeconds(10)))
          .map(LoggedEvent::sequence)
          .contains(terminal.sequence());
    }
    assertThat(seenInsideTransaction).containsExactly(Optional.empty());
    assertThat(terminal.sequence()).isEqualTo(2L);
  }

  @Test
  void a_failed_terminal_transaction_leaves_no_event_and_no_gap() {
    String id = session();
    try (RunLog run = start(id, "run-1")) {
      step(run, 0);
      assertThatThrownBy(
              () ->
                  run.end(
                      "done",
                      Map.of(),
                      (handle, event) -> {
                        throw new IllegalStateException("already finished");
                      }))
          .hasMessage("already finished");
      assertThat(done(run).sequence()).isEqualTo(2L);
    }
    assertThat(log.readAfter(id, 0, 10)).extracting(LoggedEvent::sequence).containsExactly(1L, 2L);
  }

  @Test
  void the_stored_counter_stays_ahead_of_a_live_run_and_ends_exactly_at_its_terminal_event() {
    String id = session();
    long published = 0;
    try (RunLog run = start(id, "run-1")) {
      // Several times the reserve: the counter is renewed as the run goes on.
      for (int i = 0; i < 3 * (int) EventLog.RESERVE; i++) {
        published = step(run, i).sequence();
        if (i % 97 == 0) {
          assertThat(storedCounter(id))
              .as("counter after %s", published)
              .isGreaterThanOrEqualTo(published);
        }
      }
      run.settle();
      assertThat(storedCounter(id)).isGreaterThanOrEqualTo(published);
      assertThat(done(run).sequence()).isEqualTo(published + 1);
    }
    assertThat(storedCounter(id)).isEqualTo(published + 1);

    // The next run, after a restart of the server, continues right after it.
    EventLog restarted = new EventLog(database, new Json(), clock, timer);
    try (RunLog next =
        restarted.open(
            id,
            "run-2",
            database.inTransaction(handle -> restarted.reserveAfterLast(handle, id)))) {
      assertThat(step(next, 0).sequence()).isEqualTo(published + 2);
      next.end("done", Map.of(), (handle, event) -> {});
    }
  }

  @Test
  void a_run_cut_off_by_a_crash_is_ended_after_every_sequence_it_may_have_published() {
    String id = session();
    RunLog cutOff = start(id, "run-1");
    for (int i = 0; i < 10; i++) {
      step(cutOff, i);
    }
    cutOff.settle();
    // The process dies here: the run never ends, its log is never closed.

    EventLog restarted = new EventLog(database, new Json(), clock, timer);
    LoggedEvent error;
    try (RunLog ending = restarted.reopen(id, "run-1")) {
      error = ending.end("error", Map.of("code", "STREAMING_ERROR"), (handle, event) -> {});
    }

    assertThat(error.sequence()).isEqualTo(EventLog.RESERVE + 1);
    assertThat(restarted.readAfter(id, 10, 10))
        .extracting(LoggedEvent::sequence)
        .containsExactly(EventLog.RESERVE + 1);
    assertThat(storedCounter(id)).isEqualTo(EventLog.RESERVE + 1);
  }

  @Test
  void tokens_are_held_back_and_joined_only_while_the_store_lags() throws Exception {
    String id = session();
    String other = session();
    CountDownLatch inWrite = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    int tokens = RunLog.MERGE_AFTER + 5;
    List<Optional<LoggedEvent>> appended = new ArrayList<>();
    List<LoggedEvent> streamed = new ArrayList<>();
    try (RunLog run = start(id, "run-1");
        RunLog blocker = start(other, "run-2");
        EventSubscription subscription = log.subscribe(id, 0)) {
      // Another run's event whose write cannot finish: on SQLite the one writer is busy with it.
      Future<Optional<LoggedEvent>> blocked =
          pool.submit(
              () -> blocker.append("status", Map.of("status", new Blocking(inWrite, mayFinish))));
      assertThat(inWrite.await(20, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < tokens; i++) {
        appended.add(run.append("token", Map.of("content", "w" + i + " ")));
      }
      mayFinish.countDown();
      blocked.get(20, TimeUnit.SECONDS);
      run.append("usage", Map.of("input_tokens", 1));
      run.settle();
      Optional<LoggedEvent> next;
      while ((next = subscription.next(Duration.ofMillis(50))).isPresent()) {
        streamed.add(next.get());
      }
    } finally {
      mayFinish.countDown();
      pool.shutdownNow();
    }

    String text =
        LongStream.range(0, tokens).mapToObj(i -> "w" + i + " ").collect(Collectors.joining());
    List<LoggedEvent> stored = log.readAfter(id, 0, 100);
    assertThat(stored)
        .extracting(LoggedEvent::sequence)
        .isEqualTo(streamed.stream().map(LoggedEvent::sequence).toList());
    assertThat(
            stored.stream()
                .filter(e -> e.event().equals("token"))
                .map(e -> (String) e.data().get("content"))
                .collect(Collectors.joining()))
        .isEqualTo(text);
    assertThat(stored.get(stored.size() - 1).event()).isEqualTo("usage");
    // The first token never waits, whatever the store does.
    assertThat(appended.get(0)).isPresent();
    long tokenEvents = stored.stream().filter(e -> e.event().equals("token")).count();
    if (database.dialect().serializesWrites()) {
      // MERGE_AFTER tokens went out while their writes queued; the rest went out joined, before
      // the usage event.
      assertThat(tokenEvents).isEqualTo(RunLog.MERGE_AFTER + 1);
      assertThat(appended.subList(RunLog.MERGE_AFTER, tokens)).allMatch(Optional::isEmpty);
    } else {
      // PostgreSQL stores each event before the next: it never lags behind a run.
      assertThat(tokenEvents).isEqualTo(tokens);
    }
  }

  /** A payload value whose serialization waits until the test lets it finish. */
  record Blocking(CountDownLatch inWrite, CountDownLatch mayFinish) {
    @JsonValue
    String value() throws InterruptedException {
      inWrite.countDown();
      mayFinish.await(20, TimeUnit.SECONDS);
      return "blocked";
    }
  }
}
