package dev.cogent.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The server span of each HTTP request. A caller's W3C {@code traceparent} header is honoured, so a
 * request joins the caller's trace. Thread-safe.
 */
public final class RequestTracer {

  private static final TextMapGetter<UnaryOperator<String>> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(UnaryOperator<String> carrier) {
          return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(UnaryOperator<String> carrier, String key) {
          return carrier == null ? null : carrier.apply(key);
        }
      };

  private final Tracer tracer;

  public RequestTracer(Telemetry telemetry) {
    this.tracer = telemetry.tracer();
  }

  /**
   * Starts the request's span and makes it current on this thread; close it on the same thread once
   * the response is complete. Until then it is named by the method only; rename it with the matched
   * route ({@link TraceSpan#name}).
   *
   * @param header reads a request header by name (null when absent)
   */
  public TraceSpan start(String method, String path, UnaryOperator<String> header) {
    Context parent =
        W3CTraceContextPropagator.getInstance().extract(Context.current(), header, HEADERS);
    Span span =
        tracer
            .spanBuilder(method)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", method)
            .setAttribute("url.path", path)
            .startSpan();
    return new TraceSpan(span, parent.with(span).makeCurrent(), "ok", (outcome, duration) -> {});
  }
}
