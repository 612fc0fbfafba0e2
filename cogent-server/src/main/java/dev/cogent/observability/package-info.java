/**
 * Observability: OpenTelemetry tracing of HTTP requests, runs, model calls and tool calls ({@link
 * dev.cogent.observability.Telemetry}, {@link dev.cogent.observability.RunTracer}) with an
 * in-memory buffer of recent traces ({@link dev.cogent.observability.SpanBuffer}) and OTLP export;
 * Prometheus metrics through Micrometer ({@link dev.cogent.observability.Metrics}) served on their
 * own port ({@link dev.cogent.observability.MetricsEndpoint}); circuit breakers around providers
 * and MCP servers ({@link dev.cogent.observability.CircuitBreakers}) that {@code GET /health}
 * reports. Imports only settings; features call into it, never the other way round.
 */
package dev.cogent.observability;
