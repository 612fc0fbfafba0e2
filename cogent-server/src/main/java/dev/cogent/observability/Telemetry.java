package dev.cogent.observability;

import dev.cogent.settings.ObservabilitySettings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server's OpenTelemetry tracing: one tracer provider whose spans go to the {@link SpanBuffer}
 * and, when {@code observability.otel_endpoint} is set, to that OTLP endpoint.
 *
 * <p>Tracing is on when {@code observability.tracing_enabled} or {@code observability.otel_enabled}
 * is true or an endpoint is set; while it is off, spans are dropped when they start and cost next
 * to nothing. {@link #apply} takes new settings at runtime ({@code PATCH /config}).
 *
 * <p>This is not the global {@code GlobalOpenTelemetry}: nothing outside the server's own wiring
 * sees it, and tests can run several servers in one JVM. Thread-safe; {@link #close} flushes what
 * is queued for export.
 */
public final class Telemetry implements AutoCloseable {

  private final AtomicBoolean enabled = new AtomicBoolean();
  private final SpanBuffer buffer = new SpanBuffer();
  private final OtlpExport export = new OtlpExport();
  private final SdkTracerProvider provider;
  private final Tracer tracer;

  /**
   * @param version the server version, as the {@code service.version} of every span
   * @throws IllegalArgumentException when the OTLP endpoint is not an http(s) URL
   */
  public Telemetry(ObservabilitySettings settings, String version) {
    this.provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(
                                AttributeKey.stringKey("service.name"),
                                "cogent",
                                AttributeKey.stringKey("service.version"),
                                version))))
            .setSampler(new Switch(enabled))
            .addSpanProcessor(new SpanBuffer.Processor(buffer))
            .addSpanProcessor(export)
            .build();
    this.tracer = provider.get("dev.cogent", version);
    apply(settings);
  }

  /** Whether {@code settings} turn tracing on. */
  public static boolean isTracing(ObservabilitySettings settings) {
    return settings.tracingEnabled() || settings.otelEnabled() || settings.otelEndpoint() != null;
  }

  /** Takes new observability settings: tracing on or off, the OTLP endpoint. */
  public void apply(ObservabilitySettings settings) {
    export.exportTo(settings.otelEndpoint());
    enabled.set(isTracing(settings));
  }

  public boolean isEnabled() {
    return enabled.get();
  }

  /** The recent traces; empty while tracing is off. */
  public SpanBuffer spans() {
    return buffer;
  }

  /**
   * {@code executor}, passing the submitting thread's trace context on to each task, so that work
   * handed to it (a run) is traced as a child of what submitted it (the request).
   */
  public ExecutorService propagating(ExecutorService executor) {
    return Context.taskWrapping(executor);
  }

  Tracer tracer() {
    return tracer;
  }

  @Override
  public void close() {
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }

  /** Samples every span while tracing is on, none while it is off. */
  private static final class Switch implements Sampler {

    private final AtomicBoolean enabled;

    Switch(AtomicBoolean enabled) {
      this.enabled = enabled;
    }

    @Override
    public SamplingResult shouldSample(
        Context parentContext,
        String traceId,
        String name,
        SpanKind spanKind,
        Attributes attributes,
        List<LinkData> parentLinks) {
      return enabled.get() ? SamplingResult.recordAndSample() : SamplingResult.drop();
    }

    @Override
    public String getDescription() {
      return "CogentSwitch";
    }
  }
}
