package dev.cogent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.Json;
import dev.cogent.session.Message;
import dev.cogent.session.MessageRole;
import dev.cogent.session.ToolCall;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where summarization cuts a transcript and what the model is shown after a summary. */
class SummarizationMiddlewareTest {

  private final List<Message> transcript = new ArrayList<>();
  private int ids;

  private Message add(MessageRole role, String content, List<ToolCall> calls, String answers) {
    return add(role, content, calls, answers, null);
  }

  private Message add(
      MessageRole role, String content, List<ToolCall> calls, String answers, String parent) {
    Message message =
        new Message(
            "m" + ids++,
            "s",
            role,
            content,
            calls,
            answers,
            parent,
            null,
            null,
            Instant.parse("2026-03-02T12:00:00Z"));
    transcript.add(message);
    return message;
  }

  private Message user(String text) {
    return add(MessageRole.USER, text, List.of(), null);
  }

  private Message answer(String text) {
    return add(MessageRole.ASSISTANT, text, List.of(), null);
  }

  /** One step: an assistant message calling {@code calls} tools, then their results. */
  private Message step(String name, int calls) {
    List<ToolCall> made = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      made.add(new ToolCall(name + "-" + i, name, Map.of()));
    }
    Message assistant = add(MessageRole.ASSISTANT, "", made, null);
    made.forEach(call -> add(MessageRole.TOOL, "result of " + call.id(), List.of(), call.id()));
    return assistant;
  }

  private Message summary(Message coveredThrough) {
    return add(MessageRole.SYSTEM, "the summary", List.of(), null, coveredThrough.id());
  }

  @Test
  void a_long_run_is_cut_before_its_latest_two_steps_never_between_a_call_and_its_result() {
    user("first");
    answer("first answer");
    user("do many things");
    step("a", 2);
    step("b", 1);
    Message third = step("c", 3);
    step("d", 1);

    int cut = SummarizationMiddleware.cut(transcript);

    assertThat(transcript.get(cut)).isEqualTo(third);
    List<Message> kept = transcript.subList(cut, transcript.size());
    Set<String> called = new HashSet<>();
    kept.forEach(m -> m.toolCalls().forEach(call -> called.add(call.id())));
    assertThat(kept)
        .filteredOn(m -> m.role() == MessageRole.TOOL)
        .allSatisfy(result -> assertThat(called).contains(result.toolCallId()));
  }

  @Test
  void a_run_of_at_most_two_steps_is_cut_before_its_user_message_and_a_first_message_not_at_all() {
    user("first");
    step("a", 1);
    step("b", 1);
    assertThat(SummarizationMiddleware.cut(transcript)).isZero();

    answer("done");
    Message current = user("second");
    step("c", 1);
    step("d", 1);
    assertThat(SummarizationMiddleware.cut(transcript)).isEqualTo(transcript.indexOf(current));
  }

  @Test
  void a_summary_of_the_runs_own_steps_still_shows_the_user_message_first_with_valid_pairs() {
    user("old");
    answer("old answer");
    Message current = user("do many things");
    step("a", 1);
    step("b", 2);
    summary(transcript.get(transcript.size() - 1));
    step("c", 2);
    step("d", 1);

    SummarizationMiddleware.Compacted shown =
        SummarizationMiddleware.applyLatestSummary(transcript);

    assertThat(shown.summary()).isEqualTo("the summary");
    assertThat(shown.lead()).isEqualTo(current);
    assertThat(shown.rest().get(0).toolCalls())
        .extracting(ToolCall::id)
        .containsExactly("c-0", "c-1");
    List<Message> given = new ArrayList<>();
    given.add(shown.lead());
    given.addAll(shown.rest());
    List<ChatMessage> chat = new ChatHistory(new Json()).from(given);
    assertThat(chat.get(0)).isEqualTo(UserMessage.from("do many things"));
    assertPaired(chat);
    // The steps the summary left are not summarized again until there are more than two.
    assertThat(SummarizationMiddleware.cut(shown.rest())).isZero();
    step("e", 1);
    assertThat(
            SummarizationMiddleware.cut(
                SummarizationMiddleware.applyLatestSummary(transcript).rest()))
        .isEqualTo(3);
  }

  @Test
  void the_next_run_after_a_summary_of_steps_starts_with_the_user_message_the_summary_covers() {
    Message earlier = user("do many things");
    step("a", 1);
    step("b", 1);
    step("c", 1);
    summary(transcript.get(transcript.size() - 1));
    step("d", 1);
    answer("finished");
    Message next = user("and now?");

    SummarizationMiddleware.Compacted shown =
        SummarizationMiddleware.applyLatestSummary(transcript);

    assertThat(shown.lead()).isEqualTo(earlier);
    assertThat(shown.rest().get(shown.rest().size() - 1)).isEqualTo(next);
    assertThat(SummarizationMiddleware.cut(shown.rest())).isEqualTo(shown.rest().indexOf(next));
  }

  @Test
  void a_summary_of_the_history_before_the_user_message_adds_no_lead() {
    user("old");
    Message last = answer("old answer");
    Message current = user("new");
    summary(last);

    SummarizationMiddleware.Compacted shown =
        SummarizationMiddleware.applyLatestSummary(transcript);

    assertThat(shown.lead()).isNull();
    assertThat(shown.rest()).containsExactly(current);
  }

  /** Every tool result follows the assistant message that made its call, with nothing between. */
  private static void assertPaired(List<ChatMessage> chat) {
    Set<String> open = new HashSet<>();
    for (ChatMessage message : chat) {
      if (message instanceof ToolExecutionResultMessage result) {
        assertThat(open).as("a result without its call: %s", chat).contains(result.id());
        open.remove(result.id());
      } else {
        assertThat(open).as("calls left unanswered: %s", chat).isEmpty();
        if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
          ai.toolExecutionRequests().forEach(call -> open.add(call.id()));
        }
      }
    }
    assertThat(open).isEmpty();
  }
}
