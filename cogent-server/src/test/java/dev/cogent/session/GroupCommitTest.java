package dev.cogent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  static final Instant AT = Instant.parse("2026-03-02T12:00:00Z");

  final AtomicLong sequence = new AtomicLong();
  final List<List<String>> batches = new CopyOnWriteArrayList<>();
  final List<Long> stored = new CopyOnWriteArrayList<>();
  final List<String> settled = new CopyOnWriteArrayList<>();
  final List<String> writerThreads = new CopyOnWriteArrayList<>();
  final CountDownLatch firstDrainMayEnd = new CountDownLatch(1);
  final ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "w"));

  /** Commits fail while this is set (the store's disk is full, say). */
  volatile RuntimeException commitFailure;

  /** The store's writer: one thread, one drain at a time, the outcome told after the "commit". */
  final GroupCommit.Writer writer =
      (work, whenDone) ->
          writerThread.execute(
              () -> {
                writerThreads.add(Thread.currentThread().getName());
                List<PendingEvent> result = work.get();
                RuntimeException failure = commitFailure;
                whenDone.accept(failure == null ? result : null, failure);
              });

  final GroupCommit commit =
      new GroupCommit(
          writer,
          events -> {
            batches.add(events.stream().map(LoggedEvent::sessionId).toList());
            if (batches.size() == 1) {
              try {
                firstDrainMayEnd.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            if (events.stream().anyMatch(e -> e.sessionId().equals("gone"))) {
              throw new IllegalStateException("a batch with a deleted session");
            }
            events.forEach(this::store);
          },
          this::store,
          pending ->
              settled.add(pending.event().sequence() + (pending.failed() ? " failed" : " stored")));

  @AfterEach
  void stop() {
    firstDrainMayEnd.countDown();
    writerThread.shutdownNow();
  }

  LoggedEvent event(String sessionId) {
    return new LoggedEvent(sequence.incrementAndGet(), sessionId, "run", "token", Map.of(), AT);
  }

  void store(LoggedEvent event) {
    if (event.sessionId().equals("gone")) {
      throw new IllegalStateException("no session gone");
    }
    stored.add(event.sequence());
  }

  @Test
  void an_event_is_queued_at_once_and_stored_by_the_writer_not_by_the_caller() {
    PendingEvent pending = commit.enqueue(event("s1"));

    assertThat(pending.isDone()).isFalse();
    firstDrainMayEnd.countDown();
    assertThat(pending.await().sessionId()).isEqualTo("s1");
    assertThat(pending.isDone()).isTrue();
    assertThat(stored).containsExactly(1L);
    assertThat(settled).containsExactly("1 stored");
    assertThat(writerThreads).containsOnly("w");
  }

  @Test
  void events_queued_during_a_drain_go_in_the_next_one_and_a_bad_one_fails_alone() {
    PendingEvent first = commit.enqueue(event("s1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> batches.size() == 1);
    PendingEvent second = commit.enqueue(event("s2"));
    PendingEvent gone = commit.enqueue(event("gone"));
    assertThat(commit.queued()).isEqualTo(2);

    firstDrainMayEnd.countDown();

    assertThat(first.await().sessionId()).isEqualTo("s1");
    assertThat(second.await().sessionId()).isEqualTo("s2");
    assertThatThrownBy(gone::await)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no session gone");
    assertThat(batches).containsExactly(List.of("s1"), List.of("s2", "gone"));
    assertThat(stored).containsExactly(1L, 2L);
    assertThat(settled).containsExactly("1 stored", "2 stored", "3 failed");
  }

  @Test
  void a_drain_shares_itself_fairly_between_sessions() {
    PendingEvent first = commit.enqueue(event("busy"));
    await().atMost(Duration.ofSeconds(20)).until(() -> batches.size() == 1);
    for (int i = 0; i < GroupCommit.MAX_BATCH; i++) {
      commit.enqueue(event("busy"));
    }
    PendingEvent late = commit.enqueue(event("late"));

    firstDrainMayEnd.countDown();
    late.await();

    // The session that queued after hundreds of another's events is in the very next drain.
    assertThat(batches.get(1)).contains("late").hasSize(GroupCommit.MAX_BATCH);
    assertThat(first.isDone()).isTrue();
  }

  @Test
  void a_commit_that_fails_fails_every_event_of_its_drain_and_the_next_drain_still_runs() {
    firstDrainMayEnd.countDown();
    commitFailure = new IllegalStateException("disk full");
    PendingEvent lost = commit.enqueue(event("s1"));

    assertThatThrownBy(lost::await).hasMessage("disk full");
    commitFailure = null;
    assertThat(commit.enqueue(event("s1")).await().sequence()).isEqualTo(2L);
    assertThat(settled).containsExactly("1 failed", "2 stored");
  }

  @Test
  void events_a_closed_store_refuses_fail_instead_of_waiting_for_ever() {
    GroupCommit closed =
        new GroupCommit(
            (work, whenDone) ->
                whenDone.accept(null, new IllegalStateException("the database is closed")),
            events -> {},
            event -> {},
            pending -> {});

    PendingEvent refused = closed.enqueue(event("s1"));

    assertThat(refused.isDone()).isTrue();
    assertThatThrownBy(refused::await).hasMessage("the database is closed");
  }
}
