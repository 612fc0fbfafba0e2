package dev.cogent.observability;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * One finished span as {@code GET /api/v1/activity/spans} shows it.
 *
 * @param parentSpanId null for the root span of a trace
 * @param status {@code ok}, {@code error} or {@code unset}
 * @param attributes the span's attributes, values as OpenTelemetry typed them
 */
public record SpanView(
    @JsonProperty("trace_id") String traceId,
    @JsonProperty("span_id") String spanId,
    @JsonProperty("parent_span_id") String parentSpanId,
    @JsonProperty("name") String name,
    @JsonProperty("kind") String kind,
    @JsonProperty("start_time") Instant startTime,
    @JsonProperty("end_time") Instant endTime,
    @JsonProperty("duration_ms") double durationMs,
    @JsonProperty("status") String status,
    @JsonProperty("attributes") Map<String, Object> attributes) {

  public SpanView {
    attributes = Map.copyOf(attributes);
  }
}
