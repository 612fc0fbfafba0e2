package dev.cogent.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImprovePlanTest {

  private static Improve.Request request(
      List<String> extraction, List<String> enrichment, List<String> sessions) {
    return new Improve.Request(extraction, enrichment, null, "d", null, null, false, sessions);
  }

  @Test
  void the_default_plan_with_sessions_applies_their_feedback_first() {
    assertThat(Improve.plan(request(null, null, null)))
        .containsExactly("get_triplet_datapoints", "index_data_points");
    assertThat(Improve.plan(request(null, null, List.of("s-1"))))
        .containsExactly(
            "extract_user_sessions",
            "get_triplet_datapoints",
            "apply_feedback_weights",
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
