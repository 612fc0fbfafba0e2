package dev.cogent.runtime;

import dev.cogent.tools.Cancellation;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One streaming model call: tokens go to a consumer as they arrive, the caller waits for the
 * complete response. Cancelling the run ends the wait at once and cancels the model's stream.
 */
final class ModelTurn {

  private final StreamingChatModel model;
  private final Consumer<String> onToken;
  private final Cancellation cancellation;

  /**
   * @param onToken receives each streamed token (the run emits it as a {@code token} event)
   */
  ModelTurn(StreamingChatModel model, Consumer<String> onToken, Cancellation cancellation) {
    this.model = model;
    this.onToken = onToken;
    this.cancellation = cancellation;
  }

  /** The model failed; the cause is what it failed with. */
  static final class ModelCallException extends Exception {
    ModelCallException(Throwable cause) {
      super(cause);
    }
  }

  /**
   * @throws CancellationException when the run was cancelled before the model answered
   * @throws ModelCallException when the model failed
   */
  ChatResponse call(ChatRequest request) throws ModelCallException {
    CompletableFuture<ChatResponse> response = new CompletableFuture<>();
    AtomicReference<StreamingHandle> stream = new AtomicReference<>();
    try (Cancellation.Registration registration =
        cancellation.onCancel(
            () -> {
              response.completeExceptionally(new CancellationException("the run was cancelled"));
              StreamingHandle handle = stream.get();
              if (handle != null) {
                handle.cancel();
              }
            })) {
      try {
        model.chat(
            request,
            new StreamingChatResponseHandler() {
              @Override
              public void onPartialResponse(
                  PartialResponse partial, PartialResponseContext context) {
                stream.compareAndSet(null, context.streamingHandle());
                onPartialResponse(partial.text());
              }

              @Override
              public void onPartialResponse(String token) {
                if (!response.isDone() && token != null && !token.isEmpty()) {
                  onToken.accept(token);
                }
              }

              @Override
              public void onCompleteResponse(ChatResponse complete) {
                response.complete(complete);
              }

              @Override
              public void onError(Throwable error) {
                response.completeExceptionally(error);
              }
            });
      } catch (RuntimeException e) {
        response.completeExceptionally(e);
      }
      return response.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for the model");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CancellationException || cancellation.isCancelled()) {
        throw new CancellationException("the run was cancelled");
      }
      throw new ModelCallException(cause);
    }
  }
}
