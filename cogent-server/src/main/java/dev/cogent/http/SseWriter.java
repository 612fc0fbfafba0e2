package dev.cogent.http;

import dev.cogent.Json;
import dev.cogent.observability.Metrics;
import dev.cogent.session.EventSubscription;
import dev.cogent.session.LoggedEvent;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's events as a Server-Sent Events stream, by hand, on the response of any method
 * (Javalin's {@code sse()} only serves GETs that accept {@code text/event-stream}). The stream
 * starts with {@code retry: 3000}; each event is a frame {@code id: <sequence>}, {@code event:
 * <type>}, {@code data: <json>}, flushed as soon as no further event is ready; a {@code :
 * keep-alive} comment goes out once the stream has been silent for the heartbeat interval. Silence
 * is measured from the last thing written, so every flushed batch of events (and every keep-alive)
 * restarts it: a stream that carries events never gets comments. It ends after the followed run's
 * terminal event, or at the first failed write (the client left): the run itself goes on, it does
 * not belong to the stream.
 *
 * <p>Thread-safe: holds no per-stream state.
 */
public final class SseWriter {

  private static final Logger log = LoggerFactory.getLogger(SseWriter.class);

  /** The reconnection delay the stream tells clients, in milliseconds. */
  static final int RETRY_MILLIS = 3000;

  private final Json json;
  private final Duration heartbeat;
  private final Metrics metrics;
  private final InstantSource clock;

  /**
   * @param heartbeat the silence after which a keep-alive comment is written ({@code
   *     server.sse_heartbeat_seconds})
   * @param metrics counts the streams open now
   * @param clock measures the silence; the wait itself is the subscription's
   */
  public SseWriter(Json json, Duration heartbeat, Metrics metrics, InstantSource clock) {
    if (heartbeat.isZero() || heartbeat.isNegative()) {
      throw new IllegalArgumentException("heartbeat must be positive");
    }
    this.json = json;
    this.heartbeat = heartbeat;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** What the writer reads from: an {@link EventSubscription}, or a scripted one in tests. */
  interface Events {
    /** The next event, waiting up to {@code timeout}; empty when none came in time. */
    Optional<LoggedEvent> next(Duration timeout) throws InterruptedException;
  }

  /**
   * Sends the stream's headers on the response and streams {@link #write} to it; closes the
   * subscription when done.
   */
  public void respond(Context ctx, EventSubscription events, String runId) {
    metrics.streamOpened();
    try (events) {
      write(start(ctx), events::next, runId);
    } catch (IOException e) {
      log.debug("SSE client of run {} went away", runId, e);
    } finally {
      metrics.streamClosed();
    }
  }

  /** A stream with nothing left to send: the preamble only, then the end. */
  public void respondEnded(Context ctx) {
    try {
      send(start(ctx), "retry: " + RETRY_MILLIS + "\n\n");
    } catch (IOException e) {
      log.debug("SSE client went away", e);
    }
  }

  private static OutputStream start(Context ctx) throws IOException {
    var response = ctx.res();
    response.setStatus(200);
    response.setContentType("text/event-stream;charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Accel-Buffering", "no");
    return response.getOutputStream();
  }

  /**
   * Writes the events until the terminal event of run {@code runId} (or of any run, when null).
   *
   * @throws IOException when a write fails
   */
  void write(OutputStream out, Events events, String runId) throws IOException {
    send(out, "retry: " + RETRY_MILLIS + "\n\n");
    Instant lastWrite = clock.instant();
    try {
      while (true) {
        Instant now = clock.instant();
        if (now.isBefore(lastWrite)) {
          // The clock was set back: count the silence from now rather than wait past the interval.
          lastWrite = now;
        }
        Duration silence = Duration.between(lastWrite, now);
        if (silence.compareTo(heartbeat) >= 0) {
          send(out, ": keep-alive\n\n");
          lastWrite = clock.instant();
          continue;
        }
        Optional<LoggedEvent> next = events.next(heartbeat.minus(silence));
        if (next.isEmpty()) {
          continue;
        }
        // Frames already published go out in one flush (a reader that fell behind, a replay): a
        // write per frame would cost a system call (and a TCP segment) per token.
        while (next.isPresent()) {
          LoggedEvent event = next.get();
          out.write(frame(event).getBytes(StandardCharsets.UTF_8));
          if (event.isTerminal() && (runId == null || runId.equals(event.runId()))) {
            out.flush();
            return;
          }
          next = events.next(Duration.ZERO);
        }
        out.flush();
        lastWrite = clock.instant();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String frame(LoggedEvent event) {
    // JSON never contains a raw newline, so the data fits on one `data:` line.
    return "id: "
        + event.sequence()
        + "\nevent: "
        + event.event()
        + "\ndata: "
        + json.write(event.data())
        + "\n\n";
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
