package dev.cogent.memory.search;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.llm.ModelChoice;
import dev.cogent.llm.ModelResolver;
import dev.cogent.scope.Scope;
import dev.cogent.session.Session;
import dev.cogent.session.SessionStatus;
import dev.cogent.tools.Cancellation;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The chat-model calls of completion search types. The model is resolved by {@link ModelResolver}
 * as for a session without its own model settings: the first enabled provider config of the
 * caller's scope by priority (so the scripted {@code mock} provider makes searches deterministic).
 * Without one, {@code LLM_UNAVAILABLE} (503) with how to configure a provider.
 *
 * <p>Thread-safe.
 */
final class Completions {

  /** A search waits at most this long for one model answer. */
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  private static final Cancellation NEVER =
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

  private final ModelResolver resolver;

  Completions(ModelResolver resolver) {
    this.resolver = resolver;
  }

  /** The model's text answer to one system + user prompt. */
  String complete(Scope scope, String system, String user) {
    ChatResponse response =
        chat(scope, List.of(SystemMessage.from(system), UserMessage.from(user)), List.of());
    String text = response.aiMessage().text();
    return text == null ? "" : text.strip();
  }

  /**
   * One model turn over a conversation, offering tools.
   *
   * @throws ApiException {@code LLM_UNAVAILABLE} when no model is configured or the model fails
   */
  ChatResponse chat(Scope scope, List<ChatMessage> conversation, List<ToolSpecification> tools) {
    ModelChoice choice = resolver.choose(searchSession(scope), scope, null);
    StreamingChatModel model = resolver.open(choice, NEVER);
    ChatRequest.Builder request =
        ChatRequest.builder()
            .messages(conversation)
            .modelName(choice.model())
            .temperature(choice.temperature());
    if (!tools.isEmpty()) {
      request.toolSpecifications(tools);
    }
    CompletableFuture<ChatResponse> answer = new CompletableFuture<>();
    try {
      model.chat(
          request.build(),
          new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String token) {}

            @Override
            public void onCompleteResponse(ChatResponse complete) {
              answer.complete(complete);
            }

            @Override
            public void onError(Throwable error) {
              answer.completeExceptionally(error);
            }
          });
      return answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("the search was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof ApiException api) {
        throw api;
      }
      throw failed(cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw failed("no answer within " + TIMEOUT.toMinutes() + " minutes", e);
    } catch (RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw failed(e.getMessage(), e);
    }
  }

  /** What model resolution sees of a search: a session of the caller's scope with no settings. */
  private static Session searchSession(Scope scope) {
    return new Session(
        "memory-search",
        null,
        null,
        SessionStatus.ACTIVE,
        null,
        Map.of(),
        null,
        scope.values(),
        Instant.EPOCH,
        Instant.EPOCH,
        0);
  }

  private static ApiException failed(String why, Throwable cause) {
    ApiException error =
        new ApiException(
            ErrorCode.LLM_UNAVAILABLE, "The chat model failed during search: " + why, Map.of());
    error.initCause(cause);
    return error;
  }
}
