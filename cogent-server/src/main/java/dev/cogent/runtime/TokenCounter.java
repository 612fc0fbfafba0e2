package dev.cogent.runtime;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;

/**
 * Token counts of model turns: what the provider reported, or else a tokenizer's estimate (each of
 * the two counts on its own, since some providers report only one).
 *
 * <p>Thread-safe: the estimator is stateless.
 */
final class TokenCounter {

  private final TokenCountEstimator estimator;

  /**
   * @param estimator the tokenizer for estimates (an o200k one is close enough for any model when
   *     the provider says nothing)
   */
  TokenCounter(TokenCountEstimator estimator) {
    this.estimator = estimator;
  }

  /** The tokens of one model call. */
  record TurnTokens(int input, int output) {}

  TurnTokens of(ChatRequest request, ChatResponse response) {
    TokenUsage reported = response.tokenUsage();
    Integer input = reported == null ? null : reported.inputTokenCount();
    Integer output = reported == null ? null : reported.outputTokenCount();
    return new TurnTokens(
        input != null ? input : estimate(request.messages()),
        output != null ? output : estimate(response.aiMessage()));
  }

  /** An estimate of the tokens of {@code messages}, for deciding when to summarize. */
  int estimate(List<ChatMessage> messages) {
    return messages.isEmpty() ? 0 : estimator.estimateTokenCountInMessages(messages);
  }

  private int estimate(AiMessage answer) {
    int tokens = answer.text() == null ? 0 : estimator.estimateTokenCountInText(answer.text());
    if (answer.hasToolExecutionRequests()) {
      for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
        tokens += estimator.estimateTokenCountInText(call.name() + " " + call.arguments());
      }
    }
    return tokens;
  }
}
