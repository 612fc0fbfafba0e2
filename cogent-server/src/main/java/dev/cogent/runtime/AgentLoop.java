package dev.cogent.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.llm.ModelChoice;
import dev.cogent.llm.ModelFailures;
import dev.cogent.scope.Scope;
import dev.cogent.session.Message;
import dev.cogent.session.MessageRole;
import dev.cogent.session.MessageService;
import dev.cogent.session.RunError;
import dev.cogent.session.Session;
import dev.cogent.session.ToolCall;
import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolCancelledException;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import dev.cogent.tools.Workspaces;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
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
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ReAct loop of one run: model turn, then the tool calls it asked for, their results back to
 * the model, and again, until the model answers without calling a tool or the session's {@code
 * recursion_limit} of model turns is spent. Every step is an event in the session's log and every
 * message is stored in the transcript; the run ends with exactly one {@code done} or {@code error}.
 *
 * <p>Tool problems the model can fix (unknown tool, invalid or unparsable arguments, a tool that
 * throws) go back to it as a failed result with exit code 1; they do not end the run.
 *
 * <p>Thread-safe: one instance runs every run, each on its own thread.
 */
public final class AgentLoop {

  /** Model turns a run may take when the session config sets no {@code recursion_limit}. */
  public static final int DEFAULT_RECURSION_LIMIT = 50;

  private static final Logger log = LoggerFactory.getLogger(AgentLoop.class);
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final MessageService messages;
  private final List<Tool> tools;
  private final Workspaces workspaces;
  private final Json json;
  private final InstantSource clock;
  private final ToolSpecifications specifications;
  private final ChatHistory history;

  /**
   * @param tools the tools every agent has (the built-in ones); {@code write_todos} is the
   *     runtime's own and is always added
   */
  public AgentLoop(
      MessageService messages,
      List<Tool> tools,
      Workspaces workspaces,
      Json json,
      InstantSource clock) {
    this.messages = messages;
    this.tools = List.copyOf(tools);
    this.workspaces = workspaces;
    this.json = json;
    this.clock = clock;
    this.specifications = new ToolSpecifications(json);
    this.history = new ChatHistory(json);
  }

  /** What one run needs: its session, model and the means to report and stop. */
  record RunContext(
      Session session,
      String runId,
      ModelChoice choice,
      StreamingChatModel model,
      RunCancellation cancellation,
      RunEmitter emitter) {}

  /** Runs to the end; the emitter has written the terminal event when this returns. */
  void run(RunContext run) {
    RunEmitter emitter = run.emitter();
    Map<String, Tool> byName = new LinkedHashMap<>();
    tools.forEach(tool -> byName.put(tool.name(), tool));
    List<ToolSpecification> specs = new ArrayList<>();
    byName.values().forEach(tool -> specs.add(specifications.of(tool)));
    specs.add(specifications.of(TodoList.NAME, TodoList.DESCRIPTION, TodoList.SCHEMA));
    TodoList todos = new TodoList();
    ToolRunner toolRunner = new ToolRunner(run, byName, todos);

    List<ChatMessage> conversation =
        new ArrayList<>(history.from(messages.history(run.session().id())));
    int limit = recursionLimit(run.session());
    int inputTokens = 0;
    int outputTokens = 0;
    for (int turn = 0; turn < limit; turn++) {
      if (run.cancellation().isCancelled()) {
        emitter.abort();
        return;
      }
      emitter.status("thinking");
      ChatResponse response;
      try {
        response =
            new ModelTurn(run.model(), emitter, run.cancellation())
                .call(
                    ChatRequest.builder()
                        .messages(conversation)
                        .modelName(run.choice().model())
                        .toolSpecifications(specs)
                        .build());
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
        inputTokens += orZero(response.tokenUsage().inputTokenCount());
        outputTokens += orZero(response.tokenUsage().outputTokenCount());
      }
      AiMessage ai = response.aiMessage();
      String text = ai.text() == null ? "" : ai.text();
      if (!ai.hasToolExecutionRequests()) {
        Message answer = message(run, MessageRole.ASSISTANT, text, List.of(), null, outputTokens);
        messages.append(answer, run.runId());
        emitter.emit("usage", usage(run.choice(), inputTokens, outputTokens));
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("assistant_data", json.mapper().convertValue(answer, OBJECT));
        done.put("message_id", answer.id());
        emitter.complete(done, answer.id());
        return;
      }
      List<ParsedCall> calls = ai.toolExecutionRequests().stream().map(this::parse).toList();
      messages.append(
          message(
              run,
              MessageRole.ASSISTANT,
              text,
              calls.stream().map(ParsedCall::toolCall).toList(),
              null,
              null),
          run.runId());
      conversation.add(ai);
      for (ParsedCall call : calls) {
        emitter.emit("tool_call", toolCallEvent(call.toolCall()));
        ToolResult result;
        try {
          result = toolRunner.execute(call);
        } catch (ToolCancelledException e) {
          emitter.abort();
          return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("tool_call_id", call.toolCall().id());
        event.put("output", result.output());
        event.put("exit_code", result.exitCode());
        emitter.emit("tool_result", event);
        messages.append(
            message(run, MessageRole.TOOL, result.output(), List.of(), call.toolCall().id(), null),
            run.runId());
        conversation.add(
            ToolExecutionResultMessage.from(
                call.toolCall().id(), call.toolCall().name(), result.output()));
        if (run.cancellation().isCancelled()) {
          emitter.abort();
          return;
        }
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

  /** A tool call with its arguments parsed, or the reason they could not be. */
  record ParsedCall(ToolCall toolCall, String parseError) {}

  private ParsedCall parse(ToolExecutionRequest request) {
    String id = request.id() == null ? "call_" + UUID.randomUUID() : request.id();
    String raw =
        request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
    try {
      Object value = json.mapper().readValue(raw, Object.class);
      if (value instanceof Map<?, ?>) {
        return new ParsedCall(
            new ToolCall(id, request.name(), json.mapper().convertValue(value, OBJECT)), null);
      }
      return new ParsedCall(
          new ToolCall(id, request.name(), Map.of()), "the arguments must be a JSON object");
    } catch (JsonProcessingException e) {
      return new ParsedCall(
          new ToolCall(id, request.name(), Map.of()),
          "the arguments are not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Runs the tool calls of one run, turning every problem the model can fix into a result. */
  private final class ToolRunner {
    private final RunContext run;
    private final Map<String, Tool> byName;
    private final TodoList todos;
    private Path workspace;

    ToolRunner(RunContext run, Map<String, Tool> byName, TodoList todos) {
      this.run = run;
      this.byName = byName;
      this.todos = todos;
    }

    ToolResult execute(ParsedCall call) {
      String name = call.toolCall().name();
      if (call.parseError() != null) {
        return ToolResult.failed("Invalid arguments for tool '" + name + "': " + call.parseError());
      }
      Map<String, Object> args = call.toolCall().args();
      if (TodoList.NAME.equals(name)) {
        List<String> problems = ToolArguments.problems(TodoList.SCHEMA, args);
        return problems.isEmpty() ? todos.write(args, run.emitter()) : invalid(name, problems);
      }
      Tool tool = byName.get(name);
      if (tool == null) {
        TreeSet<String> known = new TreeSet<>(byName.keySet());
        known.add(TodoList.NAME);
        return ToolResult.failed(
            "Unknown tool '" + name + "'. Available tools: " + String.join(", ", known));
      }
      List<String> problems = ToolArguments.problems(tool.parametersSchema(), args);
      if (!problems.isEmpty()) {
        return invalid(name, problems);
      }
      try {
        return tool.execute(
            args,
            new ToolContext(
                run.session().id(),
                run.runId(),
                call.toolCall().id(),
                Scope.of(run.session().scope()),
                workspace(),
                run.cancellation()));
      } catch (ToolCancelledException e) {
        throw e;
      } catch (RuntimeException e) {
        if (run.cancellation().isCancelled()) {
          throw new ToolCancelledException(name);
        }
        log.warn("Tool {} failed in run {}", name, run.runId(), e);
        return ToolResult.failed("Tool '" + name + "' failed: " + e.getMessage());
      }
    }

    private Path workspace() {
      if (workspace == null) {
        workspace = workspaces.forSession(run.session().id());
      }
      return workspace;
    }

    private ToolResult invalid(String name, List<String> problems) {
      return ToolResult.failed(
          "Invalid arguments for tool '"
              + name
              + "': "
              + String.join("; ", problems)
              + ". Fix them and call the tool again.");
    }
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

  private static Map<String, Object> toolCallEvent(ToolCall call) {
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

  private static int recursionLimit(Session session) {
    Integer limit = session.config() == null ? null : session.config().recursionLimit();
    return limit == null ? DEFAULT_RECURSION_LIMIT : limit;
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
