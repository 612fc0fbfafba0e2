package dev.cogent.runtime;

import dev.cogent.registry.Agent;
import dev.cogent.scope.Scope;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * The agent loop's middleware, in one fixed order. The order matters, and this is it (outermost
 * first; every hook runs the links in this order, and a tool call passes them inwards to the tool):
 *
 * <ol>
 *   <li>{@link ToolSecurityMiddleware}: blocked tools and protected paths are refused before
 *       anything else, so no human is ever asked about them;
 *   <li>{@link TrustedRuntimeContextMiddleware}: the tool's context and any declared {@code
 *       session_id} / {@code run_id} / {@code scope} argument come from the run;
 *   <li>{@link ToolArgumentValidationMiddleware}: unparsable or invalid arguments and unknown tools
 *       go back to the model to repair;
 *   <li>{@link HumanInTheLoopMiddleware}: a valid call of a tool in {@code interrupt_on} pauses;
 *   <li>{@link ObservabilityMiddleware}: sees model answers and the calls that really run;
 *   <li>{@link MemoryMiddleware}: {@code AGENTS.md} and other memory files in the system prompt;
 *   <li>{@link SkillsMiddleware}: the attached skills listed in the system prompt;
 *   <li>{@link SummarizationMiddleware}: older turns summarized near the context window;
 *   <li>{@link LargeToolResultsMiddleware}: large results saved to a file, innermost so that it
 *       sees the tool's own output.
 * </ol>
 *
 * <p>Planning ({@code write_todos}) and subagents ({@code task}) are the tools at the end of the
 * chain ({@link ToolRunner}); {@code status} and {@code token} streaming is the loop's own.
 *
 * <p>Thread-safe: the links are.
 */
final class MiddlewareChain {

  private final List<Middleware> links;

  MiddlewareChain(List<Middleware> links) {
    this.links = List.copyOf(links);
  }

  /** The names of the links, in order, for {@code GET /capabilities}. */
  List<String> names() {
    return links.stream().map(Middleware::name).toList();
  }

  boolean offers(String toolName) {
    return links.stream().allMatch(link -> link.offers(toolName));
  }

  String systemPrompt(Agent agent, Scope scope, Path workspace, String prompt) {
    String shaped = prompt;
    for (Middleware link : links) {
      shaped = link.systemPrompt(agent, scope, workspace, shaped);
    }
    return shaped;
  }

  Conversation beforeModel(ModelTurnContext turn, Conversation conversation) {
    Conversation shaped = conversation;
    for (Middleware link : links) {
      shaped = link.beforeModel(turn, shaped);
    }
    return shaped;
  }

  void afterModel(ModelTurnContext turn, ChatRequest request, ChatResponse response) {
    for (Middleware link : links) {
      link.afterModel(turn, request, response);
    }
  }

  /** Passes the call through every link to {@code tool}. */
  ToolOutcome callTool(ToolInvocation invocation, Middleware.ToolHandler tool) {
    return step(0, tool).handle(invocation);
  }

  private Middleware.ToolHandler step(int index, Middleware.ToolHandler tool) {
    if (index == links.size()) {
      return tool;
    }
    Middleware link = links.get(index);
    return invocation -> link.aroundTool(invocation, step(index + 1, tool));
  }
}
