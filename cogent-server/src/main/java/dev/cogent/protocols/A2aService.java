package dev.cogent.protocols;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.registry.AgentService;
import dev.cogent.runtime.AgentRuntime;
import dev.cogent.runtime.MessageRequest;
import dev.cogent.runtime.ResumeRequest;
import dev.cogent.scope.Scope;
import dev.cogent.session.EventLog;
import dev.cogent.session.EventSubscription;
import dev.cogent.session.MessageService;
import dev.cogent.session.Run;
import dev.cogent.session.RunService;
import dev.cogent.session.SessionService;
import dev.cogent.store.Database;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON-RPC endpoint of A2A-exposed agents ({@code POST /a2a/{agent_name}}): {@code
 * SendMessage}/{@code message/send} runs the agent and answers with the ended task, {@code
 * SendStreamingMessage}/{@code message/stream} streams its states, {@code tasks/get} reads a task
 * and {@code tasks/cancel} aborts it. A task is a run, its {@code contextId} a session (see {@link
 * A2aContexts}). A run that pauses for approval is {@code input-required}; the next message in its
 * context answers it and continues the same task.
 *
 * <p>Errors: an agent that does not exist, is out of scope or is not exposed is a 404; a body that
 * is not a JSON-RPC 2.0 request, or a message without text, a 422; an unknown method a 400 — all as
 * the API's error envelope, with the JSON-RPC code in {@code details.jsonrpc_code}. Failures of a
 * valid call (unknown task, a task that has ended, no usable model, a busy session) are JSON-RPC
 * error objects in a 200 response, as A2A clients expect.
 *
 * <p>Thread-safe.
 */
public final class A2aService {

  /** How long {@code SendMessage} waits for the run to end before answering {@code working}. */
  static final Duration SEND_WAIT = Duration.ofMinutes(10);

  static final int MAX_CONTEXT_ID = 200;

  /** Replies to an {@code input-required} task that approve its pending tool call. */
  static final Set<String> APPROVALS = Set.of("approve", "approved", "yes", "y", "ok");

  private final AgentService agents;
  private final A2aContexts contexts;
  private final AgentRuntime runtime;
  private final RunService runs;
  private final MessageService messages;
  private final EventLog events;
  private final A2aTaskRepository tasks;
  private final Json json;
  private final InstantSource clock;

  public A2aService(
      Database database,
      Json json,
      AgentService agents,
      SessionServices sessionServices,
      AgentRuntime runtime,
      InstantSource clock) {
    this.agents = agents;
    this.contexts = new A2aContexts(sessionServices.sessions());
    this.runtime = runtime;
    this.runs = sessionServices.runs();
    this.messages = sessionServices.messages();
    this.events = sessionServices.events();
    this.tasks = new A2aTaskRepository(database);
    this.json = json;
    this.clock = clock;
  }

  /** The session-side services the adapter drives. */
  public record SessionServices(
      SessionService sessions, RunService runs, MessageService messages, EventLog events) {}

  /**
   * Handles one JSON-RPC request to agent {@code agentName}.
   *
   * @throws ApiException 404, 422 or 400 as described on the class
   */
  public A2aReply handle(String agentName, Scope scope, byte[] body) {
    AgentCards.exposed(agents, agentName, scope);
    JsonRpcRequest request = JsonRpcRequest.parse(body, json);
    return switch (request.method()) {
      case "SendMessage", "message/send" -> new A2aReply.Answer(send(agentName, scope, request));
      case "SendStreamingMessage", "message/stream" -> stream(agentName, scope, request);
      case "tasks/get", "GetTask" -> new A2aReply.Answer(get(agentName, scope, request));
      case "tasks/cancel", "CancelTask" -> new A2aReply.Answer(cancel(agentName, scope, request));
      default ->
          throw new ApiException(
              ErrorCode.BAD_REQUEST,
              "Unsupported A2A method '"
                  + request.method()
                  + "'; supported: SendMessage, SendStreamingMessage, message/send,"
                  + " message/stream, tasks/get, tasks/cancel",
              Map.of("method", request.method(), "jsonrpc_code", JsonRpcResponse.METHOD_NOT_FOUND));
    };
  }

  private JsonRpcResponse send(String agentName, Scope scope, JsonRpcRequest request) {
    Started started;
    try {
      started = start(agentName, scope, request);
    } catch (ApiException e) {
      return runFailure(request, e);
    }
    try (TaskUpdates updates = started.updates(request.id())) {
      A2aWire.Status last = started.submitted().status();
      long deadline = System.nanoTime() + SEND_WAIT.toNanos();
      while (!updates.isFinished() && System.nanoTime() < deadline) {
        Optional<JsonRpcResponse> next =
            updates.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        if (next.isPresent() && next.get().result() instanceof A2aWire.StatusUpdate update) {
          last = update.status();
        }
      }
      return JsonRpcResponse.success(
          request.id(), A2aWire.Task.of(started.taskId(), started.contextId(), last));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JsonRpcResponse.failure(
          request.id(), JsonRpcResponse.INTERNAL_ERROR, "Interrupted while waiting", null);
    }
  }

  private A2aReply stream(String agentName, Scope scope, JsonRpcRequest request) {
    try {
      return new A2aReply.Stream(start(agentName, scope, request).updates(request.id()));
    } catch (ApiException e) {
      return new A2aReply.Answer(runFailure(request, e));
    }
  }

  private JsonRpcResponse get(String agentName, Scope scope, JsonRpcRequest request) {
    String taskId = taskId(request);
    Optional<A2aTaskRepository.TaskRow> row = tasks.find(taskId, agentName, scope);
    Optional<Run> run = row.flatMap(found -> findRun(found, scope));
    if (run.isEmpty()) {
      return taskNotFound(request, taskId);
    }
    return JsonRpcResponse.success(request.id(), task(row.get(), run.get(), scope));
  }

  private JsonRpcResponse cancel(String agentName, Scope scope, JsonRpcRequest request) {
    String taskId = taskId(request);
    Optional<A2aTaskRepository.TaskRow> row = tasks.find(taskId, agentName, scope);
    Optional<Run> run = row.flatMap(found -> findRun(found, scope));
    if (run.isEmpty()) {
      return taskNotFound(request, taskId);
    }
    if (run.get().status().isFinal()) {
      return JsonRpcResponse.failure(
          request.id(),
          JsonRpcResponse.TASK_NOT_CANCELABLE,
          "Task cannot be canceled: it has already ended (" + run.get().status().wireName() + ")",
          Map.of("taskId", taskId));
    }
    runtime.abort(row.get().sessionId(), scope);
    Run after = runs.get(row.get().sessionId(), taskId, scope);
    return JsonRpcResponse.success(request.id(), task(row.get(), after, scope));
  }

  /** A run started for a message, the task row stored, and the log position before its events. */
  private record Started(
      String taskId,
      String contextId,
      A2aWire.Task submitted,
      EventLog events,
      String sessionId,
      long afterSequence) {
    TaskUpdates updates(Object requestId) {
      EventSubscription subscription = events.subscribe(sessionId, afterSequence);
      return new TaskUpdates(subscription, requestId, taskId, contextId, submitted);
    }
  }

  private Started start(String agentName, Scope scope, JsonRpcRequest request) {
    JsonNode message = request.params().path("message");
    if (!message.isObject()) {
      throw JsonRpcRequest.invalid(
          "params.message", "is required and must be an object", JsonRpcResponse.INVALID_PARAMS);
    }
    String text = text(message);
    String contextId = contextId(request.params(), message);
    A2aContexts.Context context = contexts.resolve(agentName, contextId, scope);
    String sessionId = context.session().id();
    Optional<AgentRuntime.PendingCall> pending = runtime.findPendingCall(sessionId, scope);
    String continued = continuedTaskId(message);
    if (pending.isPresent()) {
      return answer(agentName, scope, context, pending.get(), continued, text);
    }
    if (continued != null) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "Task "
              + continued
              + " is not waiting for input; send the message without taskId to start a new task",
          Map.of("taskId", continued));
    }
    RunService.Started started =
        runtime.send(sessionId, scope, new MessageRequest(text, null, null, null));
    return tracked(
        agentName,
        scope,
        context,
        started.run().id(),
        new A2aWire.Status(TaskStates.SUBMITTED, null, started.run().createdAt().toString()),
        started.afterSequence());
  }

  /**
   * Continues the context's task that waits for input ({@code input-required}) with the human's
   * reply: {@link #APPROVALS} approve the pending tool call, any other reply declines it and is
   * handed to the agent as the call's result, so the agent can act on it.
   */
  private Started answer(
      String agentName,
      Scope scope,
      A2aContexts.Context context,
      AgentRuntime.PendingCall pending,
      String continued,
      String reply) {
    if (continued != null && !continued.equals(pending.runId())) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "Task "
              + continued
              + " is not waiting for input; task "
              + pending.runId()
              + " of this context is",
          Map.of("taskId", continued));
    }
    boolean approved = APPROVALS.contains(reply.strip().toLowerCase(Locale.ROOT));
    AgentRuntime.Resumed resumed =
        runtime.resume(
            context.session().id(),
            scope,
            new ResumeRequest(
                approved ? "approve" : "reject",
                pending.toolCall().id(),
                pending.toolCall().name(),
                approved ? null : Map.of("message", reply)));
    return tracked(
        agentName,
        scope,
        context,
        resumed.runId(),
        new A2aWire.Status(TaskStates.WORKING, null, clock.instant().toString()),
        resumed.afterSequence());
  }

  /**
   * Records the task of a run going on in the context's session (unless known already: a continued
   * task, or one that paused before any A2A client saw it) and what its updates start with.
   */
  private Started tracked(
      String agentName,
      Scope scope,
      A2aContexts.Context context,
      String taskId,
      A2aWire.Status status,
      long afterSequence) {
    String sessionId = context.session().id();
    if (tasks.find(taskId, agentName, scope).isEmpty()) {
      tasks.insert(
          new A2aTaskRepository.TaskRow(
              taskId, sessionId, context.contextId(), agentName, scope.canonical()),
          clock.instant());
    }
    return new Started(
        taskId,
        context.contextId(),
        A2aWire.Task.of(taskId, context.contextId(), status),
        events,
        sessionId,
        afterSequence);
  }

  /** {@code params.message.taskId}: the task a reply continues; null for a new task. */
  private static String continuedTaskId(JsonNode message) {
    JsonNode id = message.path("taskId");
    return id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
  }

  /** The text parts of an A2A message, joined by newlines; 422 when it has none. */
  private static String text(JsonNode message) {
    JsonNode parts = message.path("parts");
    if (!parts.isArray() || parts.isEmpty()) {
      throw JsonRpcRequest.invalid(
          "params.message.parts",
          "is required and must hold at least one text part",
          JsonRpcResponse.INVALID_PARAMS);
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode part : parts) {
      String kind = part.path("kind").asText(part.path("type").asText("text"));
      if ("text".equals(kind) && part.path("text").isTextual()) {
        texts.add(part.path("text").asText());
      }
    }
    String text = String.join("\n", texts);
    if (text.isBlank()) {
      throw JsonRpcRequest.invalid(
          "params.message.parts",
          "must hold a non-empty text part ({\"kind\": \"text\", \"text\": …})",
          JsonRpcResponse.INVALID_PARAMS);
    }
    return text;
  }

  private static String contextId(JsonNode params, JsonNode message) {
    JsonNode id = message.path("contextId");
    if (id.isMissingNode() || id.isNull()) {
      id = params.path("contextId");
    }
    if (id.isMissingNode() || id.isNull()) {
      return null;
    }
    if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > MAX_CONTEXT_ID) {
      throw JsonRpcRequest.invalid(
          "params.message.contextId",
          "must be a non-empty string of at most " + MAX_CONTEXT_ID + " characters",
          JsonRpcResponse.INVALID_PARAMS);
    }
    return id.asText();
  }

  /** {@code params.id} (current A2A) or {@code params.taskId} (spec 001's naming). */
  private static String taskId(JsonRpcRequest request) {
    JsonNode id = request.params().path("id");
    if (!id.isTextual()) {
      id = request.params().path("taskId");
    }
    if (!id.isTextual() || id.asText().isBlank()) {
      throw JsonRpcRequest.invalid(
          "params.id", "is required: the task id", JsonRpcResponse.INVALID_PARAMS);
    }
    return id.asText();
  }

  private Optional<Run> findRun(A2aTaskRepository.TaskRow row, Scope scope) {
    try {
      return Optional.of(runs.get(row.sessionId(), row.taskId(), scope));
    } catch (ApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private A2aWire.Task task(A2aTaskRepository.TaskRow row, Run run, Scope scope) {
    String answer =
        run.assistantMessageId() == null
            ? null
            : messages.get(row.sessionId(), run.assistantMessageId(), scope).content();
    return A2aWire.Task.of(row.taskId(), row.contextId(), TaskStates.of(run, answer));
  }

  private static JsonRpcResponse taskNotFound(JsonRpcRequest request, String taskId) {
    return JsonRpcResponse.failure(
        request.id(),
        JsonRpcResponse.TASK_NOT_FOUND,
        "Task not found: " + taskId,
        Map.of("taskId", taskId));
  }

  /**
   * A message that could not start a run. A 422 of the request itself stays a 422; the rest (no
   * usable model, a busy session) is a JSON-RPC error naming Cogent's code.
   */
  private static JsonRpcResponse runFailure(JsonRpcRequest request, ApiException e) {
    if (e.code() == ErrorCode.VALIDATION_ERROR) {
      throw e;
    }
    // A reply to a task that does not wait for one is a bad parameter, not a server failure.
    int code =
        e.code() == ErrorCode.CONFLICT
            ? JsonRpcResponse.INVALID_PARAMS
            : JsonRpcResponse.INTERNAL_ERROR;
    return JsonRpcResponse.failure(
        request.id(), code, e.getMessage(), Map.of("code", e.code().name()));
  }
}
