package dev.cogent.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TripletSearchTest {

  private final TripletSearch search = new TripletSearch();

  private final FakeMemory memory =
      new FakeMemory()
          .chunk("c1", "Ada Lovelace wrote notes on the Analytical Engine")
          .node("ada", "Ada Lovelace", "Person")
          .node("engine", "Analytical Engine", "Machine")
          .node("babbage", "Charles Babbage", "Person")
          .node("london", "London", "City")
          .edge("e1", "ada", "wrote_about", "engine")
          .edge("e2", "babbage", "designed", "engine")
          .edge("e3", "babbage", "lived_in", "london");

  @Test
  void ranks_triplets_by_the_weighted_sum_of_node_and_edge_distances() {
    List<Triplet> found =
        search.search(memory, "Who designed the Analytical Engine", 10, List.of());

    assertThat(found).extracting(t -> t.edge().id()).containsExactly("e2", "e1");
    // e1: Ada was not hit (penalty), the engine was, the edge text was
    double engine =
        1 - FakeMemory.similarity("Who designed the Analytical Engine", "Analytical Engine");
    double edge =
        1
            - FakeMemory.similarity(
                "Who designed the Analytical Engine", "Ada Lovelace wrote about Analytical Engine");
    assertThat(found.get(1).score())
        .isCloseTo(1.5 * (TripletSearch.PENALTY + edge + engine), within(1e-9));
  }

  @Test
  void feedback_influence_ranks_a_positively_rated_triplet_higher_and_zero_changes_nothing() {
    memory.feedbackWeight("e1", 1.0).feedbackWeight("ada", 1.0).feedbackWeight("e2", 0.0);
    String query = "Who designed the Analytical Engine";

    assertThat(search.search(memory, query, 10, List.of()))
        .extracting(t -> t.edge().id())
        .containsExactly("e2", "e1");
    assertThat(new TripletSearch(0.9).search(memory, query, 10, List.of()))
        .extracting(t -> t.edge().id())
        .containsExactly("e1", "e2");
  }

  @Test
  void keeps_only_top_k_and_nothing_when_no_node_is_hit() {
    assertThat(search.search(memory, "Who designed the Analytical Engine", 1, List.of()))
        .extracting(t -> t.edge().id())
        .containsExactly("e2");
    assertThat(search.search(memory, "quantum chromodynamics", 10, List.of())).isEmpty();
  }

  @Test
  void edges_away_from_every_hit_node_are_not_projected() {
    List<Triplet> found = search.search(memory, "Ada Lovelace", 10, List.of());

    assertThat(found).extracting(t -> t.edge().id()).containsExactly("e1");
  }

  @Test
  void a_node_set_filter_keeps_edges_of_shared_nodes_that_other_data_produced_out() {
    FakeMemory tagged =
        new FakeMemory()
            .node("ada", "Ada Lovelace", "Person")
            .node("engine", "Analytical Engine", "Machine")
            .node("babbage", "Charles Babbage", "Person")
            .edge("e1", "ada", "wrote_about", "engine", "notes")
            .edge("e2", "babbage", "designed", "engine", "engines");

    List<Triplet> found =
        search.search(tagged, "Who designed the Analytical Engine", 10, List.of("notes"));

    assertThat(found).extracting(t -> t.edge().id()).containsExactly("e1");
  }

  @Test
  void merge_keeps_each_edge_once_with_its_lower_score() {
    var edge = memory.edges(List.of("e1")).get(0);
    var other = memory.edges(List.of("e2")).get(0);

    List<Triplet> merged =
        TripletSearch.merge(
            List.of(new Triplet(edge, 3.0)),
            List.of(new Triplet(other, 1.0), new Triplet(edge, 2.0)));

    assertThat(merged).extracting(Triplet::score).containsExactly(2.0, 1.0);
  }

  @Test
  void graph_context_lists_nodes_then_connections() {
    String context =
        GraphContext.render(search.search(memory, "Charles Babbage London", 10, List.of()));

    assertThat(context)
        .startsWith(
            "Nodes:\nNode: Charles Babbage\n__node_content_start__\nCharles Babbage is a Person")
        .contains("\nConnections:\nCharles Babbage --[lived_in]--> London");
  }
}
