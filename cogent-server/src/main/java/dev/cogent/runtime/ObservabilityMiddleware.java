package dev.cogent.runtime;

import dev.cogent.observability.RunAttributes;
import dev.cogent.observability.RunTracer;
import dev.cogent.observability.TraceSpan;
import dev.cogent.scope.Scope;
import dev.cogent.scope.ScopeResolver;
import dev.cogent.tools.ToolCancelledException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracing and metrics of tool calls, and DEBUG logs of model answers: every tool call that reaches
 * this point of the chain (built-in, catalog, MCP, {@code write_todos} and {@code task} alike) is a
 * span, a child of the run's, counted by tool and status ({@code ok}, {@code failed} for a non-zero
 * exit code, {@code paused} while it waits for approval, {@code cancelled}, {@code error}). Model
 * calls are traced where the model is built ({@code ChatModels}), so retries are seen too.
 */
final class ObservabilityMiddleware implements Middleware {

  private static final Logger log = LoggerFactory.getLogger(ObservabilityMiddleware.class);

  private final InstantSource clock;
  private final RunTracer tracer;

  ObservabilityMiddleware(InstantSource clock, RunTracer tracer) {
    this.clock = clock;
    this.tracer = tracer;
  }

  @Override
  public String name() {
    return "CognitionObservabilityMiddleware";
  }

  @Override
  public void afterModel(ModelTurnContext turn, ChatRequest request, ChatResponse response) {
    if (log.isDebugEnabled()) {
      log.debug(
          "Model {} answered run {} ({} tool calls, usage {})",
          turn.run().choice().model(),
          turn.run().runId(),
          response.aiMessage().hasToolExecutionRequests()
              ? response.aiMessage().toolExecutionRequests().size()
              : 0,
          response.tokenUsage());
    }
  }

  @Override
  public ToolOutcome aroundTool(ToolInvocation invocation, ToolHandler next) {
    long started = clock.millis();
    Scope scope = invocation.run().scope();
    RunAttributes run =
        new RunAttributes(
            invocation.run().session().id(),
            invocation.run().runId(),
            invocation.run().session().agentName(),
            scope.canonical(),
            scope.values().get(ScopeResolver.TENANT_KEY));
    ToolOutcome outcome;
    try (TraceSpan span =
        tracer.toolCall(invocation.name(), invocation.call().toolCall().id(), run)) {
      try {
        outcome = next.handle(invocation);
      } catch (ToolCancelledException e) {
        span.outcome("cancelled");
        throw e;
      } catch (RuntimeException e) {
        span.fail(e);
        throw e;
      }
      if (outcome.result() == null) {
        span.outcome("paused");
      } else {
        span.attribute("cogent.exit_code", outcome.result().exitCode());
        span.outcome(outcome.result().isSuccess() ? "ok" : "failed");
      }
    }
    if (log.isDebugEnabled() && outcome.result() != null) {
      log.debug(
          "Tool {} of run {} took {} (exit code {})",
          invocation.name(),
          invocation.run().runId(),
          Duration.ofMillis(clock.millis() - started),
          outcome.result().exitCode());
    }
    return outcome;
  }
}
