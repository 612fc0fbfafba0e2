package dev.cogent.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.function.Supplier;

/**
 * Spans and metrics of the memory pipelines: one span per pipeline run ({@code add_pipeline},
 * {@code cognify_pipeline}, {@code improve_pipeline}), and inside it one per step or task (a data
 * item, then its classify, chunk, summarize, extract graph, store and index steps; each improve
 * task). Every span carries the run's dataset, pipeline run, owner and tenant ({@link
 * PipelineAttributes}); steps take them from the run span current on the calling thread, so the
 * code of a step needs to know nothing about the run. Thread-safe.
 */
public final class PipelineTracer {

  static final AttributeKey<String> PIPELINE = AttributeKey.stringKey("cogent.pipeline");
  static final AttributeKey<String> PIPELINE_RUN_ID =
      AttributeKey.stringKey("cogent.pipeline_run_id");
  static final AttributeKey<String> DATASET_ID = AttributeKey.stringKey("cogent.dataset_id");
  static final AttributeKey<String> USER_ID = AttributeKey.stringKey("cogent.user_id");

  /** The outcome of a run that completed; any other run's outcome is {@code error}. */
  public static final String COMPLETED = "completed";

  private static final ContextKey<PipelineAttributes> RUN = ContextKey.named("cogent.pipeline");

  private final Tracer tracer;
  private final Metrics metrics;

  public PipelineTracer(Telemetry telemetry, Metrics metrics) {
    this.tracer = telemetry.tracer();
    this.metrics = metrics;
  }

  /**
   * Starts the span of a pipeline run and makes it current on this thread until it is closed there.
   * Mark the end with {@link TraceSpan#outcome} {@link #COMPLETED} (the default is {@code error});
   * it is counted in {@code cogent_pipeline_runs_total} by pipeline and outcome.
   */
  public TraceSpan startRun(PipelineAttributes run) {
    Span span = tracer.spanBuilder(run.pipeline()).setSpanKind(SpanKind.INTERNAL).startSpan();
    tag(span, run);
    var scope = Context.current().with(span).with(RUN, run).makeCurrent();
    return new TraceSpan(
        span, scope, "error", (outcome, duration) -> metrics.pipelineRun(run.pipeline(), outcome));
  }

  /**
   * Starts the span of one step of the current pipeline run, a child of the current span, current
   * on this thread until closed there (a step's own steps nest under it). A failure goes on the
   * span with {@link TraceSpan#fail}.
   */
  public TraceSpan step(String name) {
    Span span = tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL).startSpan();
    PipelineAttributes run = Context.current().get(RUN);
    if (run != null) {
      tag(span, run);
    }
    return new TraceSpan(span, span.makeCurrent(), "ok", (outcome, duration) -> {});
  }

  /** Runs {@code work} as a {@link #step}; what it throws is recorded on the step's span. */
  public <T> T step(String name, Supplier<T> work) {
    try (TraceSpan span = step(name)) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        span.fail(e);
        throw e;
      }
    }
  }

  /** As {@link #step(String, Supplier)} for work without a result. */
  public void step(String name, Runnable work) {
    step(
        name,
        () -> {
          work.run();
          return null;
        });
  }

  private static void tag(Span span, PipelineAttributes run) {
    span.setAttribute(PIPELINE, run.pipeline());
    span.setAttribute(PIPELINE_RUN_ID, run.pipelineRunId());
    span.setAttribute(DATASET_ID, run.datasetId());
    span.setAttribute(USER_ID, run.userId());
    if (run.tenant() != null) {
      span.setAttribute(RunTracer.TENANT, run.tenant());
    }
  }
}
