package dev.cogent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

  private final OpenAiTokenCountEstimator estimator =
      new OpenAiTokenCountEstimator(OpenAiChatModelName.GPT_4_O);
  private final TokenCounter counter = new TokenCounter(estimator);
  private final ChatRequest request =
      ChatRequest.builder().messages(UserMessage.from("How many tokens is this?")).build();

  @Test
  void provider_reported_tokens_win() {
    ChatResponse response =
        ChatResponse.builder()
            .aiMessage(AiMessage.from("An answer of some length."))
            .tokenUsage(new TokenUsage(42, 7))
            .build();

    assertThat(counter.of(request, response)).isEqualTo(new TokenCounter.TurnTokens(42, 7));
  }

  @Test
  void without_a_report_both_counts_are_tokenizer_estimates() {
    ChatResponse response =
        ChatResponse.builder().aiMessage(AiMessage.from("An answer of some length.")).build();

    TokenCounter.TurnTokens tokens = counter.of(request, response);

    assertThat(tokens.input())
        .isEqualTo(estimator.estimateTokenCountInMessages(request.messages()));
    assertThat(tokens.output())
        .isEqualTo(estimator.estimateTokenCountInText("An answer of some length."))
        .isPositive();
  }

  @Test
  void a_partial_report_is_completed_by_an_estimate() {
    ChatResponse response =
        ChatResponse.builder()
            .aiMessage(AiMessage.from("Four words right here."))
            .tokenUsage(new TokenUsage(11, null))
            .build();

    TokenCounter.TurnTokens tokens = counter.of(request, response);

    assertThat(tokens.input()).isEqualTo(11);
    assertThat(tokens.output())
        .isEqualTo(estimator.estimateTokenCountInText("Four words right here."));
  }
}
