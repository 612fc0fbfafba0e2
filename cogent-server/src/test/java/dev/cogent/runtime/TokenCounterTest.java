package dev.cogent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

  /** Conversations of every shape the runtime sends, in scripts the tokenizer splits finely. */
  static List<List<ChatMessage>> conversations() {
    String ascii = "Summarize the quarterly report, then list three risks.";
    String cjk = "季度报告摘要：列出三个风险，并给出建议。データベースの移行";
    String emoji = "🚀🔥 done ✅ — naïve café, Zürich; ½ × π ≈ 1.57 👩‍👩‍👧‍👦";
    String numbers = "0123456789 3.14159 2.71828 1e10 0xDEADBEEF 192.168.0.1";
    ToolExecutionRequest call =
        ToolExecutionRequest.builder()
            .id("call_1")
            .name("execute")
            .arguments("{\"command\":\"ls -la /tmp\",\"timeout\":1e6,\"env\":{\"A\":[1,2,3]}}")
            .build();
    ToolExecutionRequest second =
        ToolExecutionRequest.builder()
            .id("call_2")
            .name("write_file")
            .arguments("{\"file_path\":\"/notes.md\",\"content\":\"" + cjk + "\"}")
            .build();
    return List.of(
        List.of(SystemMessage.from(ascii)),
        List.of(SystemMessage.from("You help."), UserMessage.from(cjk), AiMessage.from(emoji)),
        List.of(UserMessage.from("bob", numbers), AiMessage.from(call)),
        List.of(
            SystemMessage.from(ascii.repeat(40)),
            UserMessage.from(emoji.repeat(30)),
            AiMessage.from(List.of(call, second)),
            ToolExecutionResultMessage.from(call, numbers.repeat(20)),
            ToolExecutionResultMessage.from(second, "ok"),
            AiMessage.from(cjk.repeat(25))));
  }

  @Test
  void the_upper_bound_is_never_below_the_tokenizer_estimate() {
    for (List<ChatMessage> conversation : conversations()) {
      assertThat(TokenCounter.upperBound(conversation))
          .as("%s", conversation)
          .isGreaterThanOrEqualTo(estimator.estimateTokenCountInMessages(conversation));
    }
  }

  @Test
  void below_a_limit_agrees_with_the_tokenizer_estimate_on_either_side_of_it() {
    for (List<ChatMessage> conversation : conversations()) {
      int exact = estimator.estimateTokenCountInMessages(conversation);
      for (int limit : new int[] {1, exact - 1, exact, exact + 1, exact * 2, Integer.MAX_VALUE}) {
        assertThat(counter.estimateIsBelow(conversation, limit))
            .as("limit %s, estimate %s", limit, exact)
            .isEqualTo(exact < limit);
      }
    }
  }

  @Test
  void the_tokenizer_runs_only_when_the_bound_may_reach_the_limit() {
    AtomicInteger tokenized = new AtomicInteger();
    TokenCountEstimator counting =
        new TokenCountEstimator() {
          @Override
          public int estimateTokenCountInText(String text) {
            tokenized.incrementAndGet();
            return estimator.estimateTokenCountInText(text);
          }

          @Override
          public int estimateTokenCountInMessage(ChatMessage message) {
            tokenized.incrementAndGet();
            return estimator.estimateTokenCountInMessage(message);
          }

          @Override
          public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
            tokenized.incrementAndGet();
            return estimator.estimateTokenCountInMessages(messages);
          }
        };
    TokenCounter lazy = new TokenCounter(counting);
    List<ChatMessage> conversation = conversations().get(3);
    long bound = TokenCounter.upperBound(conversation);

    assertThat(lazy.estimateIsBelow(conversation, (int) bound + 1)).isTrue();
    assertThat(tokenized).hasValue(0);
    assertThat(lazy.estimateIsBelow(conversation, 1)).isFalse();
    assertThat(tokenized).hasValue(1);
  }
}
