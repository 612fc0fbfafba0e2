package dev.cogent.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.llm.ModelChoice;
import dev.cogent.llm.ModelFacts;
import dev.cogent.llm.ModelFailures;
import dev.cogent.observability.RunTracer;
import dev.cogent.registry.Agent;
import dev.cogent.registry.AgentMode;
import dev.cogent.registry.AgentService;
import dev.cogent.registry.SkillService;
import dev.cogent.registry.Source;
import dev.cogent.scope.Scope;
import dev.cogent.session.Message;
import dev.cogent.session.MessageRole;
import dev.cogent.session.MessageService;
import dev.cogent.session.RunError;
import dev.cogent.session.RunService;
import dev.cogent.session.Session;
import dev.cogent.session.ToolCall;
import dev.cogent.settings.RuntimeSettings;
import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolCancelledException;
import dev.cogent.tools.ToolResult;
import dev.cogent.tools.Workspaces;
import dev.cogent.tools.catalog.CatalogTool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
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

  /** The name of an {@link AgentTask}'s inline agent, in its events and logs. */
  static final String TASK_AGENT = "internal-task";

  /** The decisions {@code POST /resume} accepts, as the {@code interrupt} event offers them. */
  static final List<String> DECISIONS = List.of("approve", "edit", "reject");

  private static final Logger log = LoggerFactory.getLogger(AgentLoop.class);
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final MessageService messages;
  private final AgentProfiles profiles;
  private final Workspaces workspaces;
  private final Json json;
  private final InstantSource clock;
  private final RunTracer tracer;
  private final ToolSpecifications specifications;
  private final ChatHistory history;
  private final TokenCounter tokens;
  private final ModelFacts catalog;
  private final MiddlewareChain middleware;
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
   * @param settings blocked tools, protected paths, summarization and large-result limits
   * @param catalog the model catalog: context windows (when to summarize) and prices ({@code
   *     estimated_cost})
   */
  public AgentLoop(
      MessageService messages,
      AgentService agents,
      SkillService skills,
      List<Tool> builtins,
      Function<Scope, List<Tool>> scopedTools,
      Workspaces workspaces,
      Path projectDir,
      RuntimeSettings settings,
      ModelFacts catalog,
      RunTracer tracer,
      Json json,
      InstantSource clock) {
    this.messages = messages;
    this.workspaces = workspaces;
    this.json = json;
    this.clock = clock;
    this.tracer = tracer;
    this.catalog = catalog;
    this.specifications = new ToolSpecifications(json);
    this.history = new ChatHistory(json);
    // For providers that report no usage; GPT-4o's tokenizer (o200k) is close enough for any model.
    this.tokens = new TokenCounter(new OpenAiTokenCountEstimator(OpenAiChatModelName.GPT_4_O));
    this.middleware =
        new MiddlewareChain(
            List.of(
                new ToolSecurityMiddleware(
                    settings.blockedTools(), settings.protectedPaths(), workspaces),
                new TrustedRuntimeContextMiddleware(workspaces),
                new ToolArgumentValidationMiddleware(),
                new HumanInTheLoopMiddleware(),
                new ObservabilityMiddleware(clock, tracer),
                new MemoryMiddleware(new MemoryFiles(projectDir)),
                new SkillsMiddleware(skills),
                new SummarizationMiddleware(
                    messages,
                    history,
                    tokens,
                    catalog,
                    new SummarizationMiddleware.Limits(
                        settings.summarizationTriggerPercent(),
                        settings.defaultContextWindowTokens()),
                    clock),
                new LargeToolResultsMiddleware(settings.largeToolResultBytes())));
    this.profiles = new AgentProfiles(agents, builtins, scopedTools, middleware);
    this.tools = new ToolRunner(middleware, this::delegate);
    this.subagents = new Subagents(profiles, specifications, tools, tokens, workspaces, json);
  }

  /** The middleware of every run, in the order it applies, for {@code GET /capabilities}. */
  public List<String> middleware() {
    return middleware.names();
  }

  /**
   * The definition of the session's agent in its scope, read once when a run starts and handed to
   * {@link #run(RunContext, Agent)}; empty when it no longer exists.
   */
  Optional<Agent> sessionAgent(Session session) {
    return profiles.sessionAgent(session.agentName(), Scope.of(session.scope()));
  }

  /**
   * What one run needs: its session, model and the means to report and stop.
   *
   * @param start how a new run started (its message may not be committed yet); null for a run that
   *     goes on after a pause
   */
  record RunContext(
      Session session,
      String runId,
      ModelChoice choice,
      StreamingChatModel model,
      RunCancellation cancellation,
      RunEmitter emitter,
      RunService.Started start) {

    /** This context, of a run that {@code start} began. */
    RunContext startedBy(RunService.Started start) {
      return new RunContext(session, runId, choice, model, cancellation, emitter, start);
    }

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
    final RunUsage usage;
    final TodoList todos;

    Progress(int turn, RunUsage usage, TodoList todos) {
      this.turn = turn;
      this.usage = usage;
      this.todos = todos;
    }
  }

  /**
   * Runs a new run of the session's {@code agent} (as {@link #sessionAgent} read it when the run
   * started) until its terminal event; the emitter has written it when this returns.
   */
  void run(RunContext run, Agent agent) {
    loop(run, profile(run, agent), new Progress(0, new RunUsage(0, 0), new TodoList()));
  }

  /**
   * Runs a new run of an {@link AgentTask} (its inline agent, not the session's) until its terminal
   * event. The task's agent cannot delegate.
   */
  void run(RunContext run, AgentTask task) {
    Agent agent =
        new Agent(
            TASK_AGENT,
            "An agent run the server started for its own work",
            AgentMode.SUBAGENT,
            true,
            false,
            null,
            null,
            null,
            null,
            task.tools(),
            task.skills(),
            null,
            task.systemPrompt(),
            false,
            task.scope().values(),
            Source.FILE);
    Path workspace = workspaces.forSession(run.session().id());
    AgentProfile profile = profiles.build(agent, run.scope(), workspace, false, task.extraTools());
    loop(run, profile, new Progress(0, new RunUsage(0, 0), new TodoList()));
  }

  /**
   * The names in {@code names} that are no tool an agent of {@code scope} with {@code extraTools}
   * could call (the runtime's own {@code write_todos} is one).
   */
  List<String> unknownTools(Scope scope, List<Tool> extraTools, List<String> names) {
    List<String> known = new ArrayList<>();
    known.add(TodoList.NAME);
    for (Tool tool : profiles.available(scope, extraTools)) {
      known.add(tool.name());
      if (tool instanceof CatalogTool catalog) {
        known.add(catalog.registryName());
      }
    }
    return names.stream().filter(name -> !known.contains(name)).toList();
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
            new RunUsage(checkpoint.inputTokens(), checkpoint.outputTokens()),
            new TodoList(checkpoint.todos()));
    ToolCall pending = checkpoint.pending().toolCall();
    ToolOutcome outcome;
    try {
      outcome =
          switch (decision.decision()) {
            case "approve" -> approved(run, profile, progress, checkpoint.pending());
            case "edit" -> {
              ToolCall edited = new ToolCall(pending.id(), pending.name(), decision.args());
              emitter.emit("tool_call", toolCallEvent(edited));
              yield approved(run, profile, progress, new ParsedCall(edited, null));
            }
            default -> ToolOutcome.of(ToolResult.failed(rejection(pending, decision.args())));
          };
    } catch (ToolCancelledException e) {
      emitter.abort();
      return;
    }
    record(run, pending, outcome);
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

  /** The profile of the session's agent as it is now (a resumed run reads it again). */
  private Optional<AgentProfile> profile(RunContext run) {
    Optional<Agent> agent = sessionAgent(run.session());
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
    return Optional.of(profile(run, agent.get()));
  }

  private AgentProfile profile(RunContext run, Agent agent) {
    Path workspace = workspaces.forSession(run.session().id());
    return profiles.build(agent, run.scope(), workspace, true);
  }

  /**
   * The session's transcript, with the message that started the run even while its start is not yet
   * committed ({@link RunService#start}): then the store does not have it yet, or only just.
   */
  private List<Message> history(RunContext run) {
    RunService.Started start = run.start();
    // Asked before the read: once committed, the read has it.
    boolean committed = start == null || start.stored().isDone();
    List<Message> stored = messages.history(run.session().id());
    if (committed) {
      return stored;
    }
    Message own = start.userMessage();
    for (Message message : stored) {
      if (message.id().equals(own.id())) {
        return stored;
      }
    }
    List<Message> all = new ArrayList<>(stored.size() + 1);
    all.addAll(stored);
    all.add(own);
    return all;
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
      ModelTurnContext turn = new ModelTurnContext(run, profile, progress.usage);
      ChatRequest request;
      ChatResponse response;
      try {
        Conversation shaped =
            middleware.beforeModel(turn, new Conversation(profile.systemPrompt(), history(run)));
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(SystemMessage.from(shaped.systemPrompt()));
        conversation.addAll(history.from(shaped.transcript()));
        request =
            request(
                run.choice(),
                // The session config's temperature, else the agent's (ModelResolver).
                run.choice().temperature() != null
                    ? run.choice().temperature()
                    : profile.temperature(),
                conversation,
                specs);
        response =
            new ModelTurn(
                    run.model(),
                    token -> emitter.emit("token", Map.of("content", token)),
                    run.cancellation())
                .call(request);
      } catch (CancellationException e) {
        emitter.abort();
        return;
      } catch (ModelTurn.ModelCallException e) {
        log.info("Model call of run {} failed", run.runId(), e.getCause());
        emitter.fail(ModelFailures.toRunError(e.getCause()));
        return;
      }
      emitter.status("idle");
      progress.usage.add(tokens.of(request, response));
      middleware.afterModel(turn, request, response);
      AiMessage ai = response.aiMessage();
      String text = ai.text() == null ? "" : ai.text();
      if (!ai.hasToolExecutionRequests()) {
        Message answer =
            message(
                run, MessageRole.ASSISTANT, text, List.of(), null, progress.usage.outputTokens());
        messages.append(answer, run.runId());
        emitter.emit("usage", usage(run.choice(), progress.usage));
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
   * Runs the calls of one model turn in order, through the middleware.
   *
   * @return false when the run ended or paused (its terminal event is written)
   */
  private boolean runCalls(
      RunContext run, AgentProfile profile, Progress progress, List<ParsedCall> calls) {
    RunEmitter emitter = run.emitter();
    for (int i = 0; i < calls.size(); i++) {
      ParsedCall call = calls.get(i);
      emitter.emit("tool_call", toolCallEvent(call.toolCall()));
      ToolOutcome outcome;
      try {
        outcome =
            tools.run(
                ToolInvocation.of(
                    run, profile, call, progress.todos, progress.usage, false, false));
      } catch (ToolCancelledException e) {
        emitter.abort();
        return false;
      }
      if (outcome.paused()) {
        pause(run, progress, call, calls.subList(i + 1, calls.size()));
        return false;
      }
      record(run, call.toolCall(), outcome);
      if (run.cancellation().isCancelled()) {
        emitter.abort();
        return false;
      }
    }
    return true;
  }

  /** Runs a call a human approved (as asked, or with edited arguments). */
  private ToolOutcome approved(
      RunContext run, AgentProfile profile, Progress progress, ParsedCall call) {
    return tools.run(
        ToolInvocation.of(run, profile, call, progress.todos, progress.usage, true, false));
  }

  /** Runs a {@code task} call in a subagent (the end of the chain, see {@link ToolRunner}). */
  private ToolResult delegate(ToolInvocation invocation) {
    return subagents.delegate(invocation);
  }

  private void pause(RunContext run, Progress progress, ParsedCall call, List<ParsedCall> rest) {
    Checkpoint checkpoint =
        new Checkpoint(
            call,
            rest,
            progress.turn,
            progress.usage.inputTokens(),
            progress.usage.outputTokens(),
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
  private void record(RunContext run, ToolCall call, ToolOutcome outcome) {
    run.emitter().emit("tool_result", toolResultEvent(call, outcome));
    messages.append(
        message(run, MessageRole.TOOL, outcome.result().output(), List.of(), call.id(), null),
        run.runId());
  }

  /** The {@code tool_result} payload: spec 001's fields, then the middleware's details. */
  static Map<String, Object> toolResultEvent(ToolCall call, ToolOutcome outcome) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("tool_call_id", call.id());
    event.put("output", outcome.result().output());
    event.put("exit_code", outcome.result().exitCode());
    event.putAll(outcome.details());
    return event;
  }

  List<ToolSpecification> specs(AgentProfile profile, Scope scope) {
    List<ToolSpecification> specs = new ArrayList<>();
    profile.tools().values().forEach(tool -> specs.add(specifications.of(tool)));
    if (middleware.offers(TodoList.NAME)) {
      specs.add(specifications.of(TodoList.NAME, TodoList.DESCRIPTION, TodoList.SCHEMA));
    }
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

  private Map<String, Object> usage(ModelChoice choice, RunUsage usage) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("input_tokens", usage.inputTokens());
    event.put("output_tokens", usage.outputTokens());
    Double cost =
        catalog
            .findEstimatedCost(
                choice.provider(), choice.model(), usage.inputTokens(), usage.outputTokens())
            .orElse(null);
    if (cost != null) {
      tracer.cost(choice.provider(), choice.model(), cost);
    }
    event.put("estimated_cost", cost);
    event.put("provider", choice.provider());
    event.put("model", choice.model());
    return event;
  }
}
