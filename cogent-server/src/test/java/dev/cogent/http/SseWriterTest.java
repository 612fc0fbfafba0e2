package dev.cogent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.Json;
import dev.cogent.observability.Metrics;
import dev.cogent.scope.Scope;
import dev.cogent.session.EventLog;
import dev.cogent.session.EventSubscription;
import dev.cogent.session.LoggedEvent;
import dev.cogent.session.RunLog;
import dev.cogent.session.SessionRequests;
import dev.cogent.session.SessionService;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.Agents;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SseWriterTest {

  @TempDir Path dir;
  private Database database;
  private EventLog log;

  /** Runs the commits of events that waited for others to join them. */
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  private String sessionId;
  private final Json json = new Json();

  @BeforeEach
  void open() {
    database =
        Database.open(
            new StoreSettings(dir, DatabaseKind.SQLITE.newDatabaseUrl(dir), null, null, 4));
    MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
    log = new EventLog(database, json, clock, timer);
    sessionId =
        new SessionService(
                database, json, Agents.directory(database, json, clock, dir), s -> List.of(), clock)
            .create(new SessionRequests.Create(null, null, null, null), Scope.GLOBAL)
            .id();
  }

  @AfterEach
  void close() {
    timer.shutdownNow();
    database.close();
  }

  /** Collects what is written; readable from another thread. */
  static final class Sink extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * Events due at instants of a test clock: waiting for the next one moves the clock to it, or by
   * the whole timeout when none is due by then, so silence passes without sleeping.
   */
  private static final class Timeline implements SseWriter.Events {
    private final MutableClock clock;
    private final ArrayDeque<LoggedEvent> due;

    Timeline(MutableClock clock, List<LoggedEvent> events) {
      this.clock = clock;
      this.due = new ArrayDeque<>(events);
    }

    @Override
    public Optional<LoggedEvent> next(Duration timeout) {
      Instant deadline = clock.instant().plus(timeout);
      LoggedEvent event = due.peek();
      if (event == null || event.createdAt().isAfter(deadline)) {
        clock.advance(Duration.between(clock.instant(), deadline));
        return Optional.empty();
      }
      if (event.createdAt().isAfter(clock.instant())) {
        clock.advance(Duration.between(clock.instant(), event.createdAt()));
      }
      return Optional.of(due.poll());
    }
  }

  /** Notes each write with the second of the test clock it happened at. */
  private static final class TimedSink extends OutputStream {
    private final MutableClock clock;
    private final Instant start;
    private final List<String> writes = new ArrayList<>();

    TimedSink(MutableClock clock) {
      this.clock = clock;
      this.start = clock.instant();
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      long second = Duration.between(start, clock.instant()).toSeconds();
      writes.add(second + "s " + new String(b, off, len, StandardCharsets.UTF_8));
    }
  }

  @Test
  void writes_a_keep_alive_after_each_fifteen_seconds_of_silence_counted_from_the_last_event()
      throws IOException {
    MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
    Instant start = clock.instant();
    SseWriter writer = new SseWriter(json, Duration.ofSeconds(15), new Metrics(), clock);
    TimedSink sink = new TimedSink(clock);
    Timeline timeline =
        new Timeline(
            clock,
            List.of(
                new LoggedEvent(
                    1, "s", "run-1", "token", Map.of("content", "Hi"), start.plusSeconds(31)),
                new LoggedEvent(2, "s", "run-1", "done", Map.of(), start.plusSeconds(50))));

    writer.write(sink, timeline, "run-1");

    assertThat(sink.writes)
        .containsExactly(
            "0s retry: 3000\n\n",
            "15s : keep-alive\n\n",
            "30s : keep-alive\n\n",
            "31s id: 1\nevent: token\ndata: {\"content\":\"Hi\"}\n\n",
            // 46, not 45: the token restarted the silence.
            "46s : keep-alive\n\n",
            "50s id: 2\nevent: done\ndata: {}\n\n");
  }

  @Test
  void writes_retry_then_frames_until_the_followed_run_ends() {
    SseWriter writer =
        new SseWriter(
            json, Duration.ofSeconds(15), new Metrics(), MutableClock.at("2026-03-02T12:00:00Z"));
    Sink sink = new Sink();
    CompletableFuture<Void> streaming =
        CompletableFuture.runAsync(
            () -> {
              try (EventSubscription events = log.subscribe(sessionId, 0)) {
                writer.write(sink, events::next, "run-1");
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    try (RunLog run = log.open(sessionId, "run-1", 0);
        RunLog other = log.open(sessionId, "other-run", 0)) {
      run.append("token", Map.of("content", "Hi"));
      other.append("done", Map.of("assistant_data", Map.of()));
      run.append("error", Map.of("code", "ABORTED"));
    }

    assertThat(streaming).succeedsWithin(Duration.ofSeconds(10));
    String text = sink.text();
    assertThat(text).startsWith("retry: 3000\n\n").doesNotContain("keep-alive");
    assertThat(text)
        .contains("id: 1\nevent: token\ndata: {\"content\":\"Hi\"}\n\n")
        .contains("id: 2\nevent: done\n")
        .endsWith("id: 3\nevent: error\ndata: {\"code\":\"ABORTED\"}\n\n");
  }

  @Test
  void stops_at_the_first_failed_write() {
    SseWriter writer =
        new SseWriter(
            json, Duration.ofSeconds(15), new Metrics(), MutableClock.at("2026-03-02T12:00:00Z"));
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("client went away");
          }
        };

    assertThat(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    writer.write(broken, log.subscribe(sessionId, 0)::next, "run-1");
                  } catch (IOException expected) {
                    return;
                  }
                  throw new AssertionError("the write should have failed");
                }))
        .succeedsWithin(Duration.ofSeconds(10));
  }
}
