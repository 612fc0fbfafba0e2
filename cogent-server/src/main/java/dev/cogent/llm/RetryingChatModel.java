package dev.cogent.llm;

import dev.cogent.tools.Cancellation;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces a provider config's {@code max_retries}: a streaming call that fails with a rate limit
 * (429), a server error (5xx) or a timeout <em>before any output arrived</em> is sent again after
 * an exponential backoff, up to {@code maxRetries} more times. LangChain4j's streaming models do
 * not retry by themselves. Once a token has been streamed the failure is passed on, since a retry
 * would repeat text the client already has.
 *
 * <p>Backoff waits run on the injected scheduler, never on the caller's thread; a cancelled run is
 * not retried.
 */
final class RetryingChatModel implements StreamingChatModel {

  private static final Logger log = LoggerFactory.getLogger(RetryingChatModel.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

  private final StreamingChatModel delegate;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final ScheduledExecutorService scheduler;
  private final Cancellation cancellation;

  RetryingChatModel(
      StreamingChatModel delegate,
      int maxRetries,
      Duration initialBackoff,
      ScheduledExecutorService scheduler,
      Cancellation cancellation) {
    this.delegate = delegate;
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.scheduler = scheduler;
    this.cancellation = cancellation;
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  @Override
  public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
    attempt(request, handler, 0);
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    attempt(request, handler, 0);
  }

  /** Whether a retry can help: rate limits, server errors, timeouts and broken connections. */
  static boolean isRetriable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException http) {
        return http.statusCode() == 429 || http.statusCode() >= 500;
      }
      if (cause instanceof RetriableException
          || cause instanceof HttpTimeoutException
          || cause instanceof java.util.concurrent.TimeoutException
          || cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private void attempt(ChatRequest request, StreamingChatResponseHandler handler, int attempt) {
    AtomicBoolean streamed = new AtomicBoolean();
    StreamingChatResponseHandler forwarding =
        new ForwardingHandler(handler) {
          @Override
          public void onPartialResponse(String token) {
            streamed.set(true);
            super.onPartialResponse(token);
          }

          @Override
          public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            streamed.set(true);
            super.onPartialResponse(partial, context);
          }

          @Override
          public void onError(Throwable error) {
            if (attempt >= maxRetries
                || streamed.get()
                || cancellation.isCancelled()
                || !isRetriable(error)) {
              handler.onError(error);
              return;
            }
            long delay = backoff(attempt).toMillis();
            log.info(
                "Model call failed ({}); retry {} of {} in {} ms",
                error.getClass().getSimpleName(),
                attempt + 1,
                maxRetries,
                delay);
            scheduler.schedule(
                () -> attempt(request, handler, attempt + 1), delay, TimeUnit.MILLISECONDS);
          }
        };
    try {
      delegate.chat(request, forwarding);
    } catch (RuntimeException e) {
      forwarding.onError(e);
    }
  }

  private Duration backoff(int attempt) {
    Duration delay = initialBackoff.multipliedBy(1L << Math.min(attempt, 10));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }
}
