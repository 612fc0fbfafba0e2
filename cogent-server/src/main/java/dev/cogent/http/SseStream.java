package dev.cogent.http;

import dev.cogent.session.EventSubscription;
import dev.cogent.session.LoggedEvent;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Server-Sent Events response, written without a thread of its own: whichever thread has news
 * for it writes, non-blocking. A run's thread that publishes an event writes its frame (so a token
 * reaches the socket without another thread's wake-up in between); the container's thread writes
 * when a client that fell behind can take more; the heartbeat timer writes the keep-alive comment.
 * A client that reads slowly therefore never holds up the run: its events wait in its subscription
 * (and past that bound, in the store) until its socket takes them.
 *
 * <p>The stream starts with {@code retry: 3000}; each event is a frame {@code id: <sequence>},
 * {@code event: <type>}, {@code data: <json>}, flushed as soon as no further event is ready; a
 * {@code : keep-alive} comment goes out once the stream has been silent for the heartbeat interval,
 * silence being counted from the last flush, so a stream that carries events never gets comments.
 * It ends after the followed run's terminal event, or at the first failed write (the client left):
 * the run goes on, it does not belong to the stream.
 *
 * <p>Thread-safe: every signal ({@link #signal}) may come from any thread; the writing itself is
 * done by one thread at a time, the one that found the stream idle, which goes on until nothing is
 * left or the socket takes no more (the container then calls {@link #onWritePossible}).
 */
final class SseStream implements WriteListener {

  private static final Logger log = LoggerFactory.getLogger(SseStream.class);

  private static final byte[] RETRY = SseWriter.PREAMBLE.getBytes(StandardCharsets.UTF_8);
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

  /** What the stream reads: a polled subscription. */
  interface Events extends AutoCloseable {
    /** The next event if there is one now; never waits. */
    Optional<LoggedEvent> poll();

    /** The stream ended: stop following the log. */
    @Override
    void close();

    /** A subscription to a session's log, read by polling. */
    static Events polling(EventSubscription subscription) {
      return new Events() {
        @Override
        public Optional<LoggedEvent> poll() {
          return subscription.poll();
        }

        @Override
        public void close() {
          subscription.close();
        }
      };
    }
  }

  /** Runs a task after a delay, once; the result cancels it. */
  interface Timer {
    Runnable schedule(Duration delay, Runnable task);
  }

  private final ServletOutputStream out;
  private final Events events;
  private final String runId;
  private final Function<LoggedEvent, String> frame;
  private final Duration heartbeat;
  private final InstantSource clock;
  private final Timer timer;
  private final Runnable onEnd;

  /** Signals not yet handled; the thread that raises it from zero writes until it is zero again. */
  private final AtomicInteger signals = new AtomicInteger();

  private volatile boolean failed;
  private volatile boolean keepAliveDue;
  private volatile Instant lastFlush;
  private volatile Runnable cancelHeartbeat = () -> {};

  // Written only by the writing thread.
  private boolean started;
  private boolean unflushed;
  private boolean terminalWritten;
  private volatile boolean ended;

  /**
   * @param frame the text of an event's frame
   * @param runId the run whose terminal event ends the stream; null for any run's
   * @param onEnd runs once, on the thread that ends the stream
   */
  SseStream(
      ServletOutputStream out,
      Events events,
      String runId,
      Function<LoggedEvent, String> frame,
      Duration heartbeat,
      InstantSource clock,
      Timer timer,
      Runnable onEnd) {
    this.out = out;
    this.events = events;
    this.runId = runId;
    this.frame = frame;
    this.heartbeat = heartbeat;
    this.clock = clock;
    this.timer = timer;
    this.onEnd = onEnd;
    this.lastFlush = clock.instant();
  }

  /**
   * Starts the heartbeat; the writing starts at the first {@link #signal} (the container's first
   * {@link #onWritePossible}, or an event).
   */
  void start() {
    scheduleHeartbeat(heartbeat);
  }

  /** Something may be ready to write: an event, room on the socket, a keep-alive, a failure. */
  void signal() {
    if (signals.getAndIncrement() != 0) {
      return;
    }
    int handled = 1;
    do {
      write();
      handled = signals.addAndGet(-handled);
    } while (handled != 0);
  }

  @Override
  public void onWritePossible() {
    signal();
  }

  @Override
  public void onError(Throwable failure) {
    log.debug("SSE client of run {} went away", runId, failure);
    fail();
  }

  /** The response failed or the client left: the stream ends without writing more. */
  void fail() {
    failed = true;
    signal();
  }

  private void write() {
    if (ended) {
      return;
    }
    if (failed) {
      end();
      return;
    }
    try {
      writeWhileReady();
    } catch (IOException e) {
      log.debug("SSE client of run {} went away", runId, e);
      end();
    } catch (RuntimeException e) {
      // Never the publishing run's problem: the stream ends, the run goes on.
      log.warn("The SSE stream of run {} failed", runId, e);
      end();
    }
  }

  private void writeWhileReady() throws IOException {
    while (out.isReady()) {
      if (!started) {
        started = true;
        send(RETRY);
      } else if (terminalWritten) {
        if (unflushed) {
          flush();
        } else {
          end();
          return;
        }
      } else if (keepAliveDue) {
        keepAliveDue = false;
        // Events may have gone out since the timer looked: then the stream is not silent.
        if (silence().compareTo(heartbeat) >= 0) {
          send(KEEP_ALIVE);
        }
      } else {
        Optional<LoggedEvent> next = events.poll();
        if (next.isPresent()) {
          LoggedEvent event = next.get();
          send(frame.apply(event).getBytes(StandardCharsets.UTF_8));
          terminalWritten = event.isTerminal() && (runId == null || runId.equals(event.runId()));
        } else if (unflushed) {
          // Frames already published went out together: a flush per frame would cost a system
          // call (and a TCP segment) per token of a reader that fell behind.
          flush();
        } else {
          return;
        }
      }
    }
  }

  private void send(byte[] bytes) throws IOException {
    out.write(bytes);
    unflushed = true;
  }

  private void flush() throws IOException {
    unflushed = false;
    out.flush();
    lastFlush = clock.instant();
  }

  private void end() {
    ended = true;
    cancelHeartbeat.run();
    try {
      events.close();
    } finally {
      onEnd.run();
    }
  }

  /** How long since the last flush; a clock set back counts as none, not as a long wait. */
  private Duration silence() {
    Duration silence = Duration.between(lastFlush, clock.instant());
    return silence.isNegative() ? Duration.ZERO : silence;
  }

  /**
   * Checks the silence after {@code delay}: past the heartbeat interval a keep-alive is due, else
   * the check comes again when it would be.
   */
  private void scheduleHeartbeat(Duration delay) {
    cancelHeartbeat =
        timer.schedule(
            delay,
            () -> {
              if (ended || failed) {
                return;
              }
              Duration silence = silence();
              if (silence.compareTo(heartbeat) >= 0) {
                keepAliveDue = true;
                scheduleHeartbeat(heartbeat);
                signal();
              } else {
                scheduleHeartbeat(heartbeat.minus(silence));
              }
            });
  }
}
