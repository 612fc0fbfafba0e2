package dev.cogent.runtime;

import dev.cogent.registry.Agent;
import dev.cogent.scope.Scope;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Path;

/**
 * One concern of the agent loop, applied by {@link MiddlewareChain} in its documented order at four
 * points: when a run builds its agent's system prompt, before and after every model turn, and
 * around every tool call. Every hook has a pass-through default, so a middleware implements only
 * the points it acts on.
 *
 * <p>Implementations are stateless and thread-safe: one instance serves every run.
 */
interface Middleware {

  /**
   * The name {@code GET /capabilities} lists (the spec's middleware vocabulary where it has one).
   */
  String name();

  /** Whether the model is offered the tool at all. */
  default boolean offers(String toolName) {
    return true;
  }

  /**
   * Adds to the system prompt of {@code agent} for a run in {@code workspace}; called once per run
   * (and per subagent).
   */
  default String systemPrompt(Agent agent, Scope scope, Path workspace, String prompt) {
    return prompt;
  }

  /** Shapes what the model is given on this turn (the system prompt and the transcript). */
  default Conversation beforeModel(ModelTurnContext turn, Conversation conversation) {
    return conversation;
  }

  /** Sees the answer of a model turn. */
  default void afterModel(ModelTurnContext turn, ChatRequest request, ChatResponse response) {}

  /**
   * Around one tool call: returns an outcome of its own (refusing, pausing) or what {@code next}
   * returns, possibly changed.
   */
  default ToolOutcome aroundTool(ToolInvocation invocation, ToolHandler next) {
    return next.handle(invocation);
  }

  /** The rest of the chain after a middleware, ending with the tool itself. */
  @FunctionalInterface
  interface ToolHandler {
    ToolOutcome handle(ToolInvocation invocation);
  }
}
