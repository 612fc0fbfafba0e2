package dev.cogent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.tools.Cancellation;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MockChatModelTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ScheduledThreadPoolExecutor pacer =
      (ScheduledThreadPoolExecutor) MockStream.newPacer();
  private final TestCancellation cancellation = new TestCancellation();

  @AfterEach
  void stopPacer() {
    pacer.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "one",
        "  two words  ",
        "tabs\tand\nnew\r\nlines\u000Band\fform feeds",
        "\u2003em spaces at the ends\u2003",
        "an\u2003em space inside is no separator of \\s",
        "many     spaces   between",
        "/reply w1 w2 w3"
      })
  void counts_the_words_a_whitespace_split_of_the_stripped_text_gives(String text) {
    String stripped = text.strip();
    int split = stripped.isEmpty() ? 0 : stripped.split("\\s+").length;

    assertThat(MockChatModel.count(text)).isEqualTo(split);
  }

  @Test
  void no_text_has_no_words() {
    assertThat(MockChatModel.count(null)).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "one",
        "  two words  ",
        "tabs\tand\nnew\r\nlines\u000Band\fform feeds",
        "\u2003em spaces at the ends\u2003",
        "an\u2003em space inside is no separator of \\s",
        "many     spaces   between"
      })
  void streams_the_words_a_whitespace_split_gives_one_token_each_then_the_whole_answer(
      String prompt) {
    String[] words = ("Echo: " + prompt).strip().split("\\s+");
    Recording recording = new Recording();

    chat(prompt, recording);

    assertThat(recording.tokens).containsExactlyElementsOf(tokens(words));
    ChatResponse response = recording.response.join();
    assertThat(response.aiMessage().text()).isEqualTo(String.join(" ", Arrays.asList(words)));
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(words.length);
    assertThat(recording.threads).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void a_paced_answer_streams_its_first_word_at_once_and_the_rest_from_the_pacer() {
    Recording recording = new Recording();

    chat("/pace 1\n/reply one two three", recording);

    ChatResponse response =
        recording.response.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    assertThat(recording.tokens).containsExactly("one", " two", " three");
    assertThat(response.aiMessage().text()).isEqualTo("one two three");
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(3);
    assertThat(recording.threads)
        .containsExactly(
            Thread.currentThread().getName(), "cogent-mock-pacer-1", "cogent-mock-pacer-1");
    assertThat(cancellation.actions).as("the stream lets go of the run's cancellation").isEmpty();
  }

  @Test
  void cancelling_the_run_ends_a_paced_answer_at_once_and_drops_its_next_word() {
    Recording recording = new Recording();
    chat("/pace 600000\n/reply one two three", recording);
    assertThat(recording.tokens).containsExactly("one");
    assertThat(pacer.getQueue()).hasSize(1);

    cancellation.cancel();

    assertThat(recording.response).isDone();
    assertThatThrownBy(recording.response::join).isInstanceOf(CancellationException.class);
    assertThat(pacer.getQueue()).as("the next word is not kept waiting").isEmpty();
    assertThat(recording.tokens).containsExactly("one");
  }

  @Test
  void a_pacer_that_was_shut_down_fails_the_answer_instead_of_leaving_it_waiting() {
    pacer.shutdownNow();
    Recording recording = new Recording();

    chat("/pace 5\n/reply one two", recording);

    assertThat(recording.tokens).containsExactly("one");
    assertThat(recording.response).isCompletedExceptionally();
    assertThat(cancellation.actions).isEmpty();
  }

  private void chat(String prompt, StreamingChatResponseHandler handler) {
    new MockChatModel("mock", cancellation, pacer)
        .doChat(ChatRequest.builder().messages(UserMessage.from(prompt)).build(), handler);
  }

  private static List<String> tokens(String[] words) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      tokens.add(i == 0 ? words[i] : " " + words[i]);
    }
    return tokens;
  }

  /** What a streamed answer delivered, and on which threads its tokens came. */
  private static final class Recording implements StreamingChatResponseHandler {
    final List<String> tokens = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final CompletableFuture<ChatResponse> response = new CompletableFuture<>();

    @Override
    public void onPartialResponse(String token) {
      tokens.add(token);
      threads.add(Thread.currentThread().getName());
    }

    @Override
    public void onCompleteResponse(ChatResponse complete) {
      response.complete(complete);
    }

    @Override
    public void onError(Throwable error) {
      response.completeExceptionally(
          error instanceof CompletionException ? error.getCause() : error);
    }
  }

  /** A run's cancellation that the test triggers. */
  private static final class TestCancellation implements Cancellation {
    final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    void cancel() {
      cancelled = true;
      actions.forEach(Runnable::run);
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public Registration onCancel(Runnable action) {
      actions.add(action);
      return () -> actions.remove(action);
    }
  }
}
