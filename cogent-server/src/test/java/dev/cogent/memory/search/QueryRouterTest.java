package dev.cogent.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryRouterTest {

  private final QueryRouter router = new QueryRouter();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MATCH (n) RETURN n LIMIT 5 | CYPHER",
        "What are our coding rules for Java? | CODING_RULES",
        "Please do a code review of this change | CODING_RULES",
        "find \"Analytical Engine\" exactly | CHUNKS_LEXICAL",
        "Summarize the documents | GRAPH_SUMMARY_COMPLETION",
        "tl;dr of the corpus | GRAPH_SUMMARY_COMPLETION",
        "Why did Ada write the notes? | GRAPH_COMPLETION_COT",
        "Explain step by step how the engine works | GRAPH_COMPLETION_COT",
        "How is Ada Lovelace related to Charles Babbage? | GRAPH_COMPLETION_CONTEXT_EXTENSION",
        "What happened between 1840 and 1850? | TEMPORAL",
        "What did she publish in 1843? | TEMPORAL",
        "When was the engine designed? | TEMPORAL",
        "Who designed the Analytical Engine? | HYBRID_COMPLETION",
        "tell me about engines | HYBRID_COMPLETION"
      })
  void routes_queries_by_the_weighted_rules(String query, SearchType expected) {
    assertThat(router.route(query).type()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Who designed it? | 2.0 | default",
        "What happened in 1843 before the war? | 6.0 | year",
      })
  void reports_the_weight_and_the_rules_that_matched(String query, double weight, String reason) {
    QueryRouter.Route route = router.route(query);

    assertThat(route.weight()).isEqualTo(weight);
    assertThat(route.reasons()).contains(reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the quoted phrase (8) outweighs the year (3) and the time word (3)
        "When was \"the Analytical Engine\" built in 1837? | CHUNKS_LEXICAL",
        // a range of years (6) plus a year (3) outweighs a reasoning word (4)
        "Why did things change between 1840 and 1850? | TEMPORAL"
      })
  void the_heaviest_total_wins_when_rules_compete(String query, SearchType expected) {
    assertThat(router.route(query).type()).isEqualTo(expected);
  }
}
