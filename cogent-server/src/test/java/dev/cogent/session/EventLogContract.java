package dev.cogent.session;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    List<Long> seen = new ArrayList<>();
    try (EventSubscription subscription = log.subscribe(a, 0)) {
      List<Future<PendingEvent>> producers = new ArrayList<>();
      for (String id : List.of(a, b)) {
        producers.add(
            pool.submit(
                () -> {
                  PendingEvent last = null;
                  for (int i = 0; i < 300; i++) {
                    last = log.appendLater(id, "run-1", "token", Map.of("content", "t" + i));
                  }
                  return last;
                }));
      }
      // The last one committed means every earlier one of its log is committed.
      assertThat(producers.get(0).get().await().sequence()).isEqualTo(300);
      assertThat(producers.get(1).get().await().sequence()).isEqualTo(300);
      Optional<LoggedEvent> next;
      while ((next = subscription.next(Duration.ofMillis(50))).isPresent()) {
        seen.add(next.get().sequence());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
    assertThat(log.readAfter(a, 0, 1000))
        .extracting(e -> e.data().get("content"))
        .containsExactlyElementsOf(LongStream.range(0, 300).mapToObj(i -> "t" + i).toList());
  }
}
