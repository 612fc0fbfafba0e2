package dev.cogent.settings;

/**
 * Tracing and metrics.
 *
 * @param metricsPort the Prometheus port, or null for none
 * @param otelEndpoint the OTLP endpoint, or null for none
 * @param tracingEnabled whether recent traces are kept in memory for {@code GET
 *     /api/v1/activity/spans} (the anchor's {@code COGNEE_TRACING_ENABLED})
 */
public record ObservabilitySettings(
    boolean otelEnabled, Integer metricsPort, String otelEndpoint, boolean tracingEnabled) {

  public ObservabilitySettings {
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
      throw new IllegalArgumentException("observability.metrics_port must be between 0 and 65535");
    }
    if (otelEndpoint != null && !otelEndpoint.matches("(?i)https?://[^/?#\\s]+.*")) {
      throw new IllegalArgumentException(
          "observability.otel_endpoint must be an http:// or https:// URL");
    }
  }
}
