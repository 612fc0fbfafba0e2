package dev.cogent.llm;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.observability.BreakerState;
import dev.cogent.observability.CircuitBreaker;
import dev.cogent.observability.RunTracer;
import dev.cogent.observability.TraceSpan;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.Map;

/**
 * Every model call as a span with its token usage, counted in the metrics, and, for real providers,
 * behind the provider's {@link CircuitBreaker}: while the breaker is open a call fails at once with
 * {@code LLM_UNAVAILABLE} instead of waiting for a provider that is down. Only outages (what {@link
 * RetryingChatModel#isRetriable} calls retriable, after the retries) count as failures; a request
 * the provider refused (a 4xx) shows it is up.
 *
 * <p>Thread-safe.
 */
final class ObservedChatModel implements StreamingChatModel {

  private final StreamingChatModel delegate;
  private final RunTracer tracer;
  private final CircuitBreaker breaker;
  private final String provider;
  private final String model;

  /**
   * @param breaker the provider's breaker; null for none (the scripted mock)
   */
  ObservedChatModel(
      StreamingChatModel delegate,
      RunTracer tracer,
      CircuitBreaker breaker,
      String provider,
      String model) {
    this.delegate = delegate;
    this.tracer = tracer;
    this.breaker = breaker;
    this.provider = provider;
    this.model = model;
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  @Override
  public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
    call(request, handler);
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    call(request, handler);
  }

  private void call(ChatRequest request, StreamingChatResponseHandler handler) {
    TraceSpan span = tracer.modelCall(provider, model);
    if (breaker != null && !breaker.tryAcquire()) {
      BreakerState state = breaker.state();
      RuntimeException open =
          new ApiException(
              ErrorCode.LLM_UNAVAILABLE,
              "The circuit breaker of provider '"
                  + state.name()
                  + "' is open after repeated failures; the next call goes through after "
                  + state.retryAt(),
              Map.of());
      span.fail(open).outcome("circuit_open").close();
      handler.onError(open);
      return;
    }
    try {
      delegate.chat(request, observing(span, handler));
    } catch (RuntimeException e) {
      ended(span, e);
      throw e;
    }
  }

  private void ended(TraceSpan span, Throwable failure) {
    if (breaker != null) {
      if (RetryingChatModel.isRetriable(failure)) {
        breaker.recordFailure();
      } else {
        breaker.recordSuccess();
      }
    }
    span.fail(failure).close();
  }

  private StreamingChatResponseHandler observing(
      TraceSpan span, StreamingChatResponseHandler handler) {
    return new ForwardingHandler(handler) {
      @Override
      public void onCompleteResponse(ChatResponse response) {
        if (breaker != null) {
          breaker.recordSuccess();
        }
        if (response.tokenUsage() != null) {
          tracer.usage(
              span,
              provider,
              model,
              orZero(response.tokenUsage().inputTokenCount()),
              orZero(response.tokenUsage().outputTokenCount()));
        }
        span.close();
        super.onCompleteResponse(response);
      }

      @Override
      public void onError(Throwable error) {
        ended(span, error);
        super.onError(error);
      }
    };
  }

  private static long orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
