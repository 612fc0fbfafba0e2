package dev.cogent.runtime;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hook point of tracing and metrics in the chain: sees every model answer and every tool call
 * that runs (with its duration and exit code). For now it logs them at DEBUG (the run and session
 * ids are in the MDC); OpenTelemetry spans and Prometheus metrics hook in here.
 */
final class ObservabilityMiddleware implements Middleware {

  private static final Logger log = LoggerFactory.getLogger(ObservabilityMiddleware.class);

  private final InstantSource clock;

  ObservabilityMiddleware(InstantSource clock) {
    this.clock = clock;
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
    ToolOutcome outcome = next.handle(invocation);
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
