package dev.cogent.runtime;

import dev.cogent.ErrorCode;
import dev.cogent.session.EventLog;
import dev.cogent.session.LoggedEvent;
import dev.cogent.session.PendingEvent;
import dev.cogent.session.RunCheckpoints;
import dev.cogent.session.RunError;
import dev.cogent.session.RunService;
import dev.cogent.session.RunStatus;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the events of one run to the log and guarantees its one terminal event: after {@code
 * done}, {@code error} or {@code interrupt} every further event is dropped. A run paused at an
 * {@code interrupt} continues later with a new emitter. Thread-safe (a model may stream tokens from
 * its own thread).
 *
 * <p>Non-terminal events are handed to the log without waiting for each commit ({@link
 * EventLog#appendLater}), so a streaming run is not held up token by token; at most {@link
 * #MAX_UNCOMMITTED} may be on their way at once, and the terminal event is written only after all
 * of them are committed, so it is always the run's last event in the log.
 */
final class RunEmitter {

  private static final Logger log = LoggerFactory.getLogger(RunEmitter.class);

  /** Events of the run handed to the log but not yet known to be committed, at most. */
  static final int MAX_UNCOMMITTED = 64;

  private final EventLog events;
  private final RunService runs;
  private final RunCheckpoints checkpoints;
  private final String sessionId;
  private final String runId;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<PendingEvent> uncommitted = new ArrayDeque<>();
  private LoggedEvent terminal;
  private boolean ended;

  RunEmitter(
      EventLog events,
      RunService runs,
      RunCheckpoints checkpoints,
      String sessionId,
      String runId) {
    this.events = events;
    this.runs = runs;
    this.checkpoints = checkpoints;
    this.sessionId = sessionId;
    this.runId = runId;
  }

  String sessionId() {
    return sessionId;
  }

  String runId() {
    return runId;
  }

  /** Appends a non-terminal event, unless the run has ended. */
  void emit(String type, Map<String, Object> payload) {
    lock.lock();
    try {
      if (!ended) {
        PendingEvent pending = events.appendLater(sessionId, runId, type, payload);
        if (uncommitted.peekLast() != pending) {
          // Not merged into the event handed over before it.
          uncommitted.add(pending);
        }
        // Committed ones are dropped (a failure surfaces here, as it did when each append waited);
        // past the bound the run waits for its oldest.
        while (!uncommitted.isEmpty()
            && (uncommitted.peekFirst().isDone() || uncommitted.size() > MAX_UNCOMMITTED)) {
          uncommitted.pollFirst().await();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until every event handed to the log is committed (the log commits a session's events in
   * order, so the newest is enough); a failed one is not retried, the terminal event still follows.
   */
  private void settle() {
    PendingEvent newest = uncommitted.peekLast();
    uncommitted.clear();
    if (newest != null) {
      try {
        newest.await();
      } catch (RuntimeException e) {
        log.warn("An event of run {} of session {} was not stored", runId, sessionId, e);
      }
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
      settle();
      terminal = checkpoints.pause(sessionId, runId, state, payload).orElse(null);
    } catch (RuntimeException e) {
      // Not paused: let the caller end the run with an error instead of leaving it running.
      ended = false;
      log.warn("Could not pause run {} of session {}", runId, sessionId, e);
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
      settle();
      terminal =
          runs.finish(sessionId, runId, status, type, payload, error, assistantMessageId)
              .orElse(null);
    } catch (RuntimeException e) {
      // The session was deleted under the run, or the store failed: nothing left to tell.
      log.warn("Could not end run {} of session {} with {}", runId, sessionId, type, e);
    } finally {
      lock.unlock();
    }
  }

  static Map<String, Object> errorPayload(RunError error) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("message", error.message());
    payload.put("code", error.code().name());
    return payload;
  }
}
