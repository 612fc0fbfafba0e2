package dev.cogent.runtime;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
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

  /** Tokens a tokenizer may add around a message or a tool call, generously. */
  private static final int FRAMING = 16;

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

  /**
   * Whether {@link #estimate} of {@code messages} is below {@code limit}, without running the
   * tokenizer over them when an upper bound already is: a pass over the whole conversation on every
   * model turn was the largest piece of a run's work before its first token, and a conversation is
   * far from its model's window most of the time.
   */
  boolean estimateIsBelow(List<ChatMessage> messages, int limit) {
    return upperBound(messages) < limit || estimate(messages) < limit;
  }

  /**
   * At least as many tokens as {@link #estimate}: a byte-level tokenizer makes at most one token of
   * every UTF-8 byte (at most three per UTF-16 char), plus the few tokens it adds around each
   * message and tool call. {@link Long#MAX_VALUE} for a message shape it does not know.
   */
  static long upperBound(List<ChatMessage> messages) {
    long bound = FRAMING;
    for (ChatMessage message : messages) {
      bound += FRAMING;
      if (message instanceof SystemMessage system) {
        bound += bytes(system.text());
      } else if (message instanceof UserMessage user && user.hasSingleText()) {
        bound += bytes(user.singleText()) + bytes(user.name());
      } else if (message instanceof AiMessage answer) {
        bound += bytes(answer.text());
        for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
          bound += FRAMING + bytes(call.name()) + bytes(call.arguments());
        }
      } else if (message instanceof ToolExecutionResultMessage result) {
        bound += bytes(result.text()) + bytes(result.toolName());
      } else {
        return Long.MAX_VALUE;
      }
    }
    return bound;
  }

  private static long bytes(String text) {
    return text == null ? 0 : 3L * text.length();
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
