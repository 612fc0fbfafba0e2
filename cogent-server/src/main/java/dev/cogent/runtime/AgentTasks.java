package dev.cogent.runtime;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.scope.Scope;
import dev.cogent.session.Message;
import dev.cogent.session.MessageRole;
import dev.cogent.session.MessageService;
import dev.cogent.session.Run;
import dev.cogent.session.RunError;
import dev.cogent.session.RunService;
import dev.cogent.session.RunStatus;
import dev.cogent.session.Session;
import dev.cogent.session.SessionConfig;
import dev.cogent.session.SessionRequests;
import dev.cogent.session.SessionService;
import dev.cogent.session.ToolCall;
import dev.cogent.tools.Workspaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programmatic entry point of the runtime: runs an {@link AgentTask} as a real run (the same
 * loop, middleware, tools, events and recursion limit as a client's message) in an internal session
 * of the task's scope, waits for its end and returns its final message. The internal session (and
 * its workspace) is deleted before the answer is returned, whatever the outcome: it exists only so
 * that the run has the transcript, log and workspace every run has.
 *
 * <p>A task's run cannot wait for a human: a call of a tool that asks for approval ends it. Do not
 * call {@link #answer} from inside a run (a tool): it waits for another run on the same executor.
 *
 * <p>Thread-safe.
 */
public final class AgentTasks {

  private static final Logger log = LoggerFactory.getLogger(AgentTasks.class);

  /** How long {@link #answer} waits for the run before aborting it. */
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  /** Errors of the run that {@link #answer} passes on with their own code. */
  private static final Set<ErrorCode> MODEL_ERRORS =
      Set.of(ErrorCode.LLM_UNAVAILABLE, ErrorCode.RATE_LIMITED, ErrorCode.SERVICE_UNAVAILABLE);

  private final SessionService sessions;
  private final RunService runs;
  private final MessageService messages;
  private final AgentLoop loop;
  private final AgentRuntime runtime;
  private final Workspaces workspaces;

  public AgentTasks(
      SessionService sessions,
      RunService runs,
      MessageService messages,
      AgentLoop loop,
      AgentRuntime runtime,
      Workspaces workspaces) {
    this.sessions = sessions;
    this.runs = runs;
    this.messages = messages;
    this.loop = loop;
    this.runtime = runtime;
    this.workspaces = workspaces;
  }

  /**
   * Runs the task to its final message.
   *
   * @throws ApiException {@code VALIDATION_ERROR} (422) naming a tool that does not exist in the
   *     scope, or when the run asked for a human's approval; {@code LLM_UNAVAILABLE} (503) when the
   *     scope has no usable model or the model failed; {@code CONFLICT} (409) when the run ended
   *     without an answer otherwise (the recursion limit, an internal error, a timeout)
   */
  public AgentAnswer answer(AgentTask task) {
    Scope scope = task.scope();
    List<String> unknown = loop.unknownTools(scope, task.extraTools(), task.tools());
    if (!unknown.isEmpty()) {
      throw ApiException.invalid(
          "tools", "no tool named '" + String.join("', '", unknown) + "' exists in your scope");
    }
    Session session =
        sessions.create(
            new SessionRequests.Create(
                task.title(),
                null,
                Map.of("internal", "agent_task"),
                new SessionConfig(null, null, null, null, null, task.recursionLimit())),
            scope);
    try {
      AgentRuntime.TaskRun started = runtime.start(session, task);
      awaitEnd(session, started);
      Run run = runs.get(session.id(), started.runId(), scope);
      List<Message> transcript = messages.history(session.id());
      if (run.status() == RunStatus.COMPLETED && run.assistantMessageId() != null) {
        String text =
            transcript.stream()
                .filter(message -> message.id().equals(run.assistantMessageId()))
                .map(Message::content)
                .findFirst()
                .orElse("");
        return new AgentAnswer(run.id(), text.strip(), steps(transcript));
      }
      throw failure(session, run);
    } finally {
      sessions.delete(session.id(), scope);
      workspaces.delete(session.id());
    }
  }

  private void awaitEnd(Session session, AgentRuntime.TaskRun started) {
    try {
      started.stopped().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("Agent task run {} took longer than {}; aborting it", started.runId(), TIMEOUT);
      runtime.abort(session.id(), Scope.of(session.scope()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      runtime.abort(session.id(), Scope.of(session.scope()));
    } catch (ExecutionException e) {
      // The run's future is only ever completed normally; its failures are in its log.
      throw new IllegalStateException("agent task run failed", e);
    }
  }

  private ApiException failure(Session session, Run run) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run_id", run.id());
    if (run.status() == RunStatus.WAITING_FOR_APPROVAL) {
      runtime.abort(session.id(), Scope.of(session.scope()));
      return ApiException.invalid(
          "tools",
          "the agent called a tool that waits for a human's approval (interrupt_on), which this"
              + " run cannot ask for; leave that tool out");
    }
    RunError error =
        run.error() != null
            ? run.error()
            : new RunError(ErrorCode.STREAMING_ERROR, "the run did not finish in time");
    details.put("run_error", error.code().name());
    if (MODEL_ERRORS.contains(error.code())) {
      return new ApiException(error.code(), error.message(), details);
    }
    return new ApiException(
        ErrorCode.CONFLICT, "The agent run ended without an answer: " + error.message(), details);
  }

  /** The tool calls of the transcript with their results, in order. */
  private static List<AgentAnswer.Step> steps(List<Message> transcript) {
    Map<String, String> outputs = new LinkedHashMap<>();
    transcript.stream()
        .filter(message -> message.role() == MessageRole.TOOL && message.toolCallId() != null)
        .forEach(message -> outputs.put(message.toolCallId(), message.content()));
    List<AgentAnswer.Step> steps = new ArrayList<>();
    for (Message message : transcript) {
      if (message.role() != MessageRole.ASSISTANT || message.toolCalls() == null) {
        continue;
      }
      for (ToolCall call : message.toolCalls()) {
        steps.add(
            new AgentAnswer.Step(
                call.id(), call.name(), call.args(), outputs.getOrDefault(call.id(), "")));
      }
    }
    return steps;
  }
}
