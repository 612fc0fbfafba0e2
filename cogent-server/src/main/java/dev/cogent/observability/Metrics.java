package dev.cogent.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's metrics, kept in a Micrometer registry and rendered in the Prometheus text format.
 * Features record through the named methods here, so metric names and labels are defined in one
 * place (docs/observability.md lists them). Recording is cheap and always on; {@link
 * MetricsEndpoint} decides whether anyone can scrape them.
 *
 * <p>Labels hold route templates, provider and model names, tool names and outcomes: never ids,
 * paths or user input, which would make a series per request.
 *
 * <p>Thread-safe.
 */
public final class Metrics {

  /** A few latency buckets instead of Micrometer's ~70 per series. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(25),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicInteger activeStreams = new AtomicInteger();
  private final AtomicInteger activeRuns = new AtomicInteger();

  public Metrics() {
    registry.gauge("cogent.streams.active", activeStreams);
    registry.gauge("cogent.runs.active", activeRuns);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /**
   * The registry, for libraries that publish their own meters into it (HikariCP's pool metrics).
   */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every metric in the Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * @param route the matched route template ({@code /sessions/{session_id}}), never the raw path
   */
  public void httpRequest(String method, String route, int status, Duration duration) {
    Timer.builder("cogent.http.requests")
        .description("HTTP requests by method, route template and status")
        .tags("method", method, "route", route, "status", String.valueOf(status))
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry)
        .record(duration);
  }

  void runStarted() {
    activeRuns.incrementAndGet();
  }

  /**
   * @param outcome the run's terminal event: {@code done}, {@code error} or {@code interrupt}
   */
  void runEnded(String outcome) {
    activeRuns.decrementAndGet();
    Counter.builder("cogent.runs")
        .description("Runs by how they ended")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  void modelCall(String provider, String model, String outcome, Duration duration) {
    Timer.builder("cogent.llm.calls")
        .description("Model calls by provider, model and outcome")
        .tags("provider", provider, "model", model, "outcome", outcome)
        .register(registry)
        .record(duration);
  }

  void tokens(String provider, String model, long input, long output) {
    tokenCounter(provider, model, "input").increment(input);
    tokenCounter(provider, model, "output").increment(output);
  }

  private Counter tokenCounter(String provider, String model, String type) {
    return Counter.builder("cogent.llm.tokens")
        .description("Tokens the models read (input) and wrote (output)")
        .tags("provider", provider, "model", model, "type", type)
        .register(registry);
  }

  /** Adds the estimated cost of a model call, in US dollars, once the price of a model is known. */
  public void cost(String provider, String model, double usd) {
    Counter.builder("cogent.llm.cost.usd")
        .description("Estimated model cost in US dollars")
        .tags("provider", provider, "model", model)
        .register(registry)
        .increment(usd);
  }

  /**
   * @param status {@code ok}, {@code failed} (a non-zero exit code) or {@code error} (it threw)
   */
  void toolCall(String tool, String status, Duration duration) {
    Counter.builder("cogent.tool.calls")
        .description("Tool calls by tool and status")
        .tags("tool", tool, "status", status)
        .register(registry)
        .increment();
    Timer.builder("cogent.tool.duration")
        .description("How long tool calls took")
        .tag("tool", tool)
        .register(registry)
        .record(duration);
  }

  /** An SSE stream began; pair with {@link #streamClosed}. */
  public void streamOpened() {
    activeStreams.incrementAndGet();
  }

  public void streamClosed() {
    activeStreams.decrementAndGet();
  }

  /**
   * A memory pipeline run ended (ingestion, cognify, improve).
   *
   * @param pipeline the pipeline's name, such as {@code cognify}
   * @param status how it ended, such as {@code completed} or {@code failed}
   */
  public void pipelineRun(String pipeline, String status) {
    Counter.builder("cogent.pipeline.runs")
        .description("Memory pipeline runs by pipeline and status")
        .tags("pipeline", pipeline, "status", status)
        .register(registry)
        .increment();
  }
}
