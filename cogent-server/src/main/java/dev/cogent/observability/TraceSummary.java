package dev.cogent.observability;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One trace of the buffer as {@code GET /api/v1/activity/spans} shows it (the anchor's shape).
 *
 * @param rootName the name of the span without a parent (the first span when the root has not ended
 *     yet)
 * @param durationMs from the first span's start to the last span's end
 * @param status {@code error} when any span failed, else the root's status
 * @param spans the trace's spans in the order they started
 */
public record TraceSummary(
    @JsonProperty("trace_id") String traceId,
    @JsonProperty("root_name") String rootName,
    @JsonProperty("duration_ms") double durationMs,
    @JsonProperty("span_count") int spanCount,
    @JsonProperty("status") String status,
    @JsonProperty("spans") List<SpanView> spans) {

  public TraceSummary {
    spans = List.copyOf(spans);
  }

  static TraceSummary of(String traceId, List<SpanView> spans) {
    SpanView root =
        spans.stream().filter(span -> span.parentSpanId() == null).findFirst().orElse(spans.get(0));
    long started =
        spans.stream().mapToLong(span -> span.startTime().toEpochMilli()).min().orElse(0);
    long ended = spans.stream().mapToLong(span -> span.endTime().toEpochMilli()).max().orElse(0);
    boolean failed = spans.stream().anyMatch(span -> "error".equals(span.status()));
    return new TraceSummary(
        traceId,
        root.name(),
        ended - started,
        spans.size(),
        failed ? "error" : root.status(),
        spans);
  }
}
