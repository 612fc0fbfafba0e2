package dev.cogent.runtime;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.llm.ModelChoice;
import dev.cogent.llm.ModelResolver;
import dev.cogent.observability.RunAttributes;
import dev.cogent.observability.RunTracer;
import dev.cogent.observability.TraceSpan;
import dev.cogent.registry.Agent;
import dev.cogent.scope.Scope;
import dev.cogent.scope.ScopeResolver;
import dev.cogent.session.EventLog;
import dev.cogent.session.LoggedEvent;
import dev.cogent.session.Run;
import dev.cogent.session.RunCheckpoints;
import dev.cogent.session.RunError;
import dev.cogent.session.RunService;
import dev.cogent.session.RunStatus;
import dev.cogent.session.Session;
import dev.cogent.session.SessionService;
import dev.cogent.session.ToolCall;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
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
  private final RunCheckpoints checkpoints;
  private final EventLog events;
  private final ModelResolver models;
  private final AgentLoop loop;
  private final Executor executor;
  private final CallbackSender callbacks;
  private final Json json;
  private final RunTracer tracer;
  private final Map<String, LiveRun> live = new ConcurrentHashMap<>();

  public AgentRuntime(
      SessionService sessions,
      RunService runs,
      RunCheckpoints checkpoints,
      EventLog events,
      ModelResolver models,
      AgentLoop loop,
      Executor executor,
      CallbackSender callbacks,
      Json json,
      RunTracer tracer) {
    this.sessions = sessions;
    this.runs = runs;
    this.checkpoints = checkpoints;
    this.json = json;
    this.events = events;
    this.models = models;
    this.loop = loop;
    this.executor = executor;
    this.callbacks = callbacks;
    this.tracer = tracer;
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
    // Read once for the whole run: its model settings and its profile come from this definition.
    Optional<Agent> found = loop.sessionAgent(session);
    ModelChoice choice =
        Scope.of(session.scope()).canonical().equals(scope.canonical())
            ? models.choose(session, scope, request.model(), agentModel(session, found))
            // The model resolver looks the agent up in the caller's scope, which differs here.
            : models.choose(session, scope, request.model());
    Agent agent =
        found.orElseThrow(
            () ->
                ApiException.invalid(
                    "agent_name",
                    "the session's agent '"
                        + session.agentName()
                        + "' no longer exists in its scope; create it again or use another"
                        + " session"));
    RunService.Started started =
        runs.start(session, request.content(), request.parentId(), request.callbackUrl());
    launchStarted(
        session, started, choice, request.callbackUrl(), context -> loop.run(context, agent));
    return started;
  }

  /** Registers a run {@link RunService#start} has just stored as live and launches it. */
  private LiveRun launchStarted(
      Session session,
      RunService.Started started,
      ModelChoice choice,
      String callbackUrl,
      Consumer<AgentLoop.RunContext> body) {
    String runId = started.run().id();
    LiveRun run = new LiveRun(new RunCancellation(), new CompletableFuture<>());
    live.put(runId, run);
    started
        .stored()
        .whenComplete(
            (ignored, failure) -> {
              if (failure != null) {
                log.error("Run {} of session {} could not be stored", runId, session.id(), failure);
                run.cancellation().cancel();
              }
            });
    launch(
        session,
        runId,
        started.afterSequence(),
        started.stored(),
        choice,
        run,
        callbackUrl,
        context -> body.accept(context.startedBy(started)));
    return run;
  }

  /** What the model resolver reads of the session's agent: nothing when the session names none. */
  private static Optional<ModelResolver.AgentModel> agentModel(
      Session session, Optional<Agent> agent) {
    return session.agentName() == null
        ? Optional.empty()
        : agent.map(found -> new ModelResolver.AgentModel(found.model(), found.temperature()));
  }

  /** An {@link AgentTask}'s run: {@code stopped} completes when it ended or paused. */
  record TaskRun(String runId, CompletableFuture<Void> stopped) {}

  /**
   * Starts the run of {@code task} in {@code session} (a new internal session of the task's scope)
   * in the background.
   *
   * @throws ApiException {@code LLM_UNAVAILABLE} when the scope has no usable model
   */
  TaskRun start(Session session, AgentTask task) {
    ModelChoice choice = models.choose(session, task.scope(), null);
    RunService.Started started = runs.start(session, task.message(), null, null);
    LiveRun run = launchStarted(session, started, choice, null, context -> loop.run(context, task));
    return new TaskRun(started.run().id(), run.ended());
  }

  /** A resumed run: its id and the log sequence its continuation's events come after. */
  public record Resumed(String runId, long afterSequence) {}

  /**
   * Continues the session's run that waits for approval with the human's decision, in the
   * background: {@code approve} runs the pending tool call as the model asked, {@code edit} runs it
   * with {@code args} instead, {@code reject} answers it with {@code args.message} (or a default
   * message) as the tool result. The same run goes on, its events after the returned sequence.
   *
   * @throws ApiException {@code SESSION_NOT_FOUND}; {@code CONFLICT} when nothing waits for
   *     approval (or another resume or an abort came first); {@code VALIDATION_ERROR} for an
   *     unknown decision, a {@code tool_call_id} or {@code tool_name} that is not the pending
   *     call's, or an {@code edit} without {@code args}; {@code LLM_UNAVAILABLE} when the run's
   *     model is gone
   */
  public Resumed resume(String sessionId, Scope scope, ResumeRequest request) {
    Session session = sessions.get(sessionId, scope);
    checkShape(request);
    Run waiting =
        runs.findActive(sessionId)
            .filter(run -> run.status() == RunStatus.WAITING_FOR_APPROVAL)
            .orElseThrow(() -> notWaiting(sessionId));
    Checkpoint checkpoint =
        checkpoints
            .find(waiting.id())
            .map(state -> json.read(state, Checkpoint.class))
            .orElseThrow(() -> notWaiting(sessionId));
    ToolCall pending = checkpoint.pending().toolCall();
    if (!pending.id().equals(request.toolCallId())) {
      throw ApiException.invalid(
          "tool_call_id", "must be the id of the pending tool call ('" + pending.id() + "')");
    }
    if (!pending.name().equals(request.toolName())) {
      throw ApiException.invalid(
          "tool_name", "must be the name of the pending tool call ('" + pending.name() + "')");
    }
    // The run goes on with the model it started with (the message's override included).
    ModelChoice choice = models.choose(session, scope, checkpoint.model());
    String runId = waiting.id();
    LiveRun run = new LiveRun(new RunCancellation(), new CompletableFuture<>());
    if (live.putIfAbsent(runId, run) != null) {
      throw notWaiting(sessionId);
    }
    OptionalLong after;
    try {
      after = checkpoints.claim(sessionId, runId);
    } catch (RuntimeException e) {
      live.remove(runId);
      throw e;
    }
    if (after.isEmpty()) {
      live.remove(runId);
      throw notWaiting(sessionId);
    }
    launch(
        session,
        runId,
        after.getAsLong(),
        CompletableFuture.completedFuture(null),
        choice,
        run,
        runs.callbackUrl(runId).orElse(null),
        context -> loop.resume(context, checkpoint, request));
    return new Resumed(runId, after.getAsLong());
  }

  /** A run that waits for a human's decision on one tool call. */
  public record PendingCall(String runId, ToolCall toolCall) {}

  /**
   * The tool call the session's run waits on for approval, if it waits for one.
   *
   * @throws ApiException {@code SESSION_NOT_FOUND}
   */
  public Optional<PendingCall> findPendingCall(String sessionId, Scope scope) {
    sessions.get(sessionId, scope);
    return runs.findActive(sessionId)
        .filter(run -> run.status() == RunStatus.WAITING_FOR_APPROVAL)
        .flatMap(
            run ->
                checkpoints
                    .find(run.id())
                    .map(state -> json.read(state, Checkpoint.class).pending().toolCall())
                    .map(call -> new PendingCall(run.id(), call)));
  }

  private static void checkShape(ResumeRequest request) {
    if (request.decision() == null || !AgentLoop.DECISIONS.contains(request.decision())) {
      throw ApiException.invalid("decision", "must be one of approve, edit, reject");
    }
    if (request.toolCallId() == null || request.toolCallId().isBlank()) {
      throw ApiException.invalid("tool_call_id", "is required");
    }
    if (request.toolName() == null || request.toolName().isBlank()) {
      throw ApiException.invalid("tool_name", "is required");
    }
    if (request.decision().equals("edit") && request.args() == null) {
      throw ApiException.invalid("args", "is required with decision edit (the replacement args)");
    }
  }

  private static ApiException notWaiting(String sessionId) {
    return new ApiException(
        ErrorCode.CONFLICT,
        "Session " + sessionId + " is not waiting for approval: no tool call to resume",
        Map.of("session_id", sessionId));
  }

  /**
   * @param after the session's log position before the run's (or continuation's) first event
   * @param stored completes once the run's start is stored
   */
  private void launch(
      Session session,
      String runId,
      long after,
      CompletableFuture<Void> stored,
      ModelChoice choice,
      LiveRun run,
      String callbackUrl,
      Consumer<AgentLoop.RunContext> body) {
    try {
      executor.execute(
          () ->
              execute(
                  session,
                  runId,
                  emitter(session.id(), runId, after, stored),
                  choice,
                  run,
                  callbackUrl,
                  body));
    } catch (RejectedExecutionException e) {
      live.remove(runId);
      run.ended().complete(null);
      log.warn("No thread for run {} of session {}", runId, session.id(), e);
      emitter(session.id(), runId, after, stored)
          .fail(
              new RunError(
                  ErrorCode.SERVICE_UNAVAILABLE, "The server is at capacity; try again shortly"));
    }
  }

  /** The emitter of a run that is about to execute, its events after {@code after}. */
  private RunEmitter emitter(
      String sessionId, String runId, long after, CompletableFuture<Void> stored) {
    return new RunEmitter(events.open(sessionId, runId, after), runs, checkpoints, stored);
  }

  /** The emitter that ends a run not executing here, its events after what is stored. */
  private RunEmitter endingEmitter(String sessionId, String runId) {
    return new RunEmitter(
        events.reopen(sessionId, runId),
        runs,
        checkpoints,
        CompletableFuture.completedFuture(null));
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
      // Not executing in this process (waiting for approval, just ended, or its process is gone):
      // end it here.
      endingEmitter(sessionId, runId).abort();
      checkpoints.discard(runId);
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
    // The run may have paused for approval just before the cancellation reached it (its
    // interrupt event was already out): then it is still active but no longer executing, and
    // the abort ends it here like any other waiting run.
    if (!live.containsKey(runId)
        && runs.findActive(sessionId).map(Run::id).filter(runId::equals).isPresent()) {
      endingEmitter(sessionId, runId).abort();
      checkpoints.discard(runId);
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
      RunEmitter emitter = endingEmitter(run.sessionId(), run.id());
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
      Session session,
      String runId,
      RunEmitter emitter,
      ModelChoice choice,
      LiveRun run,
      String callbackUrl,
      Consumer<AgentLoop.RunContext> body) {
    MDC.put("session_id", session.id());
    MDC.put("run_id", runId);
    Scope scope = Scope.of(session.scope());
    TraceSpan span =
        tracer.startRun(
            new RunAttributes(
                session.id(),
                runId,
                session.agentName(),
                scope.canonical(),
                scope.values().get(ScopeResolver.TENANT_KEY)));
    try {
      // A new run is stored running (RunService.start), a resumed one was made running again when
      // it was claimed: nothing to write before the body.
      body.accept(
          new AgentLoop.RunContext(
              session,
              runId,
              choice,
              models.open(choice, run.cancellation()),
              run.cancellation(),
              emitter,
              null));
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
        span.outcome(emitter.terminal().map(LoggedEvent::event).orElse("error")).close();
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
