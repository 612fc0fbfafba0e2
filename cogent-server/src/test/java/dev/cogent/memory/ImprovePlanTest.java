package dev.cogent.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImprovePlanTest {

  private static Improve.Request request(
      List<String> extraction, List<String> enrichment, List<String> sessions) {
    return new Improve.Request(extraction, enrichment, null, "d", null, null, false, sessions);
  }

  @ParameterizedTest
  @CsvSource({
    "extraction_tasks, extract_agent_trace_feedbacks",
    "enrichment_tasks, cognify_agent_trace_feedback",
    "enrichment_tasks, apply_feedback_weights"
  })
  void feedback_tasks_are_refused_with_the_reason_instead_of_pretending(String field, String task) {
    Improve.Request asked =
        field.equals("extraction_tasks")
            ? request(List.of(task), null, null)
            : request(null, List.of(task), null);

    assertThatThrownBy(() -> Improve.plan(asked))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining(field)
        .hasMessageContaining("task '" + task + "' is not available")
        .hasMessageContaining("records no feedback");
  }

  @Test
  void the_default_plans_run_no_feedback_task() {
    assertThat(Improve.plan(request(null, null, null)))
        .containsExactly("get_triplet_datapoints", "index_data_points");
    assertThat(Improve.plan(request(null, null, List.of("s-1"))))
        .containsExactly(
            "extract_user_sessions",
            "get_triplet_datapoints",
            "cognify_session",
            "index_data_points");
  }

  @Test
  void unknown_tasks_are_named_with_the_known_ones() {
    assertThatThrownBy(() -> Improve.plan(request(List.of("nope"), null, null)))
        .hasMessageContaining("unknown task 'nope'")
        .hasMessageContaining("extract_subgraph");
  }
}
