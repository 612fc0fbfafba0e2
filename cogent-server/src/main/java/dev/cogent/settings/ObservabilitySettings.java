package dev.cogent.settings;

/**
 * Tracing and metrics.
 *
 * @param metricsPort the Prometheus port, or null for none
 * @param otelEndpoint the OTLP endpoint, or null for none
 */
public record ObservabilitySettings(boolean otelEnabled, Integer metricsPort, String otelEndpoint) {

  public ObservabilitySettings {
    if (metricsPort != null && (metricsPort < 1 || metricsPort > 65535)) {
      throw new IllegalArgumentException("observability.metrics_port must be between 1 and 65535");
    }
  }
}
