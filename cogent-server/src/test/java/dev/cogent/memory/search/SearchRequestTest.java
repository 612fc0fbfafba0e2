package dev.cogent.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

  private static SearchRequest of(
      SearchType type, Integer topK, List<String> skills, List<String> tools, Integer maxIter) {
    return SearchRequest.of(
        type, null, null, null, null, null, topK, null, null, skills, tools, maxIter, null);
  }

  @Test
  void applies_the_spec_defaults() {
    SearchRequest request = of(null, null, null, null, null);

    assertThat(request.searchType()).isEqualTo(SearchType.GRAPH_COMPLETION);
    assertThat(request.topK()).isEqualTo(15);
    assertThat(request.query()).isEqualTo("What is in the document?");
    assertThat(request.systemPrompt()).startsWith("Answer the question using the provided context");
    assertThat(request.datasets()).isEmpty();
    assertThat(request.onlyContext()).isFalse();
  }

  @Test
  void skills_and_tools_need_agentic_completion() {
    assertThatThrownBy(() -> of(SearchType.CHUNKS, null, List.of("x"), null, null))
        .isInstanceOf(ApiException.class)
        .hasMessage("Invalid request: skills: requires search_type AGENTIC_COMPLETION");
    assertThatThrownBy(
            () -> of(SearchType.GRAPH_COMPLETION, null, null, List.of("memory_search"), null))
        .hasMessage("Invalid request: tools: requires search_type AGENTIC_COMPLETION");
    assertThat(of(SearchType.AGENTIC_COMPLETION, null, List.of("x"), List.of("y"), 2).maxIter())
        .isEqualTo(2);
  }

  @Test
  void max_iter_must_be_positive_and_meaningful_for_the_type() {
    assertThatThrownBy(() -> of(SearchType.AGENTIC_COMPLETION, null, null, null, 0))
        .hasMessage("Invalid request: max_iter: must be at least 1");
    assertThatThrownBy(() -> of(SearchType.CHUNKS, null, null, null, 3))
        .hasMessageContaining("max_iter");
    assertThat(of(SearchType.GRAPH_COMPLETION_COT, null, null, null, 2).maxIter()).isEqualTo(2);
  }

  @Test
  void top_k_must_be_positive() {
    assertThatThrownBy(() -> of(SearchType.CHUNKS, 0, null, null, null))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(422));
  }
}
