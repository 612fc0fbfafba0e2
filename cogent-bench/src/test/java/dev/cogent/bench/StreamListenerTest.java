package dev.cogent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamListenerTest {

  final AtomicLong now = new AtomicLong(100);
  final AtomicLong firstTokens = new AtomicLong();
  final StreamListener listener =
      new StreamListener(now::get, new ObjectMapper(), firstTokens::incrementAndGet);

  void lines(String... lines) {
    List.of(lines).forEach(listener::onNext);
  }

  @Test
  void counts_the_words_of_the_joined_deltas_notes_the_first_and_remembers_done() {
    lines("retry: 3000", "", "id: 1", "event: status", "data: {}", "");
    now.set(250);
    lines("id: 2", "event: token", "data: {\"content\":\"a\"}", "");
    now.set(400);
    lines("id: 3", "event: token", "data: {\"content\":\" b c\"}", "", ": keep-alive", "");
    lines("id: 4", "event: done", "data: {}");
    listener.onComplete();

    StreamListener.Outcome outcome = listener.outcome();
    assertThat(outcome.firstTokenNanos()).isEqualTo(250);
    assertThat(outcome.tokens()).isEqualTo(3);
    assertThat(outcome.tokenEvents()).isEqualTo(2);
    assertThat(firstTokens).hasValue(1);
    assertThat(outcome.terminal()).isEqualTo("done");
    assertThat(outcome.errorData()).isNull();
  }

  @Test
  void an_error_event_keeps_its_data_and_a_stream_without_tokens_has_no_first_token() {
    lines("event: error", "data: {\"code\":\"ABORTED\"}", "");

    StreamListener.Outcome outcome = listener.outcome();
    assertThat(outcome.hasFirstToken()).isFalse();
    assertThat(outcome.terminal()).isEqualTo("error");
    assertThat(outcome.errorData()).isEqualTo("{\"code\":\"ABORTED\"}");
  }
}
