package dev.cogent.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One traced operation (a request, a run, a model or tool call), ended by {@link #close}. Spans
 * that are made current on start must be closed on the thread that started them, which
 * try-with-resources does, or {@link #detach detached} there first. The outcome given to {@link
 * #outcome} or {@link #fail} is recorded on the span and in the metrics when it closes; closing
 * twice does nothing.
 *
 * <p>When tracing is off the span records nothing, but its metrics still count.
 */
public final class TraceSpan implements AutoCloseable {

  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("cogent.outcome");

  private final Span span;
  private final Scope scope;
  private final BiConsumer<String, Duration> onEnd;
  private final long startedNanos = System.nanoTime();
  private volatile String outcome;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicBoolean scopeClosed = new AtomicBoolean();

  /**
   * @param scope the span made current, or null when it is not
   * @param onEnd gets the outcome and duration when the span ends (for metrics)
   */
  TraceSpan(Span span, Scope scope, String defaultOutcome, BiConsumer<String, Duration> onEnd) {
    this.span = span;
    this.scope = scope;
    this.outcome = defaultOutcome;
    this.onEnd = onEnd;
  }

  /** Sets a text attribute (ignored when the value is null). */
  public TraceSpan attribute(String key, String value) {
    if (value != null) {
      span.setAttribute(key, value);
    }
    return this;
  }

  /** Renames the span, once its final name is known (a request's matched route). */
  public TraceSpan name(String name) {
    span.updateName(name);
    return this;
  }

  public TraceSpan attribute(String key, long value) {
    span.setAttribute(key, value);
    return this;
  }

  /**
   * How the operation ended, such as {@code done} or {@code interrupt}; {@code error} and {@code
   * failed} mark the span as an error.
   */
  public TraceSpan outcome(String value) {
    outcome = value;
    if ("error".equals(value) || "failed".equals(value)) {
      span.setStatus(StatusCode.ERROR);
    }
    return this;
  }

  /** The operation failed with {@code failure}: the outcome is {@code error}. */
  public TraceSpan fail(Throwable failure) {
    span.recordException(failure);
    span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    outcome = "error";
    return this;
  }

  /**
   * The operation failed as {@code message} says, without an exception: the outcome is {@code
   * error}.
   */
  public TraceSpan fail(String message) {
    span.setStatus(StatusCode.ERROR, String.valueOf(message));
    outcome = "error";
    return this;
  }

  Span span() {
    return span;
  }

  /**
   * Stops being current on this thread, which must be the one that started the span, without ending
   * it: for an operation that goes on, and is closed, on other threads (a streamed response written
   * by whichever thread has its next event).
   */
  public void detach() {
    if (scope != null && scopeClosed.compareAndSet(false, true)) {
      scope.close();
    }
  }

  @Override
  public void close() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      span.setAttribute(OUTCOME, outcome);
      span.end();
    } finally {
      detach();
      onEnd.accept(outcome, Duration.ofNanos(System.nanoTime() - startedNanos));
    }
  }
}
