package dev.cogent.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * Spans and metrics of the agent runtime: one span per run, and inside it one per model call and
 * per tool call. Each span carries the run's session, run, tenant and scope ({@link
 * RunAttributes}); model and tool calls take them from the run span current on the calling thread,
 * so whoever calls a model or a tool needs to know nothing about the run.
 *
 * <p>Span names and attributes follow the OpenTelemetry GenAI conventions ({@code invoke_agent},
 * {@code chat}, {@code execute_tool}). Thread-safe.
 */
public final class RunTracer {

  static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("cogent.session_id");
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("cogent.run_id");
  static final AttributeKey<String> TENANT = AttributeKey.stringKey("cogent.tenant");
  static final AttributeKey<String> SCOPE = AttributeKey.stringKey("cogent.scope");

  private static final ContextKey<RunAttributes> RUN = ContextKey.named("cogent.run");

  private final Tracer tracer;
  private final Metrics metrics;

  public RunTracer(Telemetry telemetry, Metrics metrics) {
    this.tracer = telemetry.tracer();
    this.metrics = metrics;
  }

  /**
   * Starts the span of a run and makes it current on this thread, the run's thread, until it is
   * closed there. Set the run's end with {@link TraceSpan#outcome} before closing.
   */
  public TraceSpan startRun(RunAttributes run) {
    Span span =
        tracer
            .spanBuilder("invoke_agent " + run.agent())
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute("gen_ai.operation.name", "invoke_agent")
            .setAttribute("gen_ai.agent.name", run.agent())
            .startSpan();
    tag(span, run);
    metrics.runStarted();
    var scope = Context.current().with(span).with(RUN, run).makeCurrent();
    return new TraceSpan(span, scope, "error", (outcome, duration) -> metrics.runEnded(outcome));
  }

  /**
   * Starts the span of one model call, a child of the current span. It is not made current: a
   * streaming call ends on the provider client's thread. Report usage with {@link #usage}.
   *
   * @param provider the provider type, such as {@code openai}
   */
  public TraceSpan modelCall(String provider, String model) {
    Span span =
        tracer
            .spanBuilder("chat " + model)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("gen_ai.operation.name", "chat")
            .setAttribute("gen_ai.system", provider)
            .setAttribute("gen_ai.request.model", model)
            .startSpan();
    tagFromContext(span);
    return new TraceSpan(
        span,
        null,
        "ok",
        (outcome, duration) -> metrics.modelCall(provider, model, outcome, duration));
  }

  /** Records the token usage of a model call on its span and in the token counters. */
  public void usage(TraceSpan call, String provider, String model, long input, long output) {
    call.attribute("gen_ai.usage.input_tokens", input)
        .attribute("gen_ai.usage.output_tokens", output);
    metrics.tokens(provider, model, input, output);
  }

  /** Counts the estimated cost of a finished run in the cost counter. */
  public void cost(String provider, String model, double usd) {
    metrics.cost(provider, model, usd);
  }

  /**
   * Starts the span of one tool call as the current span of this thread (calls the tool makes, such
   * as an MCP request, nest under it). Mark a non-zero exit with {@link TraceSpan#outcome} {@code
   * failed}, a thrown exception with {@link TraceSpan#fail}.
   *
   * @param run the run the call belongs to, for when no run span is current
   */
  public TraceSpan toolCall(String tool, String callId, RunAttributes run) {
    Span span =
        tracer
            .spanBuilder("execute_tool " + tool)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute("gen_ai.operation.name", "execute_tool")
            .setAttribute("gen_ai.tool.name", tool)
            .startSpan();
    if (callId != null) {
      span.setAttribute("gen_ai.tool.call.id", callId);
    }
    RunAttributes current = Context.current().get(RUN);
    tag(span, current != null ? current : run);
    return new TraceSpan(
        span,
        span.makeCurrent(),
        "ok",
        (outcome, duration) -> metrics.toolCall(tool, outcome, duration));
  }

  private static void tagFromContext(Span span) {
    RunAttributes run = Context.current().get(RUN);
    if (run != null) {
      tag(span, run);
    }
  }

  private static void tag(Span span, RunAttributes run) {
    span.setAttribute(SESSION_ID, run.sessionId());
    span.setAttribute(RUN_ID, run.runId());
    span.setAttribute(SCOPE, run.scope());
    if (run.tenant() != null) {
      span.setAttribute(TENANT, run.tenant());
    }
  }
}
