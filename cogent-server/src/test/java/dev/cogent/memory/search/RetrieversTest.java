package dev.cogent.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.scope.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The retrieval and context steps of each search type on a fake dataset. Model calls are covered
 * through HTTP with the scripted model (MemorySearchApiContract); here {@code only_context} stops
 * before them, and a null model proves that nothing else calls one.
 */
class RetrieversTest {

  private final FakeMemory memory =
      new FakeMemory()
          .chunk("c1", "Ada Lovelace published notes on the Analytical Engine in 1843")
          .chunk("c2", "Charles Babbage designed the Analytical Engine in 1837")
          .chunk("c3", "The Difference Engine was never finished")
          .chunk(
              "r1",
              "- Use final classes\n- Never log secrets\n\n1. Prefer records",
              "coding_agent_rules")
          .node("ada", "Ada Lovelace", "Person")
          .node("engine", "Analytical Engine", "Machine")
          .node("babbage", "Charles Babbage", "Person")
          .node("rule", "Rule one", "Rule")
          .edge("e1", "ada", "wrote_about", "engine")
          .edge("e2", "babbage", "designed", "engine");

  private final Answerer noModel = new Answerer(null);
  private final TripletSearch triplets = new TripletSearch();

  private static SearchQuery query(String text, boolean onlyContext, List<String> nodeNames) {
    return new SearchQuery(
        null, Scope.GLOBAL, text, "sys", nodeNames, 2, onlyContext, false, null, null, null);
  }

  @SuppressWarnings("unchecked")
  private static List<String> field(SearchOutcome outcome, String key) {
    return outcome.objects().stream()
        .map(object -> String.valueOf(((Map<String, Object>) object).get(key)))
        .toList();
  }

  @Test
  void chunks_are_ranked_by_similarity_and_cut_at_top_k() {
    SearchOutcome outcome =
        new ChunksRetriever()
            .search(query("Who designed the Analytical Engine", false, List.of()), memory);

    assertThat(field(outcome, "id")).containsExactly("c2", "c1");
    assertThat(outcome.result(false)).isEqualTo(outcome.objects());
    assertThat(outcome.completion()).isEmpty();
  }

  @Test
  void node_sets_restrict_chunks() {
    SearchOutcome outcome =
        new ChunksRetriever()
            .search(query("final classes", false, List.of("coding_agent_rules")), memory);

    assertThat(field(outcome, "id")).containsExactly("r1");
  }

  @Test
  void summaries_return_summary_payloads() {
    SearchOutcome outcome =
        new SummariesRetriever()
            .search(query("Difference Engine finished", false, List.of()), memory);

    assertThat(field(outcome, "chunk_id")).first().isEqualTo("c3");
    assertThat(field(outcome, "text")).first().asString().startsWith("Summary: ");
  }

  @Test
  void coding_rules_ignore_the_query_and_read_rule_nodes_and_tagged_lines() {
    SearchOutcome outcome =
        new CodingRulesRetriever().search(query("anything", false, List.of()), memory);

    assertThat(outcome.objects())
        .containsExactly(
            "Rule one is a Rule", "Use final classes", "Never log secrets", "Prefer records");
  }

  @Test
  void rag_only_context_joins_chunk_texts_without_a_model_call() {
    SearchOutcome outcome =
        new RagCompletionRetriever(noModel)
            .search(query("Who designed the Analytical Engine", true, List.of()), memory);

    assertThat(outcome.result(true))
        .isEqualTo(
            "Charles Babbage designed the Analytical Engine in 1837\n"
                + "Ada Lovelace published notes on the Analytical Engine in 1843");
  }

  @Test
  void nothing_retrieved_means_an_empty_result_and_no_model_call() {
    SearchOutcome outcome =
        new GraphCompletionRetriever(triplets, noModel)
            .search(query("quantum chromodynamics", false, List.of()), memory);

    assertThat(outcome.result(false)).isEqualTo(List.of());
  }

  @Test
  void hybrid_context_has_passages_entities_and_facts() {
    SearchOutcome outcome =
        new HybridCompletionRetriever(noModel)
            .search(
                query("Charles Babbage designed the Analytical Engine", true, List.of()), memory);

    assertThat((String) outcome.context())
        .startsWith(
            "## Relevant passages\nCharles Babbage designed the Analytical Engine in 1837\n---\n")
        .contains("## Relevant entities\n")
        .contains("\nCharles Babbage (Person): Charles Babbage is a Person")
        .contains("  - Charles Babbage --[designed]--> Analytical Engine")
        .contains("## Related facts\n- Charles Babbage --[designed]--> Analytical Engine");
  }

  @Test
  void triplet_completion_context_is_triplet_lines() {
    SearchOutcome outcome =
        new TripletCompletionRetriever(noModel)
            .search(query("Babbage designed Analytical Engine", true, List.of()), memory);

    assertThat(outcome.context())
        .isEqualTo(
            "Charles Babbage -- designed -- Analytical Engine\n"
                + "Ada Lovelace -- wrote_about -- Analytical Engine");
  }

  @Test
  void temporal_keeps_chunks_naming_a_year_in_the_interval() {
    SearchOutcome outcome =
        new TemporalRetriever(triplets, noModel)
            .search(
                query("What happened to the Analytical Engine after 1840?", true, List.of()),
                memory);

    assertThat(field(outcome, "id")).containsExactly("c1");
  }

  @Test
  void temporal_falls_back_to_graph_triplets_without_an_interval() {
    SearchOutcome outcome =
        new TemporalRetriever(triplets, noModel)
            .search(query("Who designed the Analytical Engine", true, List.of()), memory);

    assertThat((String) outcome.context()).startsWith("Nodes:");
  }

  @Test
  void cypher_and_natural_language_say_there_is_no_graph_query_backend() {
    for (Retriever retriever : List.of(new CypherRetriever(), new NaturalLanguageRetriever())) {
      assertThatThrownBy(
              () -> retriever.search(query("MATCH (n) RETURN n", false, List.of()), memory))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("graph-query (Cypher) backend")
          .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(422));
    }
  }

  @Test
  void feeling_lucky_picks_the_named_type_or_falls_back_to_rag() {
    assertThat(FeelingLuckyRetriever.pick("CHUNKS")).isEqualTo(SearchType.CHUNKS);
    assertThat(FeelingLuckyRetriever.pick(" temporal.\n")).isEqualTo(SearchType.TEMPORAL);
    assertThat(FeelingLuckyRetriever.pick("CYPHER")).isEqualTo(SearchType.RAG_COMPLETION);
    assertThat(FeelingLuckyRetriever.pick("I think graphs")).isEqualTo(SearchType.RAG_COMPLETION);
  }

  @Test
  void decomposition_reads_a_json_array_of_subqueries_or_nothing() {
    var retriever = new GraphCompletionDecompositionRetriever(triplets, noModel, new Json());

    assertThat(retriever.subqueries("Here: [\"Who is Ada?\", \"What is the engine?\"]"))
        .contains(List.of("Who is Ada?", "What is the engine?"));
    assertThat(retriever.subqueries("Echo: no array")).isEmpty();
    assertThat(retriever.subqueries("[]")).isEmpty();
  }
}
