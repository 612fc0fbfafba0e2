package dev.cogent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cogent.testing.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  /** The timers and the clock the waits are measured on; time moves when a test elapses it. */
  final ManualScheduler scheduler = new ManualScheduler();

  final GroupCommit.Timer timer =
      (delay, task) -> scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);

  final GroupCommit commit =
      new GroupCommit(
          writer,
          timer,
          scheduler::nanoTime,
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

  /** Moves the clock on by {@code time} and runs the timers due by then. */
  void elapse(Duration time) {
    scheduler.advance(time);
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
    elapse(GroupCommit.MAX_WAIT);
    await().atMost(Duration.ofSeconds(20)).until(() -> batches.size() == 1);
    PendingEvent second = commit.enqueue(event("s2"));
    PendingEvent gone = commit.enqueue(event("gone"));
    assertThat(commit.queued()).isEqualTo(2);
    // Both have waited long enough by the time the drain in progress is done.
    elapse(GroupCommit.MAX_WAIT);

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
    elapse(GroupCommit.MAX_WAIT);
    await().atMost(Duration.ofSeconds(20)).until(() -> batches.size() == 1);
    for (int i = 0; i < GroupCommit.MAX_BATCH; i++) {
      commit.enqueue(event("busy"));
    }
    PendingEvent late = commit.enqueue(event("late"));
    elapse(GroupCommit.MAX_WAIT);

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
            timer,
            scheduler::nanoTime,
            events -> {},
            event -> {},
            pending -> {});
    PendingEvent refused = closed.enqueue(event("s1"));
    PendingEvent other = closed.enqueue(event("s2"));

    assertThatThrownBy(refused::await).hasMessage("the database is closed");
    // Nothing queued is worth waiting for once the store refused a drain.
    assertThat(other.isDone()).isTrue();
    assertThatThrownBy(closed.enqueue(event("s3"))::await).hasMessage("the database is closed");
  }

  @Test
  void a_session_s_events_wait_until_enough_of_them_are_queued_and_go_in_one_drain() {
    firstDrainMayEnd.countDown();
    List<PendingEvent> gathered = new ArrayList<>();
    for (int i = 0; i < GroupCommit.GATHER - 1; i++) {
      gathered.add(commit.enqueue(event("s1")));
    }
    commit.enqueue(event("s2"));
    assertThat(batches).isEmpty();
    assertThat(commit.queued()).isEqualTo(GroupCommit.GATHER);

    gathered.add(commit.enqueue(event("s1")));

    await().atMost(Duration.ofSeconds(20)).until(() -> batches.size() == 1);
    assertThat(batches.get(0)).hasSize(GroupCommit.GATHER).containsOnly("s1");
    assertThat(gathered).allMatch(PendingEvent::isDone);
    // The other session's one event goes on waiting for company.
    assertThat(commit.queued()).isEqualTo(1);
  }

  @Test
  void an_event_nobody_waits_for_is_committed_once_it_waited_long_enough() {
    firstDrainMayEnd.countDown();
    PendingEvent lonely = commit.enqueue(event("s1"));
    elapse(GroupCommit.MAX_WAIT.dividedBy(2));
    PendingEvent later = commit.enqueue(event("s2"));

    elapse(GroupCommit.MAX_WAIT.dividedBy(2).minusNanos(1));
    assertThat(batches).isEmpty();
    elapse(Duration.ofNanos(1));

    await().atMost(Duration.ofSeconds(20)).until(lonely::isDone);
    assertThat(batches).containsExactly(List.of("s1"));
    assertThat(later.isDone()).isFalse();
    // The timer is set again, for the event still queued.
    await().atMost(Duration.ofSeconds(20)).until(() -> scheduler.pending() == 1);
    elapse(GroupCommit.MAX_WAIT.dividedBy(2));
    await().atMost(Duration.ofSeconds(20)).until(later::isDone);
    assertThat(batches).containsExactly(List.of("s1"), List.of("s2"));
  }

  @Test
  void waiting_for_an_event_drains_its_session_at_once_and_no_other() {
    firstDrainMayEnd.countDown();
    commit.enqueue(event("s1"));
    PendingEvent mine = commit.enqueue(event("s2"));
    PendingEvent next = commit.enqueue(event("s2"));

    assertThat(mine.await().sessionId()).isEqualTo("s2");

    assertThat(batches).containsExactly(List.of("s2", "s2"));
    assertThat(next.isDone()).isTrue();
    assertThat(commit.queued()).isEqualTo(1);
  }

  @Test
  void a_flush_commits_everything_at_once_and_later_events_too() {
    firstDrainMayEnd.countDown();
    PendingEvent first = commit.enqueue(event("s1"));
    PendingEvent second = commit.enqueue(event("s2"));

    assertThat(commit.flush(Duration.ofSeconds(20))).isTrue();

    assertThat(first.isDone()).isTrue();
    assertThat(second.isDone()).isTrue();
    PendingEvent after = commit.enqueue(event("s1"));
    await().atMost(Duration.ofSeconds(20)).until(after::isDone);
    assertThat(stored).containsExactly(1L, 2L, 3L);
  }

  @Test
  void once_the_timer_refuses_events_are_committed_at_once() {
    firstDrainMayEnd.countDown();
    scheduler.shutdownNow();

    PendingEvent pending = commit.enqueue(event("s1"));

    await().atMost(Duration.ofSeconds(20)).until(pending::isDone);
    assertThat(settled).containsExactly("1 stored");
  }
}
