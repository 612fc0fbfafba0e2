package dev.cogent.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.session.LoggedEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskStatesTest {

  private static LoggedEvent event(String type, Map<String, Object> data) {
    return new LoggedEvent(3, "s", "r", type, data, Instant.parse("2026-03-02T12:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource({
    "status, status, thinking, working, ''",
    "token, content, Hel, working, Hel",
    "error, code, LLM_UNAVAILABLE, failed, ''",
    "error, code, ABORTED, canceled, ''",
  })
  void maps_run_events_to_the_spec_task_states(
      String type, String key, String value, String state, String text) {
    Optional<A2aWire.Status> status = TaskStates.of(event(type, Map.of(key, value)));

    assertThat(status).map(A2aWire.Status::state).contains(state);
    if (!text.isEmpty()) {
      assertThat(status.get().message().parts().get(0).text()).isEqualTo(text);
    }
  }

  @Test
  void an_interrupt_is_input_required_asking_to_approve_the_named_tool() {
    A2aWire.Status status =
        TaskStates.of(event("interrupt", Map.of("tool_name", "write_file"))).orElseThrow();

    assertThat(status.state()).isEqualTo("input-required");
    assertThat(status.message().parts().get(0).text())
        .contains("'write_file'")
        .contains("Reply \"approve\"");
  }

  @ParameterizedTest
  @CsvSource({"usage", "tool_call", "todos"})
  void events_without_an_a2a_state_are_skipped(String type) {
    assertThat(TaskStates.of(event(type, Map.of()))).isEmpty();
  }

  @Test
  void done_is_completed_with_the_whole_answer_and_final() {
    A2aWire.Status status =
        TaskStates.of(event("done", Map.of("assistant_data", Map.of("content", "All good"))))
            .orElseThrow();

    assertThat(status.state()).isEqualTo("completed");
    assertThat(status.message().parts().get(0).text()).isEqualTo("All good");
    assertThat(status.isFinal()).isTrue();
    assertThat(TaskStates.of(event("status", Map.of("status", "idle")))).isEmpty();
  }
}
