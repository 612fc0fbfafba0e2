package dev.cogent.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.llm.ModelChoice;
import dev.cogent.llm.ModelFailures;
import dev.cogent.registry.Agent;
import dev.cogent.registry.AgentService;
import dev.cogent.registry.SkillService;
import dev.cogent.scope.Scope;
import dev.cogent.session.Message;
import dev.cogent.session.MessageRole;
import dev.cogent.session.MessageService;
import dev.cogent.session.RunError;
import dev.cogent.session.Session;
import dev.cogent.session.ToolCall;
import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolCancelledException;
import dev.cogent.tools.ToolResult;
import dev.cogent.tools.Workspaces;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ReAct loop of one run: model turn, then the tool calls it asked for, their results back to
 * the model, and again, until the model answers without calling a tool or the session's {@code
 * recursion_limit} of model turns is spent. Every step is an event in the session's log and every
 * message is stored in the transcript; the run ends with exactly one {@code done}, {@code error} or
 * {@code interrupt}.
 *
 * <p>The run uses the session's agent definition ({@link AgentProfiles}): its system prompt, tools,
 * {@code interrupt_on} and temperature. A call of a tool named in {@code interrupt_on} pauses the
 * run: {@code status: waiting_for_approval}, then {@code interrupt}, with a {@link Checkpoint}
 * stored durably; {@link #resume} continues the same run with the human's decision.
 *
 * <p>Tool problems the model can fix (unknown tool, invalid or unparsable arguments, a tool that
 * throws) go back to it as a failed result with exit code 1; they do not end the run.
 *
 * <p>Thread-safe: one instance runs every run, each on its own thread.
 */
public final class AgentLoop {

  /** Model turns a run may take when the session config sets no {@code recursion_limit}. */
  public static final int DEFAULT_RECURSION_LIMIT = 50;

  /** The decisions {@code POST /resume} accepts, as the {@code interrupt} event offers them. */
  static final List<String> DECISIONS = List.of("approve", "edit", "reject");

  private static final Logger log = LoggerFactory.getLogger(AgentLoop.class);
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final MessageService messages;
  private final AgentProfiles profiles;
  private final Workspaces workspaces;
  private final Json json;
  private final InstantSource clock;
  private final ToolSpecifications specifications;
  private final ChatHistory history;
  private final ToolRunner tools;
  private final Subagents subagents;

  /**
   * @param agents the agent definitions a session's {@code agent_name} resolves to (in its scope)
   * @param skills the skills agents attach
   * @param builtins the tools every agent with an empty {@code tools} list has (the built-in ones);
   *     {@code write_todos} and {@code task} are the runtime's own and come on top
   * @param scopedTools the tools that depend on the session's scope (MCP servers' tools, {@code
   *     McpTools::forScope}); they join the built-ins
   * @param projectDir the project whose instruction files an agent's {@code memory} may name
   */
  public AgentLoop(
      MessageService messages,
      AgentService agents,
      SkillService skills,
      List<Tool> builtins,
      Function<Scope, List<Tool>> scopedTools,
      Workspaces workspaces,
      Path projectDir,
      Json json,
      InstantSource clock) {
    this(
        messages,
        new AgentProfiles(agents, skills, builtins, scopedTools, projectDir),
        workspaces,
        json,
        clock);
  }

  AgentLoop(
      MessageService messages,
      AgentProfiles profiles,
      Workspaces workspaces,
      Json json,
      InstantSource clock) {
    this.messages = messages;
    this.profiles = profiles;
    this.workspaces = workspaces;
    this.json = json;
    this.clock = clock;
    this.specifications = new ToolSpecifications(json);
    this.history = new ChatHistory(json);
    this.tools = new ToolRunner(workspaces);
    this.subagents = new Subagents(profiles, specifications, tools, workspaces, json);
  }

  /** Whether the session's agent exists in its scope (a run of it can start). */
  boolean hasAgent(Session session) {
    return profiles.sessionAgent(session.agentName(), Scope.of(session.scope())).isPresent();
  }

  /** What one run needs: its session, model and the means to report and stop. */
  record RunContext(
      Session session,
      String runId,
      ModelChoice choice,
      StreamingChatModel model,
      RunCancellation cancellation,
      RunEmitter emitter) {

    Scope scope() {
      return Scope.of(session.scope());
    }

    /** Model turns the run may take: the session's {@code recursion_limit}, or the default. */
    int recursionLimit() {
      Integer limit = session.config() == null ? null : session.config().recursionLimit();
      return limit == null ? DEFAULT_RECURSION_LIMIT : limit;
    }
  }

  /** The mutable progress of one run, owned by the run's thread. */
  private static final class Progress {
    int turn;
    int inputTokens;
    int outputTokens;
    final TodoList todos;

    Progress(int turn, int inputTokens, int outputTokens, TodoList todos) {
      this.turn = turn;
      this.inputTokens = inputTokens;
      this.outputTokens = outputTokens;
      this.todos = todos;
    }
  }

  /** Runs a new run until its terminal event; the emitter has written it when this returns. */
  void run(RunContext run) {
    Optional<AgentProfile> profile = profile(run);
    if (profile.isPresent()) {
      loop(run, profile.get(), new Progress(0, 0, 0, new TodoList()));
    }
  }

  /**
   * Continues a run paused at {@code checkpoint} with the human's decision (already checked against
   * the checkpoint by the caller): runs the pending call as asked, with the replacement arguments,
   * or answers it with the rejection; then the rest of the turn's calls and the loop.
   */
  void resume(RunContext run, Checkpoint checkpoint, ResumeRequest decision) {
    RunEmitter emitter = run.emitter();
    emitter.status("resuming");
    Optional<AgentProfile> found = profile(run);
    if (found.isEmpty()) {
      return;
    }
    AgentProfile profile = found.get();
    Progress progress =
        new Progress(
            checkpoint.turn(),
            checkpoint.inputTokens(),
            checkpoint.outputTokens(),
            new TodoList(checkpoint.todos()));
    ToolCall pending = checkpoint.pending().toolCall();
    ToolResult result;
    try {
      result =
          switch (decision.decision()) {
            case "approve" -> dispatch(run, profile, progress, checkpoint.pending());
            case "edit" -> {
              ToolCall edited = new ToolCall(pending.id(), pending.name(), decision.args());
              emitter.emit("tool_call", toolCallEvent(edited));
              yield dispatch(run, profile, progress, new ParsedCall(edited, null));
            }
            default -> ToolResult.failed(rejection(pending, decision.args()));
          };
    } catch (ToolCancelledException e) {
      emitter.abort();
      return;
    }
    record(run, pending, result);
    if (run.cancellation().isCancelled()) {
      emitter.abort();
      return;
    }
    if (!runCalls(run, profile, progress, checkpoint.remaining())) {
      return;
    }
    progress.turn++;
    loop(run, profile, progress);
  }

  static String rejection(ToolCall call, Map<String, Object> args) {
    Object message = args == null ? null : args.get("message");
    if (message instanceof String text && !text.isBlank()) {
      return text;
    }
    return "The user rejected the call of tool '"
        + call.name()
        + "'. Do not run it again unless the user asks; continue without it.";
  }

  private Optional<AgentProfile> profile(RunContext run) {
    Optional<Agent> agent = profiles.sessionAgent(run.session().agentName(), run.scope());
    if (agent.isEmpty()) {
      run.emitter()
          .fail(
              new RunError(
                  ErrorCode.STREAMING_ERROR,
                  "The session's agent '"
                      + run.session().agentName()
                      + "' no longer exists in this scope"));
      return Optional.empty();
    }
    Path workspace = workspaces.forSession(run.session().id());
    return Optional.of(profiles.build(agent.get(), run.scope(), workspace, true));
  }

  private void loop(RunContext run, AgentProfile profile, Progress progress) {
    RunEmitter emitter = run.emitter();
    List<ToolSpecification> specs = specs(profile, run.scope());
    int limit = run.recursionLimit();
    for (; progress.turn < limit; progress.turn++) {
      if (run.cancellation().isCancelled()) {
        emitter.abort();
        return;
      }
      emitter.status("thinking");
      List<ChatMessage> conversation = new ArrayList<>();
      conversation.add(SystemMessage.from(profile.systemPrompt()));
      conversation.addAll(history.from(messages.history(run.session().id())));
      ChatResponse response;
      try {
        response =
            new ModelTurn(
                    run.model(),
                    token -> emitter.emit("token", Map.of("content", token)),
                    run.cancellation())
                .call(
                    request(
                        run.choice(),
                        // The session config's temperature, else the agent's (ModelResolver).
                        run.choice().temperature() != null
                            ? run.choice().temperature()
                            : profile.temperature(),
                        conversation,
                        specs));
      } catch (CancellationException e) {
        emitter.abort();
        return;
      } catch (ModelTurn.ModelCallException e) {
        log.info("Model call of run {} failed", run.runId(), e.getCause());
        emitter.fail(ModelFailures.toRunError(e.getCause()));
        return;
      }
      emitter.status("idle");
      if (response.tokenUsage() != null) {
        progress.inputTokens += orZero(response.tokenUsage().inputTokenCount());
        progress.outputTokens += orZero(response.tokenUsage().outputTokenCount());
      }
      AiMessage ai = response.aiMessage();
      String text = ai.text() == null ? "" : ai.text();
      if (!ai.hasToolExecutionRequests()) {
        Message answer =
            message(run, MessageRole.ASSISTANT, text, List.of(), null, progress.outputTokens);
        messages.append(answer, run.runId());
        emitter.emit("usage", usage(run.choice(), progress.inputTokens, progress.outputTokens));
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("assistant_data", json.mapper().convertValue(answer, OBJECT));
        done.put("message_id", answer.id());
        emitter.complete(done, answer.id());
        return;
      }
      List<ParsedCall> calls =
          ai.toolExecutionRequests().stream().map(r -> ParsedCall.of(r, json)).toList();
      messages.append(
          message(
              run,
              MessageRole.ASSISTANT,
              text,
              calls.stream().map(ParsedCall::toolCall).toList(),
              null,
              null),
          run.runId());
      if (!runCalls(run, profile, progress, calls)) {
        return;
      }
    }
    emitter.fail(
        new RunError(
            ErrorCode.STREAMING_ERROR,
            "The agent reached the recursion limit of "
                + limit
                + " model turns without a final answer; raise config.recursion_limit or"
                + " simplify the task"));
  }

  /**
   * Runs the calls of one model turn in order.
   *
   * @return false when the run ended or paused (its terminal event is written)
   */
  private boolean runCalls(
      RunContext run, AgentProfile profile, Progress progress, List<ParsedCall> calls) {
    RunEmitter emitter = run.emitter();
    for (int i = 0; i < calls.size(); i++) {
      ParsedCall call = calls.get(i);
      emitter.emit("tool_call", toolCallEvent(call.toolCall()));
      if (tools.needsApproval(profile, call)) {
        pause(run, progress, call, calls.subList(i + 1, calls.size()));
        return false;
      }
      ToolResult result;
      try {
        result = dispatch(run, profile, progress, call);
      } catch (ToolCancelledException e) {
        emitter.abort();
        return false;
      }
      record(run, call.toolCall(), result);
      if (run.cancellation().isCancelled()) {
        emitter.abort();
        return false;
      }
    }
    return true;
  }

  /** Runs one call: {@code task} goes to a subagent, everything else to the tool runner. */
  private ToolResult dispatch(
      RunContext run, AgentProfile profile, Progress progress, ParsedCall call) {
    if (AgentProfiles.TASK.equals(call.toolCall().name())
        && call.parseError() == null
        && profile.delegates()) {
      return subagents.delegate(run, profile, call.toolCall());
    }
    return tools.execute(run, profile, progress.todos, call);
  }

  private void pause(RunContext run, Progress progress, ParsedCall call, List<ParsedCall> rest) {
    Checkpoint checkpoint =
        new Checkpoint(
            call,
            rest,
            progress.turn,
            progress.inputTokens,
            progress.outputTokens,
            run.choice().provider(),
            run.choice().model(),
            progress.todos.state());
    run.emitter().status("waiting_for_approval");
    run.emitter().interrupt(json.write(checkpoint), interruptEvent(run, call.toolCall()));
  }

  /** The {@code interrupt} payload of spec 001 ("SSE Event Types"). */
  private static Map<String, Object> interruptEvent(RunContext run, ToolCall call) {
    Map<String, Object> review = new LinkedHashMap<>();
    review.put("action_name", call.name());
    review.put("allowed_decisions", DECISIONS);
    Map<String, Object> action = new LinkedHashMap<>();
    action.put("name", call.name());
    action.put("args", call.args());
    action.put("review_config", review);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("tool_call_id", call.id());
    event.put("tool_name", call.name());
    event.put("args", call.args());
    event.put("session_id", run.session().id());
    event.put("action_requests", List.of(action));
    return event;
  }

  /** Emits a call's {@code tool_result} and stores its tool message. */
  private void record(RunContext run, ToolCall call, ToolResult result) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("tool_call_id", call.id());
    event.put("output", result.output());
    event.put("exit_code", result.exitCode());
    run.emitter().emit("tool_result", event);
    messages.append(
        message(run, MessageRole.TOOL, result.output(), List.of(), call.id(), null), run.runId());
  }

  List<ToolSpecification> specs(AgentProfile profile, Scope scope) {
    List<ToolSpecification> specs = new ArrayList<>();
    profile.tools().values().forEach(tool -> specs.add(specifications.of(tool)));
    specs.add(specifications.of(TodoList.NAME, TodoList.DESCRIPTION, TodoList.SCHEMA));
    if (profile.delegates()) {
      specs.add(subagents.specification(scope));
    }
    return specs;
  }

  /**
   * @param temperature null for the model's default
   */
  static ChatRequest request(
      ModelChoice choice,
      Double temperature,
      List<ChatMessage> conversation,
      List<ToolSpecification> specs) {
    return ChatRequest.builder()
        .messages(conversation)
        .modelName(choice.model())
        .temperature(temperature)
        .toolSpecifications(specs)
        .build();
  }

  private Message message(
      RunContext run,
      MessageRole role,
      String content,
      List<ToolCall> toolCalls,
      String toolCallId,
      Integer tokenCount) {
    return new Message(
        UUID.randomUUID().toString(),
        run.session().id(),
        role,
        content,
        toolCalls,
        toolCallId,
        null,
        tokenCount,
        role == MessageRole.ASSISTANT ? run.choice().model() : null,
        clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  static Map<String, Object> toolCallEvent(ToolCall call) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("name", call.name());
    event.put("args", call.args());
    event.put("id", call.id());
    return event;
  }

  private static Map<String, Object> usage(ModelChoice choice, int input, int output) {
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("input_tokens", input);
    usage.put("output_tokens", output);
    // The model catalog with prices comes with issue #4; until then the cost is unknown.
    usage.put("estimated_cost", null);
    usage.put("provider", choice.provider());
    usage.put("model", choice.model());
    return usage;
  }

  static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
