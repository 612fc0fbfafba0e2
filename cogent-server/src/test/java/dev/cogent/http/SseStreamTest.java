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
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SseStreamTest {

  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  @TempDir Path dir;
  private Database database;
  private EventLog log;

  /** Runs the commits of events that waited for others to join them. */
  private final ScheduledExecutorService commits = Executors.newSingleThreadScheduledExecutor();

  private String sessionId;
  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private final Instant start = clock.instant();
  private final SseWriter writer =
      new SseWriter(new Json(), HEARTBEAT, new Metrics(), clock, commits);
  private final ManualTimer timer = new ManualTimer();
  private final Output out = new Output();
  private int ends;

  @BeforeEach
  void open() {
    Json json = new Json();
    database =
        Database.open(
            new StoreSettings(dir, DatabaseKind.SQLITE.newDatabaseUrl(dir), null, null, 4));
    log = new EventLog(database, json, clock, commits);
    sessionId =
        new SessionService(
                database, json, Agents.directory(database, json, clock, dir), s -> List.of(), clock)
            .create(new SessionRequests.Create(null, null, null, null), Scope.GLOBAL)
            .id();
  }

  @AfterEach
  void close() {
    commits.shutdownNow();
    database.close();
  }

  /**
   * A response's output in asynchronous mode: takes writes while {@link #ready}, and notes what
   * each flush sent with the second of the test clock it happened at.
   */
  private final class Output extends ServletOutputStream {
    final List<String> flushes = new ArrayList<>();
    private final StringBuilder sent = new StringBuilder();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    boolean ready = true;
    boolean readyAfterFlush = true;
    boolean broken;

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public void setWriteListener(WriteListener listener) {}

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (broken) {
        throw new IOException("client went away");
      }
      if (!ready) {
        throw new IllegalStateException("written while not ready");
      }
      buffer.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      if (broken) {
        throw new IOException("client went away");
      }
      String text = buffer.toString(StandardCharsets.UTF_8);
      flushes.add(Duration.between(start, clock.instant()).toSeconds() + "s " + text);
      sent.append(text);
      buffer.reset();
      ready = readyAfterFlush;
    }

    /** Everything flushed, in order. */
    String text() {
      return sent.toString();
    }
  }

  /** Tasks due at instants of the test clock, run as the test moves the clock past them. */
  private final class ManualTimer implements SseStream.Timer {
    private record Due(Instant at, Runnable task, boolean[] cancelled) {}

    private final List<Due> due = new ArrayList<>();

    @Override
    public Runnable schedule(Duration delay, Runnable task) {
      boolean[] cancelled = {false};
      due.add(new Due(clock.instant().plus(delay), task, cancelled));
      return () -> cancelled[0] = true;
    }

    /** Moves the clock to {@code second} after the start, running each task as it falls due. */
    void advanceTo(long second) {
      Instant target = start.plusSeconds(second);
      while (true) {
        Optional<Due> next =
            due.stream().filter(d -> !d.at().isAfter(target)).min(Comparator.comparing(Due::at));
        if (next.isEmpty()) {
          break;
        }
        due.remove(next.get());
        if (next.get().at().isAfter(clock.instant())) {
          clock.advance(Duration.between(clock.instant(), next.get().at()));
        }
        if (!next.get().cancelled()[0]) {
          next.get().task().run();
        }
      }
      clock.advance(Duration.between(clock.instant(), target));
    }

    long pending() {
      return due.stream().filter(d -> !d.cancelled()[0]).count();
    }
  }

  /** Events a test hands to the stream itself. */
  private static final class Queue implements SseStream.Events {
    final ArrayDeque<LoggedEvent> events = new ArrayDeque<>();
    boolean closed;

    @Override
    public Optional<LoggedEvent> poll() {
      return Optional.ofNullable(events.poll());
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private SseStream stream(SseStream.Events events, String runId) {
    SseStream stream =
        new SseStream(out, events, runId, writer::frame, HEARTBEAT, clock, timer, () -> ends++);
    stream.start();
    stream.onWritePossible();
    return stream;
  }

  private LoggedEvent event(long sequence, String type, Map<String, Object> data) {
    return new LoggedEvent(sequence, "s", "run-1", type, data, clock.instant());
  }

  @Test
  void writes_a_keep_alive_after_each_fifteen_seconds_of_silence_counted_from_the_last_event() {
    Queue events = new Queue();
    SseStream stream = stream(events, "run-1");

    timer.advanceTo(31);
    events.events.add(event(1, "token", Map.of("content", "Hi")));
    stream.signal();
    timer.advanceTo(50);
    events.events.add(event(2, "done", Map.of()));
    stream.signal();
    timer.advanceTo(100);

    assertThat(out.flushes)
        .containsExactly(
            "0s retry: 3000\n\n",
            "15s : keep-alive\n\n",
            "30s : keep-alive\n\n",
            "31s id: 1\nevent: token\ndata: {\"content\":\"Hi\"}\n\n",
            // 46, not 45: the token restarted the silence.
            "46s : keep-alive\n\n",
            "50s id: 2\nevent: done\ndata: {}\n\n");
    assertThat(ends).isEqualTo(1);
    assertThat(events.closed).isTrue();
    assertThat(timer.pending()).isZero();
  }

  @Test
  void a_published_event_is_written_and_flushed_by_the_publishing_thread_until_the_run_ends() {
    EventSubscription subscription = log.subscribe(sessionId, 0);
    SseStream stream = stream(SseStream.Events.polling(subscription), "run-1");
    subscription.onLive(stream::signal);

    try (RunLog run = log.open(sessionId, "run-1", 0);
        RunLog other = log.open(sessionId, "other-run", 0)) {
      run.append("token", Map.of("content", "Hi"));
      // No other thread is involved: the frame is on the socket when append returns.
      assertThat(out.text()).endsWith("id: 1\nevent: token\ndata: {\"content\":\"Hi\"}\n\n");

      other.append("done", Map.of("assistant_data", Map.of()));
      assertThat(ends).as("another run's end does not end the stream").isZero();

      run.append("error", Map.of("code", "ABORTED"));
    }

    assertThat(out.text())
        .startsWith("retry: 3000\n\n")
        .contains("id: 2\nevent: done\n")
        .endsWith("id: 3\nevent: error\ndata: {\"code\":\"ABORTED\"}\n\n")
        .doesNotContain("keep-alive");
    assertThat(ends).isEqualTo(1);
  }

  @Test
  void events_a_full_socket_cannot_take_wait_and_then_go_out_together_in_one_flush() {
    Queue events = new Queue();
    SseStream stream = stream(events, "run-1");
    out.ready = false;

    events.events.add(event(1, "token", Map.of("content", "a")));
    stream.signal();
    events.events.add(event(2, "token", Map.of("content", "b")));
    stream.signal();
    assertThat(out.flushes).containsExactly("0s retry: 3000\n\n");
    assertThat(events.events).hasSize(2);

    out.ready = true;
    stream.onWritePossible();

    assertThat(out.flushes)
        .containsExactly(
            "0s retry: 3000\n\n",
            "0s id: 1\nevent: token\ndata: {\"content\":\"a\"}\n\n"
                + "id: 2\nevent: token\ndata: {\"content\":\"b\"}\n\n");
  }

  @Test
  void the_stream_ends_once_its_terminal_frame_is_flushed_and_not_before() {
    Queue events = new Queue();
    SseStream stream = stream(events, "run-1");
    events.events.add(event(1, "done", Map.of()));
    // The flush is taken but not complete: the socket is full until the container says otherwise.
    out.readyAfterFlush = false;

    stream.signal();
    assertThat(out.text()).endsWith("id: 1\nevent: done\ndata: {}\n\n");
    assertThat(ends).isZero();
    assertThat(events.closed).isFalse();

    out.ready = true;
    stream.onWritePossible();
    assertThat(ends).isEqualTo(1);
    assertThat(events.closed).isTrue();
  }

  @Test
  void a_failed_write_ends_the_stream_and_leaves_the_publishing_run_alone() {
    EventSubscription subscription = log.subscribe(sessionId, 0);
    SseStream stream = stream(SseStream.Events.polling(subscription), "run-1");
    subscription.onLive(stream::signal);
    out.broken = true;

    try (RunLog run = log.open(sessionId, "run-1", 0)) {
      run.append("token", Map.of("content", "Hi"));
      run.append("token", Map.of("content", " there"));
    }

    assertThat(ends).isEqualTo(1);
    assertThat(out.text()).isEqualTo("retry: 3000\n\n");
    assertThat(log.readAfter(sessionId, 0, 10)).hasSize(2);
  }

  @Test
  void a_failure_the_container_reports_ends_the_stream_once() {
    Queue events = new Queue();
    SseStream stream = stream(events, "run-1");

    stream.onError(new IOException("connection reset"));
    stream.fail();
    events.events.add(event(1, "token", Map.of("content", "late")));
    stream.signal();
    timer.advanceTo(60);

    assertThat(ends).isEqualTo(1);
    assertThat(events.closed).isTrue();
    assertThat(out.flushes).containsExactly("0s retry: 3000\n\n");
  }
}
