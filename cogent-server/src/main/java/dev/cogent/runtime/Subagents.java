package dev.cogent.runtime;

import dev.cogent.Json;
import dev.cogent.registry.Agent;
import dev.cogent.scope.Scope;
import dev.cogent.session.ToolCall;
import dev.cogent.tools.ToolCancelledException;
import dev.cogent.tools.ToolResult;
import dev.cogent.tools.Workspaces;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code task(description, subagent_type)} tool: hands a self-contained subtask to another
 * agent definition (mode {@code subagent} or {@code all}, or the built-in {@code general-purpose}),
 * runs it to its final answer on the run's model with the subagent's own prompt and tools, and
 * returns that answer as the tool result. The run's log gets a {@code delegation} event with the
 * real agent names, then the subagent's own {@code tool_call} / {@code tool_result} (and planning)
 * events; its tokens are not streamed (but count in the run's {@code usage}) and its messages are
 * not stored in the transcript. Its tool calls pass the same middleware as the parent's.
 *
 * <p>Subagents cannot delegate further and cannot ask a human: a call of a tool in the subagent's
 * or the delegating agent's {@code interrupt_on} is refused with a result telling the model so
 * (delegation must not be a way around the parent's approvals).
 *
 * <p>Thread-safe and stateless.
 */
final class Subagents {

  static final String GENERAL_PURPOSE = "general-purpose";

  static final String GENERAL_PURPOSE_PROMPT =
      "You are a general-purpose subagent. Complete the task you are given with the tools you"
          + " have, then answer with a concise, complete report of the result: it is all the"
          + " delegating agent will see.";

  static final Map<String, Object> SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of(
              "description",
              Map.of(
                  "type",
                  "string",
                  "description",
                  "The complete, self-contained task for the subagent."),
              "subagent_type",
              Map.of("type", "string", "description", "The name of the subagent to use.")),
          "required",
          List.of("description", "subagent_type"),
          "additionalProperties",
          false);

  private static final Logger log = LoggerFactory.getLogger(Subagents.class);

  private final AgentProfiles profiles;
  private final ToolSpecifications specifications;
  private final ToolRunner tools;
  private final TokenCounter tokens;
  private final Workspaces workspaces;
  private final Json json;

  Subagents(
      AgentProfiles profiles,
      ToolSpecifications specifications,
      ToolRunner tools,
      TokenCounter tokens,
      Workspaces workspaces,
      Json json) {
    this.profiles = profiles;
    this.workspaces = workspaces;
    this.specifications = specifications;
    this.tools = tools;
    this.tokens = tokens;
    this.json = json;
  }

  /** The {@code task} tool as the model sees it, listing the subagents of {@code scope}. */
  ToolSpecification specification(Scope scope) {
    StringBuilder description =
        new StringBuilder(
            "Delegate a self-contained task to a subagent with its own context; you get its final"
                + " answer as the result. Available subagents:\n- "
                + GENERAL_PURPOSE
                + ": a general agent with your tools");
    for (Agent agent : profiles.delegates(scope)) {
      if (!agent.name().equals(GENERAL_PURPOSE)) {
        description
            .append("\n- ")
            .append(agent.name())
            .append(": ")
            .append(agent.description() == null ? "" : agent.description());
      }
    }
    return specifications.of(AgentProfiles.TASK, description.toString(), SCHEMA);
  }

  /**
   * Runs the subtask of a {@code task} call (its arguments already valid against {@link #SCHEMA}).
   * The subagent's tokens count in the run's usage.
   *
   * @throws ToolCancelledException when the run was cancelled meanwhile
   */
  ToolResult delegate(ToolInvocation invocation) {
    AgentLoop.RunContext run = invocation.run();
    AgentProfile parent = invocation.profile();
    ToolCall call = invocation.toolCall();
    String task = String.valueOf(call.args().get("description"));
    String type = String.valueOf(call.args().get("subagent_type"));
    Optional<AgentProfile> found = subagent(run, parent, type);
    if (found.isEmpty()) {
      List<String> names = new ArrayList<>();
      names.add(GENERAL_PURPOSE);
      profiles.delegates(run.scope()).forEach(agent -> names.add(agent.name()));
      return ToolResult.failed(
          "Unknown subagent type '"
              + type
              + "'. Available subagents: "
              + String.join(", ", names.stream().distinct().toList()));
    }
    AgentProfile subagent = found.get();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("from_agent", parent.name());
    event.put("to_agent", subagent.name());
    event.put("task", task);
    run.emitter().emit("delegation", event);
    return runToAnswer(run, subagent, task, invocation.usage());
  }

  private Optional<AgentProfile> subagent(
      AgentLoop.RunContext run, AgentProfile parent, String type) {
    Set<String> interruptOn = new HashSet<>(parent.interruptOn());
    Optional<Agent> agent =
        profiles.find(type, run.scope()).filter(found -> found.mode().canBeDelegatedTo());
    if (agent.isPresent()) {
      AgentProfile own =
          profiles.build(
              agent.get(), run.scope(), workspaces.forSession(run.session().id()), false);
      interruptOn.addAll(own.interruptOn());
      return Optional.of(
          new AgentProfile(
              own.name(),
              own.systemPrompt(),
              own.tools(),
              false,
              interruptOn,
              own.temperature(),
              own.unknownTools()));
    }
    if (type.equals(GENERAL_PURPOSE)) {
      return Optional.of(
          new AgentProfile(
              GENERAL_PURPOSE,
              GENERAL_PURPOSE_PROMPT,
              parent.tools(),
              false,
              interruptOn,
              parent.temperature(),
              List.of()));
    }
    return Optional.empty();
  }

  private ToolResult runToAnswer(
      AgentLoop.RunContext run, AgentProfile subagent, String task, RunUsage usage) {
    List<ChatMessage> conversation = new ArrayList<>();
    conversation.add(SystemMessage.from(subagent.systemPrompt()));
    conversation.add(UserMessage.from(task));
    List<ToolSpecification> specs = new ArrayList<>();
    subagent.tools().values().forEach(tool -> specs.add(specifications.of(tool)));
    specs.add(specifications.of(TodoList.NAME, TodoList.DESCRIPTION, TodoList.SCHEMA));
    TodoList todos = new TodoList();
    int limit = run.recursionLimit();
    for (int turn = 0; turn < limit; turn++) {
      if (run.cancellation().isCancelled()) {
        throw new ToolCancelledException(AgentProfiles.TASK);
      }
      ChatRequest request =
          AgentLoop.request(
              run.choice(),
              subagent.temperature() != null ? subagent.temperature() : run.choice().temperature(),
              conversation,
              specs);
      ChatResponse response;
      try {
        response = new ModelTurn(run.model(), token -> {}, run.cancellation()).call(request);
      } catch (CancellationException e) {
        throw new ToolCancelledException(AgentProfiles.TASK);
      } catch (ModelTurn.ModelCallException e) {
        log.info("Subagent {} of run {} failed", subagent.name(), run.runId(), e.getCause());
        return ToolResult.failed(
            "The subagent '" + subagent.name() + "' failed: " + e.getCause().getMessage());
      }
      usage.add(tokens.of(request, response));
      AiMessage ai = response.aiMessage();
      conversation.add(ai);
      if (!ai.hasToolExecutionRequests()) {
        return ToolResult.ok(ai.text() == null ? "" : ai.text());
      }
      for (ToolExecutionRequest asked : ai.toolExecutionRequests()) {
        ParsedCall call = ParsedCall.of(asked, json);
        run.emitter().emit("tool_call", AgentLoop.toolCallEvent(call.toolCall()));
        ToolOutcome outcome =
            tools.run(ToolInvocation.of(run, subagent, call, todos, usage, false, true));
        ToolResult result =
            outcome.paused()
                // The HITL middleware refuses in subagents; a pause here would be a wiring bug.
                ? ToolResult.failed("Tool '" + call.toolCall().name() + "' cannot run here.")
                : outcome.result();
        run.emitter()
            .emit(
                "tool_result",
                AgentLoop.toolResultEvent(
                    call.toolCall(), outcome.paused() ? ToolOutcome.of(result) : outcome));
        conversation.add(
            ToolExecutionResultMessage.from(
                call.toolCall().id(), call.toolCall().name(), result.output()));
      }
    }
    return ToolResult.failed(
        "The subagent '"
            + subagent.name()
            + "' reached the limit of "
            + limit
            + " model turns without an answer.");
  }
}
