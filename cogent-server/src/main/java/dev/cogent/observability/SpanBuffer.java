package dev.cogent.observability;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The finished spans of the most recent traces, in memory, for {@code GET /api/v1/activity/spans}
 * (the anchor's trace buffer). It keeps the last {@value #TRACES} traces (by when their first span
 * ended) and at most {@value #SPANS_PER_TRACE} spans of each, so its size is bounded whatever runs.
 * Empty while tracing is off.
 *
 * <p>Thread-safe.
 */
public final class SpanBuffer {

  static final int TRACES = 50;
  static final int SPANS_PER_TRACE = 500;

  private final ReentrantLock lock = new ReentrantLock();

  /** Trace id to its spans, oldest trace first. */
  private final LinkedHashMap<String, List<SpanView>> traces = new LinkedHashMap<>();

  /**
   * The buffered spans: newest trace first, each trace's spans in the order they started (a parent
   * before its children).
   */
  public List<SpanView> recent() {
    List<List<SpanView>> copy;
    lock.lock();
    try {
      copy = traces.values().stream().map(List::copyOf).toList();
    } finally {
      lock.unlock();
    }
    List<SpanView> spans = new ArrayList<>();
    for (int i = copy.size() - 1; i >= 0; i--) {
      copy.get(i).stream().sorted(Comparator.comparing(SpanView::startTime)).forEach(spans::add);
    }
    return spans;
  }

  /** The buffered traces, newest first, each with its spans in the order they started. */
  public List<TraceSummary> summaries() {
    List<Map.Entry<String, List<SpanView>>> copy;
    lock.lock();
    try {
      copy =
          traces.entrySet().stream()
              .map(entry -> Map.entry(entry.getKey(), List.copyOf(entry.getValue())))
              .toList();
    } finally {
      lock.unlock();
    }
    List<TraceSummary> summaries = new ArrayList<>();
    for (int i = copy.size() - 1; i >= 0; i--) {
      List<SpanView> spans =
          copy.get(i).getValue().stream()
              .sorted(Comparator.comparing(SpanView::startTime))
              .toList();
      summaries.add(TraceSummary.of(copy.get(i).getKey(), spans));
    }
    return summaries;
  }

  /** The spans of one trace in the order they started; empty when it is not (or no longer) here. */
  public List<SpanView> trace(String traceId) {
    lock.lock();
    try {
      return traces.getOrDefault(traceId, List.of()).stream()
          .sorted(Comparator.comparing(SpanView::startTime))
          .toList();
    } finally {
      lock.unlock();
    }
  }

  void add(SpanData span) {
    SpanView view = view(span);
    lock.lock();
    try {
      List<SpanView> spans = traces.computeIfAbsent(view.traceId(), id -> new ArrayList<>());
      if (spans.size() < SPANS_PER_TRACE) {
        spans.add(view);
      }
      while (traces.size() > TRACES) {
        traces.remove(traces.keySet().iterator().next());
      }
    } finally {
      lock.unlock();
    }
  }

  private static SpanView view(SpanData span) {
    Map<String, Object> attributes = new TreeMap<>();
    span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
    String parent = span.getParentSpanContext().isValid() ? span.getParentSpanId() : null;
    long nanos = span.getEndEpochNanos() - span.getStartEpochNanos();
    return new SpanView(
        span.getTraceId(),
        span.getSpanId(),
        parent,
        span.getName(),
        span.getKind().name().toLowerCase(java.util.Locale.ROOT),
        instant(span.getStartEpochNanos()),
        instant(span.getEndEpochNanos()),
        nanos / 1_000_000.0,
        span.getStatus().getStatusCode().name().toLowerCase(java.util.Locale.ROOT),
        attributes);
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos);
  }

  /** Feeds ended spans into a buffer. */
  static final class Processor implements SpanProcessor {

    private final SpanBuffer buffer;

    Processor(SpanBuffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      buffer.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
