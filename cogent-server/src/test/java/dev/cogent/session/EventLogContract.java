package dev.cogent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.assertj.core.groups.Tuple;
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
    log = new EventLog(database, json, clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private String session() {
    return sessions.create(new SessionRequests.Create(null, null, null, null), Scope.GLOBAL).id();
  }

  private LoggedEvent append(String sessionId, int n) {
    return log.append(sessionId, "run-1", "token", Map.of("content", "t" + n));
  }

  @Test
  void each_session_numbers_its_events_from_one_without_gaps() {
    String a = session();
    String b = session();

    List<Long> sequences = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sequences.add(append(a, i).sequence());
      sequences.add(append(b, i).sequence());
    }

    assertThat(sequences).containsExactly(1L, 1L, 2L, 2L, 3L, 3L);
    assertThat(log.readAfter(a, 1, 10))
        .extracting(LoggedEvent::sequence, e -> e.data().get("content"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "t1"),
            org.assertj.core.groups.Tuple.tuple(3L, "t2"));
    assertThat(log.readAfter(a, 0, 2)).hasSize(2);
  }

  @Test
  void concurrent_appenders_get_distinct_consecutive_sequences() throws Exception {
    String id = session();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        writers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    append(id, i);
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
    for (int i = 0; i < 5; i++) {
      append(id, i);
    }
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<Long> seen = new ArrayList<>();
    try (EventSubscription subscription = log.subscribe(id, 2)) {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 5; i < 300; i++) {
                  append(id, i);
                }
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
  void a_reader_that_falls_behind_the_live_buffer_reads_the_rest_from_the_store() throws Exception {
    String id = session();
    List<Long> seen = new ArrayList<>();
    try (EventSubscription subscription = log.subscribe(id, 0)) {
      for (int i = 0; i < EventSubscription.LIVE_BUFFER + 50; i++) {
        append(id, i);
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
  void events_handed_over_without_waiting_are_stored_and_followed_in_the_order_given()
      throws Exception {
    String a = session();
    String b = session();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<LoggedEvent> seen = new ArrayList<>();
    long lastOfA;
    try (EventSubscription subscription = log.subscribe(a, 0)) {
      List<Future<PendingEvent>> producers = new ArrayList<>();
      for (String id : List.of(a, b)) {
        producers.add(
            pool.submit(
                () -> {
                  PendingEvent last = null;
                  for (int i = 0; i < 300; i++) {
                    last = log.appendLater(id, "run-1", "token", Map.of("content", "t" + i + " "));
                  }
                  return last;
                }));
      }
      // The last one committed means every earlier one of its log is committed. Tokens still
      // queued when the next arrives may be merged into one event, so there are at most 300.
      lastOfA = producers.get(0).get().await().sequence();
      assertThat(lastOfA).isBetween(1L, 300L);
      assertThat(producers.get(1).get().await().sequence()).isBetween(1L, 300L);
      Optional<LoggedEvent> next;
      while ((next = subscription.next(Duration.ofMillis(50))).isPresent()) {
        seen.add(next.get());
      }
    } finally {
      pool.shutdownNow();
    }

    String expected =
        LongStream.range(0, 300).mapToObj(i -> "t" + i + " ").collect(Collectors.joining());
    assertThat(seen)
        .extracting(LoggedEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, lastOfA).boxed().toList());
    assertThat(
            seen.stream().map(e -> (String) e.data().get("content")).collect(Collectors.joining()))
        .isEqualTo(expected);
    assertThat(
            log.readAfter(a, 0, 1000).stream()
                .map(e -> (String) e.data().get("content"))
                .collect(Collectors.joining()))
        .isEqualTo(expected);
  }

  @Test
  void tokens_queued_behind_a_write_in_progress_are_merged_and_other_events_are_not()
      throws Exception {
    String a = session();
    String b = session();
    CountDownLatch inWrite = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      // An event of session b whose write cannot finish keeps the log busy, so a's events queue.
      Future<PendingEvent> blocker =
          pool.submit(
              () ->
                  log.appendLater(
                      b, "run-b", "status", Map.of("status", new Blocking(inWrite, mayFinish))));
      assertThat(inWrite.await(20, TimeUnit.SECONDS)).isTrue();
      log.appendLater(a, "run-a", "status", Map.of("status", "thinking"));
      log.appendLater(a, "run-a", "token", Map.of("content", "Hello"));
      log.appendLater(a, "run-a", "token", Map.of("content", " big"));
      log.appendLater(a, "run-a", "token", Map.of("content", " world"));
      PendingEvent usage = log.appendLater(a, "run-a", "usage", Map.of("input_tokens", 1));
      mayFinish.countDown();
      blocker.get(20, TimeUnit.SECONDS).await();
      usage.await();
    } finally {
      mayFinish.countDown();
      pool.shutdownNow();
    }

    List<Tuple> expected =
        database.dialect().serializesWrites()
            ? List.of(
                tuple("status", null), tuple("token", "Hello big world"), tuple("usage", null))
            : List.of(
                tuple("status", null),
                tuple("token", "Hello"),
                tuple("token", " big"),
                tuple("token", " world"),
                tuple("usage", null));
    assertThat(log.readAfter(a, 0, 100))
        .extracting(LoggedEvent::event, e -> e.data().get("content"))
        .containsExactlyElementsOf(expected);
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
