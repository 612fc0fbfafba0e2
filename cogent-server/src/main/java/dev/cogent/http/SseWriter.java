package dev.cogent.http;

import dev.cogent.Json;
import dev.cogent.observability.Metrics;
import dev.cogent.session.EventSubscription;
import dev.cogent.session.LoggedEvent;
import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request with a run's events as a Server-Sent Events stream, by hand, on the response of
 * any method (Javalin's {@code sse()} only serves GETs that accept {@code text/event-stream}). The
 * request goes asynchronous: no thread waits for the stream's events, each is written by the thread
 * that publishes it ({@link SseStream} says how, and what the stream looks like). The request ends,
 * and is logged, when the stream does.
 *
 * <p>Thread-safe: holds no per-stream state.
 */
public final class SseWriter {

  private static final Logger log = LoggerFactory.getLogger(SseWriter.class);

  /** The reconnection delay the stream tells clients, in milliseconds. */
  private static final int RETRY_MILLIS = 3000;

  /** What every stream starts with. */
  static final String PREAMBLE = "retry: " + RETRY_MILLIS + "\n\n";

  private final Json json;
  private final Duration heartbeat;
  private final Metrics metrics;
  private final InstantSource clock;
  private final SseStream.Timer timer;

  /**
   * @param heartbeat the silence after which a keep-alive comment is written ({@code
   *     server.sse_heartbeat_seconds})
   * @param metrics counts the streams open now
   * @param clock measures the silence
   * @param timer checks the silence of each stream (keep-alives are written on its thread)
   */
  public SseWriter(
      Json json,
      Duration heartbeat,
      Metrics metrics,
      InstantSource clock,
      ScheduledExecutorService timer) {
    if (heartbeat.isZero() || heartbeat.isNegative()) {
      throw new IllegalArgumentException("heartbeat must be positive");
    }
    this.json = json;
    this.heartbeat = heartbeat;
    this.metrics = metrics;
    this.clock = clock;
    this.timer =
        (delay, task) -> {
          ScheduledFuture<?> scheduled =
              timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
          return () -> scheduled.cancel(false);
        };
  }

  /**
   * Streams the events of {@code events} until the terminal event of run {@code runId}, after the
   * handler returns; closes the subscription when done.
   */
  public void respond(Context ctx, EventSubscription events, String runId) {
    ctx.future(
        () -> {
          // Runs once the request is asynchronous, still on the handler's thread.
          CompletableFuture<Void> done = new CompletableFuture<>();
          metrics.streamOpened();
          try {
            AsyncContext async = ctx.req().getAsyncContext();
            ServletOutputStream out = start(ctx);
            SseStream stream =
                new SseStream(
                    out,
                    SseStream.Events.polling(events),
                    runId,
                    this::frame,
                    heartbeat,
                    clock,
                    timer,
                    () -> {
                      metrics.streamClosed();
                      finishOnContainerThread(ctx, async, done);
                    });
            async.addListener(new Failures(stream));
            out.setWriteListener(stream);
            stream.start();
            events.onLive(stream::signal);
            // An event published before the listener was in place has had no wake-up of its own.
            stream.signal();
          } catch (IOException e) {
            abandon(events);
            throw new UncheckedIOException(e);
          } catch (RuntimeException e) {
            abandon(events);
            throw e;
          } finally {
            RequestObservation.detach(ctx);
            RequestIds.leave();
          }
          return done;
        });
  }

  /** The stream could not be set up: nothing follows the log for it. */
  private void abandon(EventSubscription events) {
    events.close();
    metrics.streamClosed();
  }

  /** A stream with nothing left to send: the preamble only, then the end. */
  public void respondEnded(Context ctx) {
    try {
      var out = start(ctx);
      out.write(PREAMBLE.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      log.debug("SSE client went away", e);
    }
  }

  private static ServletOutputStream start(Context ctx) throws IOException {
    var response = ctx.res();
    response.setStatus(200);
    response.setContentType("text/event-stream;charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Accel-Buffering", "no");
    return response.getOutputStream();
  }

  /**
   * Ends the request on a thread of the container, named in the MDC by the request's id: the end
   * runs the request's after-handlers and access log, which belong to no run's thread.
   */
  private static void finishOnContainerThread(
      Context ctx, AsyncContext async, CompletableFuture<Void> done) {
    try {
      async.start(
          () -> {
            RequestIds.resumeOn(ctx);
            done.complete(null);
          });
    } catch (IllegalStateException e) {
      // The response already completed (the container gave up on it): end here.
      done.complete(null);
    }
  }

  /**
   * Ends the stream when the container reports that the response failed, timed out or completed
   * (the client left while nothing was being written, or the server is stopping).
   */
  private record Failures(SseStream stream) implements AsyncListener {
    @Override
    public void onError(AsyncEvent event) {
      stream.fail();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      stream.fail();
    }

    @Override
    public void onComplete(AsyncEvent event) {
      stream.fail();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }

  String frame(LoggedEvent event) {
    // JSON never contains a raw newline, so the data fits on one `data:` line.
    return "id: "
        + event.sequence()
        + "\nevent: "
        + event.event()
        + "\ndata: "
        + event.dataJson(json)
        + "\n\n";
  }
}
