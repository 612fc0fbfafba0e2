package dev.cogent.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.ApiException;
import dev.cogent.scope.Scope;
import dev.cogent.tools.Cancellation;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /models/providers/{id}/test}: builds the config's model and really sends it a tiny
 * prompt. A provider that fails is an answer ({@code success: false} and the reason), not an error.
 *
 * <p>Thread-safe.
 */
public final class ProviderTester {

  static final String PROMPT = "Reply with the single word: Hello";
  static final int PREVIEW = 200;

  private final ProviderService providers;
  private final ChatModels models;
  private final Duration timeout;

  public ProviderTester(ProviderService providers, ChatModels models, Duration timeout) {
    this.providers = providers;
    this.models = models;
    this.timeout = timeout;
  }

  /** The test outcome ({@code ProviderTestResult}). */
  public record Result(
      @JsonProperty("success") boolean success,
      @JsonProperty("provider") String provider,
      @JsonProperty("model") String model,
      @JsonProperty("message") String message,
      @JsonProperty("response_preview") String responsePreview) {}

  /**
   * @throws ApiException 404 when no config of that id is visible in {@code caller}'s scope
   */
  public Result test(String id, Scope caller) {
    ProviderConfig config = providers.get(id, caller);
    ModelChoice choice =
        new ModelChoice(
            config.provider(),
            config.model(),
            config.id(),
            null,
            null,
            new ProviderSpec(
                config.provider(),
                config.model(),
                config.displayName(),
                config.apiKeyEnv(),
                config.enabled(),
                config.priority(),
                config.maxRetries(),
                config.baseUrl(),
                config.region(),
                config.roleArn(),
                config.extra()));
    try {
      ChatResponse response = call(choice);
      String text = response.aiMessage().text() == null ? "" : response.aiMessage().text();
      return new Result(
          true,
          config.provider(),
          config.model(),
          "Connection successful",
          text.length() > PREVIEW ? text.substring(0, PREVIEW) : text);
    } catch (ApiException e) {
      return failure(config, e.getMessage());
    } catch (ExecutionException e) {
      return failure(config, describe(e.getCause()));
    } catch (TimeoutException e) {
      return failure(config, "Timeout: no answer within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(config, "Interrupted");
    }
  }

  private ChatResponse call(ModelChoice choice)
      throws ExecutionException, TimeoutException, InterruptedException {
    CompletableFuture<ChatResponse> answer = new CompletableFuture<>();
    models
        .open(choice, NOT_CANCELLED)
        .chat(
            ChatRequest.builder()
                .messages(List.of(UserMessage.from(PROMPT)))
                .modelName(choice.model())
                .build(),
            new StreamingChatResponseHandler() {
              @Override
              public void onCompleteResponse(ChatResponse response) {
                answer.complete(response);
              }

              @Override
              public void onError(Throwable error) {
                answer.completeExceptionally(error);
              }
            });
    return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Result failure(ProviderConfig config, String message) {
    return new Result(false, config.provider(), config.model(), message, null);
  }

  private static String describe(Throwable error) {
    String message = error.getMessage() == null ? "" : ": " + error.getMessage();
    return error.getClass().getSimpleName() + message;
  }

  private static final Cancellation NOT_CANCELLED =
      new Cancellation() {
        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public Registration onCancel(Runnable action) {
          return () -> {};
        }
      };
}
