package dev.cogent.runtime;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.llm.ModelChoice;
import dev.cogent.llm.ModelResolver;
import dev.cogent.scope.Scope;
import dev.cogent.session.EventLog;
import dev.cogent.session.LoggedEvent;
import dev.cogent.session.Run;
import dev.cogent.session.RunError;
import dev.cogent.session.RunService;
import dev.cogent.session.Session;
import dev.cogent.session.SessionService;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Starts, aborts and recovers runs. A run executes on the executor it is given, never on the
 * caller's thread, and reports only through the event log: the caller (an HTTP stream, a callback,
 * a later reader of the log) follows the log and may go away without affecting it.
 *
 * <p>Thread-safe.
 */
public final class AgentRuntime {

  private static final Logger log = LoggerFactory.getLogger(AgentRuntime.class);

  /** How long {@link #abort} waits for the run to write its terminal event. */
  private static final Duration ABORT_WAIT = Duration.ofSeconds(10);

  private final SessionService sessions;
  private final RunService runs;
  private final EventLog events;
  private final ModelResolver models;
  private final AgentLoop loop;
  private final Executor executor;
  private final CallbackSender callbacks;
  private final Map<String, LiveRun> live = new ConcurrentHashMap<>();

  public AgentRuntime(
      SessionService sessions,
      RunService runs,
      EventLog events,
      ModelResolver models,
      AgentLoop loop,
      Executor executor,
      CallbackSender callbacks) {
    this.sessions = sessions;
    this.runs = runs;
    this.events = events;
    this.models = models;
    this.loop = loop;
    this.executor = executor;
    this.callbacks = callbacks;
  }

  /** A run in this process: its cancellation and a future completed when it has ended. */
  private record LiveRun(RunCancellation cancellation, CompletableFuture<Void> ended) {}

  /**
   * Stores the message, starts a run for it in the background and returns at once.
   *
   * @return the run, with the log sequence before its first event (follow the log from there)
   * @throws ApiException {@code SESSION_NOT_FOUND}; {@code LLM_UNAVAILABLE} when the session has no
   *     usable model (nothing is stored); {@code SESSION_BUSY} when a run is in progress
   */
  public RunService.Started send(String sessionId, Scope scope, MessageRequest request) {
    Session session = sessions.get(sessionId, scope);
    ModelChoice choice = models.choose(session.config(), request.model());
    RunService.Started started =
        runs.start(session, request.content(), request.parentId(), request.callbackUrl());
    String runId = started.run().id();
    LiveRun run = new LiveRun(new RunCancellation(), new CompletableFuture<>());
    live.put(runId, run);
    try {
      executor.execute(() -> execute(session, runId, choice, run, request.callbackUrl()));
    } catch (RejectedExecutionException e) {
      live.remove(runId);
      run.ended().complete(null);
      log.warn("No thread for run {} of session {}", runId, sessionId, e);
      new RunEmitter(events, runs, sessionId, runId)
          .fail(
              new RunError(
                  ErrorCode.SERVICE_UNAVAILABLE, "The server is at capacity; try again shortly"));
    }
    return started;
  }

  /**
   * Aborts the session's run in progress, if any, and waits (briefly) until it has ended with its
   * {@code error} event of code {@code ABORTED}.
   *
   * @return whether a run was in progress
   * @throws ApiException {@code SESSION_NOT_FOUND}
   */
  public boolean abort(String sessionId, Scope scope) {
    sessions.get(sessionId, scope);
    Optional<Run> active = runs.findActive(sessionId);
    if (active.isEmpty()) {
      return false;
    }
    String runId = active.get().id();
    LiveRun run = live.get(runId);
    if (run == null) {
      // Not executing in this process (it has just ended, or its process is gone): end it here.
      new RunEmitter(events, runs, sessionId, runId).abort();
      return true;
    }
    run.cancellation().cancel();
    try {
      run.ended().get(ABORT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("Run {} did not stop within {} after abort", runId, ABORT_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      log.warn("Run {} ended with an error after abort", runId, e);
    }
    return true;
  }

  /**
   * Ends every run a previous process left queued or running (the server stopped or crashed under
   * it) with an {@code error} event of code {@code STREAMING_ERROR}. Call once at start-up, before
   * accepting requests.
   *
   * @return how many runs were ended
   */
  public int recoverInterruptedRuns() {
    int recovered = 0;
    for (Run run : runs.listInFlight()) {
      if (live.containsKey(run.id())) {
        continue;
      }
      RunEmitter emitter = new RunEmitter(events, runs, run.sessionId(), run.id());
      emitter.fail(
          new RunError(
              ErrorCode.STREAMING_ERROR,
              "The server restarted while this run was in progress; send the message again"));
      emitter.terminal().ifPresent(terminal -> notifyCallback(run.id(), terminal));
      recovered++;
    }
    if (recovered > 0) {
      log.info("Marked {} runs interrupted by a restart as failed", recovered);
    }
    return recovered;
  }

  private void execute(
      Session session, String runId, ModelChoice choice, LiveRun run, String callbackUrl) {
    MDC.put("session_id", session.id());
    MDC.put("run_id", runId);
    RunEmitter emitter = new RunEmitter(events, runs, session.id(), runId);
    try {
      if (!runs.markRunning(runId)) {
        return;
      }
      loop.run(
          new AgentLoop.RunContext(
              session,
              runId,
              choice,
              models.open(choice, run.cancellation()),
              run.cancellation(),
              emitter));
    } catch (RuntimeException | Error e) {
      log.error("Run {} of session {} failed unexpectedly", runId, session.id(), e);
      emitter.fail(
          new RunError(ErrorCode.STREAMING_ERROR, "The run failed because of an internal error"));
    } finally {
      try {
        if (!emitter.hasEnded()) {
          // Defensive: every path above ends the run; if one did not, the client must not hang.
          emitter.fail(new RunError(ErrorCode.STREAMING_ERROR, "The run ended without a result"));
        }
        if (callbackUrl != null) {
          emitter.terminal().ifPresent(terminal -> callbacks.send(callbackUrl, terminal));
        }
      } finally {
        live.remove(runId);
        run.ended().complete(null);
        MDC.remove("session_id");
        MDC.remove("run_id");
      }
    }
  }

  private void notifyCallback(String runId, LoggedEvent terminal) {
    runs.callbackUrl(runId).ifPresent(url -> callbacks.send(url, terminal));
  }
}
