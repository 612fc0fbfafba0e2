package dev.cogent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  static final Instant AT = Instant.parse("2026-03-02T12:00:00Z");

  final AtomicLong sequence = new AtomicLong();
  final List<List<String>> batches = new CopyOnWriteArrayList<>();
  final List<Long> published = new CopyOnWriteArrayList<>();
  final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);

  static GroupCommit.Append append(String sessionId) {
    return new GroupCommit.Append(sessionId, "run", "token", Map.of(), AT);
  }

  LoggedEvent store(GroupCommit.Append append) {
    if (append.sessionId().equals("gone")) {
      throw new IllegalStateException("no session gone");
    }
    return new LoggedEvent(
        sequence.incrementAndGet(), append.sessionId(), "run", "token", Map.of(), AT);
  }

  final GroupCommit commit =
      new GroupCommit(
          appends -> {
            batches.add(appends.stream().map(GroupCommit.Append::sessionId).toList());
            if (batches.size() == 1) {
              try {
                firstWriteMayEnd.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return appends.stream().map(this::store).toList();
          },
          this::store,
          event -> published.add(event.sequence()),
          (queued, next) -> null);

  @Test
  void a_lone_append_is_stored_and_published_before_it_returns() {
    firstWriteMayEnd.countDown();

    LoggedEvent event = commit.append(append("s1"));

    assertThat(event.sessionId()).isEqualTo("s1");
    assertThat(published).containsExactly(event.sequence());
    assertThat(batches).containsExactly(List.of("s1"));
  }

  @Test
  void appends_arriving_during_a_write_go_in_the_next_batch_and_a_bad_one_fails_alone()
      throws Exception {
    CompletableFuture<LoggedEvent> first =
        CompletableFuture.supplyAsync(() -> commit.append(append("s1")));
    await().atMost(Duration.ofSeconds(20)).until(() -> batches.size() == 1);
    CompletableFuture<LoggedEvent> second =
        CompletableFuture.supplyAsync(() -> commit.append(append("s2")));
    CompletableFuture<LoggedEvent> gone =
        CompletableFuture.supplyAsync(() -> commit.append(append("gone")));
    await().atMost(Duration.ofSeconds(20)).until(() -> commit.queued() == 2);

    firstWriteMayEnd.countDown();

    assertThat(first.get(20, TimeUnit.SECONDS).sessionId()).isEqualTo("s1");
    assertThat(second.get(20, TimeUnit.SECONDS).sessionId()).isEqualTo("s2");
    assertThatThrownBy(() -> gone.get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("no session gone");
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1)).containsExactlyInAnyOrder("s2", "gone");
    // Only the stored events are published, in order.
    assertThat(published).containsExactly(1L, second.get().sequence());
  }

  @Test
  void a_lone_queued_append_is_written_by_the_thread_that_queues_it() {
    firstWriteMayEnd.countDown();

    PendingEvent pending = commit.enqueue(append("s1"), true);

    assertThat(pending.isDone()).isTrue();
    assertThat(pending.await().sessionId()).isEqualTo("s1");
    assertThat(published).containsExactly(1L);
  }

  @Test
  void appends_queued_during_a_write_return_at_once_and_the_writer_stores_them_in_order()
      throws Exception {
    CompletableFuture<LoggedEvent> first =
        CompletableFuture.supplyAsync(() -> commit.append(append("s1")));
    await().atMost(Duration.ofSeconds(20)).until(() -> batches.size() == 1);

    PendingEvent second = commit.enqueue(append("s1"), true);
    PendingEvent third = commit.enqueue(append("s2"), true);

    assertThat(second.isDone()).isFalse();
    assertThat(commit.queued()).isEqualTo(2);
    firstWriteMayEnd.countDown();
    // Nobody waits for them: the writer of the first batch goes on and writes them.
    await().atMost(Duration.ofSeconds(20)).until(third::isDone);
    assertThat(first.get(20, TimeUnit.SECONDS).sequence()).isEqualTo(1);
    assertThat(second.await().sequence()).isEqualTo(2);
    assertThat(third.await().sequence()).isEqualTo(3);
    assertThat(batches).containsExactly(List.of("s1"), List.of("s1", "s2"));
    assertThat(published).containsExactly(1L, 2L, 3L);
  }
}
