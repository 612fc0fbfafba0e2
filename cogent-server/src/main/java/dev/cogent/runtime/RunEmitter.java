package dev.cogent.runtime;

import dev.cogent.ErrorCode;
import dev.cogent.session.LoggedEvent;
import dev.cogent.session.RunCheckpoints;
import dev.cogent.session.RunError;
import dev.cogent.session.RunLog;
import dev.cogent.session.RunService;
import dev.cogent.session.RunStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the events of one run to its {@link RunLog} and guarantees its one terminal event: after
 * {@code done}, {@code error} or {@code interrupt} every further event is dropped and the log is
 * closed. A run paused at an {@code interrupt} continues later with a new emitter. Thread-safe (a
 * model may stream tokens from its own thread).
 *
 * <p>Non-terminal events are published at once and committed in the background, so a streaming run
 * is not held up token by token; the terminal event is written only after all of them are
 * committed, so it is always the run's last event in the log.
 */
final class RunEmitter {

  private static final Logger log = LoggerFactory.getLogger(RunEmitter.class);

  private final RunLog events;
  private final RunService runs;
  private final RunCheckpoints checkpoints;
  private final CompletableFuture<Void> started;
  private final ReentrantLock lock = new ReentrantLock();
  private LoggedEvent terminal;
  private boolean ended;

  /**
   * @param started completes once the run's start is stored ({@link RunService.Started#stored});
   *     the run ends only after that, and without touching the store when it failed
   */
  RunEmitter(
      RunLog events, RunService runs, RunCheckpoints checkpoints, CompletableFuture<Void> started) {
    this.events = events;
    this.runs = runs;
    this.checkpoints = checkpoints;
    this.started = started;
  }

  String sessionId() {
    return events.sessionId();
  }

  String runId() {
    return events.runId();
  }

  /**
   * Appends a non-terminal event, unless the run has ended.
   *
   * @throws RuntimeException when an earlier event of the run could not be stored
   */
  void emit(String type, Map<String, Object> payload) {
    lock.lock();
    try {
      if (!ended) {
        events.append(type, payload);
      }
    } finally {
      lock.unlock();
    }
  }

  void status(String status) {
    emit("status", Map.of("status", status));
  }

  /** Ends the run with {@code done}. */
  void complete(Map<String, Object> donePayload, String assistantMessageId) {
    end(RunStatus.COMPLETED, "done", donePayload, null, assistantMessageId);
  }

  /** Ends the run with {@code error}. */
  void fail(RunError error) {
    end(RunStatus.FAILED, "error", errorPayload(error), error, null);
  }

  /** Ends an aborted run: {@code status: cancelled}, then {@code error} with code ABORTED. */
  void abort() {
    status("cancelled");
    RunError error = new RunError(ErrorCode.ABORTED, "Operation aborted");
    end(RunStatus.ABORTED, "error", errorPayload(error), error, null);
  }

  /**
   * Pauses the run for a human: stores {@code state} and ends this stream with {@code interrupt}
   * (see {@link RunCheckpoints#pause}). Nothing happens when the run has already ended.
   */
  void interrupt(String state, Map<String, Object> payload) {
    lock.lock();
    try {
      if (ended) {
        return;
      }
      ended = true;
      terminal = checkpoints.pause(events, state, payload).orElse(null);
      events.close();
    } catch (RuntimeException e) {
      // Not paused: let the caller end the run with an error instead of leaving it running.
      ended = false;
      log.warn("Could not pause run {} of session {}", runId(), sessionId(), e);
    } finally {
      lock.unlock();
    }
  }

  boolean hasEnded() {
    lock.lock();
    try {
      return ended;
    } finally {
      lock.unlock();
    }
  }

  /** The terminal event this emitter wrote, if it wrote one. */
  Optional<LoggedEvent> terminal() {
    lock.lock();
    try {
      return Optional.ofNullable(terminal);
    } finally {
      lock.unlock();
    }
  }

  private void end(
      RunStatus status,
      String type,
      Map<String, Object> payload,
      RunError error,
      String assistantMessageId) {
    lock.lock();
    try {
      if (ended) {
        return;
      }
      ended = true;
      if (startFailed()) {
        RunError unstored =
            new RunError(
                ErrorCode.STREAMING_ERROR,
                "The message could not be stored, so the run was stopped; send it again");
        terminal = events.endUnstored("error", errorPayload(unstored));
        return;
      }
      terminal = runs.finish(events, status, type, payload, error, assistantMessageId).orElse(null);
    } catch (RuntimeException e) {
      // The session was deleted under the run, or the store failed: nothing left to tell.
      log.warn("Could not end run {} of session {} with {}", runId(), sessionId(), type, e);
    } finally {
      events.close();
      lock.unlock();
    }
  }

  /** Waits until the run's start is settled; whether it failed (and nothing of it is stored). */
  private boolean startFailed() {
    try {
      started.join();
      return false;
    } catch (CompletionException | CancellationException e) {
      return true;
    }
  }

  static Map<String, Object> errorPayload(RunError error) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("message", error.message());
    payload.put("code", error.code().name());
    return payload;
  }
}
