package dev.cogent.settings;

import java.time.Duration;

/**
 * Tracing and metrics.
 *
 * @param metricsPort the Prometheus port, or null for none
 * @param otelEndpoint the OTLP endpoint, or null for none
 * @param tracingEnabled whether recent traces are kept in memory for {@code GET
 *     /api/v1/activity/spans} (the anchor's {@code COGNEE_TRACING_ENABLED})
 * @param breakerFailureThreshold consecutive failures that open a provider's or MCP server's
 *     circuit breaker
 * @param breakerOpenDuration how long an open breaker refuses calls before one trial call
 * @param breakerProbeTimeout how long a half-open breaker waits for its trial's outcome before it
 *     lets another trial through
 */
public record ObservabilitySettings(
    boolean otelEnabled,
    Integer metricsPort,
    String otelEndpoint,
    boolean tracingEnabled,
    int breakerFailureThreshold,
    Duration breakerOpenDuration,
    Duration breakerProbeTimeout) {

  public ObservabilitySettings {
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
      throw new IllegalArgumentException("observability.metrics_port must be between 0 and 65535");
    }
    if (otelEndpoint != null && !otelEndpoint.matches("(?i)https?://[^/?#\\s]+.*")) {
      throw new IllegalArgumentException(
          "observability.otel_endpoint must be an http:// or https:// URL");
    }
    if (breakerFailureThreshold < 1) {
      throw new IllegalArgumentException(
          "observability.breaker_failure_threshold must be at least 1");
    }
    if (breakerOpenDuration == null || breakerOpenDuration.isNegative()) {
      throw new IllegalArgumentException("observability.breaker_open_seconds must not be negative");
    }
    if (breakerProbeTimeout == null || breakerProbeTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "observability.breaker_probe_timeout_seconds must not be negative");
    }
  }
}
