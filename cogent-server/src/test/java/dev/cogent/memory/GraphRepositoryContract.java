package dev.cogent.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.Json;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.DatabaseKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derived memory and its provenance in storage; SQLite and PostgreSQL. */
abstract class GraphRepositoryContract {

  private static final Instant NOW = Instant.parse("2026-05-21T10:00:00Z");
  static final String DATASET = "11111111-1111-1111-1111-111111111111";

  @TempDir Path dir;
  Database database;
  DatasetRepository datasets;
  DataRepository data;
  GraphRepository graph;

  abstract DatabaseKind kind();

  @BeforeEach
  void open() {
    database = Database.open(new StoreSettings(dir, kind().newDatabaseUrl(dir), null, null, 10));
    Json json = new Json();
    datasets = new DatasetRepository(database);
    data = new DataRepository(database, json);
    graph = new GraphRepository(database, json);
    datasets.insert(new Dataset(DATASET, "docs", "u1", null, null, null, NOW, NOW));
    item("d1", "h1", List.of("people"));
    item("d2", "h2", List.of());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private void item(String id, String hash, List<String> nodeSet) {
    assertThat(
            data.insert(
                new DataItem(
                    id,
                    DATASET,
                    id + ".txt",
                    "txt",
                    "text/plain",
                    hash,
                    3,
                    "memory/raw/x",
                    nodeSet,
                    null,
                    Map.of(),
                    "u1",
                    DataStatus.PENDING,
                    null,
                    NOW,
                    NOW)))
        .isTrue();
  }

  private static GraphNode node(String name) {
    return new GraphNode(DATASET, GraphIds.node(name, "Person"), name, "Person", null, Map.of());
  }

  private static GraphEdge edge(GraphNode a, String relation, GraphNode b) {
    return new GraphEdge(
        DATASET,
        GraphIds.edge(a.id(), relation, b.id()),
        a.id(),
        b.id(),
        relation,
        null,
        1.0,
        Map.of());
  }

  private void derive(String dataId, List<GraphNode> nodes, List<GraphEdge> edges) {
    Chunk chunk = new Chunk(GraphIds.chunk(dataId, 0), DATASET, dataId, 0, "text of " + dataId, 3);
    graph.save(
        dataId,
        new GraphRepository.Derived(
            List.of(chunk),
            List.of(
                new ChunkSummary(GraphIds.summary(chunk.id()), DATASET, chunk.id(), dataId, "s")),
            nodes,
            edges),
        NOW);
  }

  @Test
  void the_same_entity_from_two_documents_is_one_node() {
    GraphNode alice = node("Alice");
    GraphNode bob = node("Bob");
    GraphNode carol = node("Carol");
    derive("d1", List.of(alice, bob), List.of(edge(alice, "knows", bob)));
    derive("d2", List.of(node(" alice "), carol), List.of(edge(alice, "knows", carol)));

    assertThat(graph.nodes(List.of(DATASET)))
        .extracting(GraphNode::name)
        .containsExactly("Alice", "Bob", "Carol");
    assertThat(graph.countEdges(DATASET)).isEqualTo(2);
    assertThat(graph.sourcesOf(DATASET, GraphRepository.NODE, alice.id()))
        .containsExactly("d1", "d2");
  }

  @Test
  void forgetting_a_data_item_removes_only_what_it_alone_produced() {
    GraphNode alice = node("Alice");
    GraphNode bob = node("Bob");
    GraphNode carol = node("Carol");
    derive("d1", List.of(alice, bob), List.of(edge(alice, "knows", bob)));
    derive("d2", List.of(alice, carol), List.of(edge(alice, "knows", carol)));

    DerivedElements removed = graph.forgetData(DATASET, "d1");

    assertThat(removed.nodeIds()).containsExactly(bob.id());
    assertThat(removed.edgeIds()).containsExactly(edge(alice, "knows", bob).id());
    assertThat(removed.chunkIds()).containsExactly(GraphIds.chunk("d1", 0));
    assertThat(graph.nodes(List.of(DATASET)))
        .extracting(GraphNode::name)
        .containsExactly("Alice", "Carol");
    assertThat(graph.chunks(List.of(DATASET))).extracting(Chunk::dataId).containsExactly("d2");
    assertThat(graph.summaries(List.of(DATASET)))
        .extracting(ChunkSummary::dataId)
        .containsExactly("d2");
  }

  @Test
  void neighbourhood_and_node_set_filters() {
    GraphNode alice = node("Alice");
    GraphNode bob = node("Bob");
    GraphNode carol = node("Carol");
    derive("d1", List.of(alice, bob), List.of(edge(alice, "knows", bob)));
    derive("d2", List.of(bob, carol), List.of(edge(bob, "knows", carol)));

    assertThat(graph.neighbourhood(List.of(DATASET), List.of(alice.id()), 1).nodes())
        .extracting(GraphNode::name)
        .containsExactlyInAnyOrder("Alice", "Bob");
    Subgraph two = graph.neighbourhood(List.of(DATASET), List.of(alice.id()), 2);
    assertThat(two.nodes()).hasSize(3);
    assertThat(two.edges()).hasSize(2);
    assertThat(graph.idsInNodeSets(List.of(DATASET), GraphRepository.NODE, List.of("people")))
        .containsExactlyInAnyOrder(alice.id(), bob.id());
    assertThat(graph.idsInNodeSets(List.of(DATASET), GraphRepository.CHUNK, List.of("other")))
        .isEmpty();
    assertThat(graph.nodes(List.of("22222222-2222-2222-2222-222222222222"))).isEmpty();
  }

  @Test
  void deleting_the_dataset_cascades_to_its_data_and_graph() {
    GraphNode alice = node("Alice");
    derive("d1", List.of(alice), List.of());

    datasets.delete(DATASET);

    assertThat(data.listByDataset(DATASET)).isEmpty();
    assertThat(graph.countNodes(DATASET)).isZero();
    assertThat(graph.countChunks(DATASET)).isZero();
  }

  @Test
  void edges_to_rank_keep_the_lowest_ids_per_node_of_edges_with_one_end_among_the_nodes() {
    GraphNode hub = node("Hub");
    GraphNode alice = node("Alice");
    List<GraphNode> spokes =
        List.of(node("S1"), node("S2"), node("S3"), node("S4"), node("S5"), node("S6"));
    List<GraphEdge> isA = spokes.stream().map(spoke -> edge(spoke, "is_a", hub)).toList();
    GraphEdge knows = edge(alice, "knows", hub);
    GraphEdge likes = edge(alice, "likes", spokes.get(0));
    GraphEdge elsewhere = edge(spokes.get(1), "knows", spokes.get(2));
    List<GraphNode> nodes = new java.util.ArrayList<>(spokes);
    nodes.add(hub);
    nodes.add(alice);
    List<GraphEdge> edges = new java.util.ArrayList<>(isA);
    edges.addAll(List.of(knows, likes, elsewhere));
    derive("d1", nodes, edges);
    List<String> sortedIsA = isA.stream().map(GraphEdge::id).sorted().toList();
    GraphEdge hitSpoke =
        isA.stream().filter(e -> e.id().equals(sortedIsA.get(5))).findFirst().get();

    List<GraphEdge> found =
        graph.edgesToRank(
            DATASET, List.of(hub.id(), alice.id()), List.of(hitSpoke.id(), elsewhere.id()), 2);

    // between two of the nodes: knows; a hit touching them: the highest is_a id; the two lowest
    // other is_a ids at the hub (as target) and likes at alice (as source); never elsewhere
    assertThat(found)
        .extracting(GraphEdge::id)
        .containsExactlyInAnyOrder(
            knows.id(), hitSpoke.id(), sortedIsA.get(0), sortedIsA.get(1), likes.id());
    assertThat(graph.edgesToRank(DATASET, List.of(), List.of(), 2)).isEmpty();
    assertThat(graph.edgesToRank(DATASET, List.of(hub.id()), List.of(), 10))
        .hasSize(isA.size() + 1);
  }

  @Test
  void data_items_are_read_by_status_and_by_ids_for_cognify_and_search() {
    assertThat(data.idsInStatus(DATASET, List.of(DataStatus.PENDING))).containsExactly("d1", "d2");

    data.updateStatuses(Map.of("d1", 3), DataStatus.COGNIFIED, NOW);

    assertThat(data.idsInStatus(DATASET, List.of(DataStatus.PENDING, DataStatus.ERRORED)))
        .containsExactly("d2");
    assertThat(data.listByIds(DATASET, List.of("d2", "unknown", "d1")))
        .extracting(DataItem::id)
        .containsExactly("d2", "d1");
    assertThat(data.namesByIds(DATASET, List.of("d1", "unknown")))
        .containsExactly(Map.entry("d1", "d1.txt"));
  }

  @Test
  void lookups_by_id_leave_out_the_rows_of_other_datasets() {
    derive("d1", List.of(), List.of());
    String chunk = GraphIds.chunk("d1", 0);
    String summary = GraphIds.summary(chunk);
    List<String> other = List.of("22222222-2222-2222-2222-222222222222");

    assertThat(graph.chunksByIds(List.of(DATASET), List.of(chunk, "unknown")))
        .extracting(Chunk::id)
        .containsExactly(chunk);
    assertThat(graph.chunksByIds(other, List.of(chunk))).isEmpty();
    assertThat(graph.summariesByIds(List.of(DATASET), List.of(summary)))
        .extracting(ChunkSummary::chunkId)
        .containsExactly(chunk);
    assertThat(graph.summariesByIds(other, List.of(summary))).isEmpty();
    assertThat(data.namesByIds(other.get(0), List.of("d1"))).isEmpty();
    assertThat(data.listByIds(other.get(0), List.of("d1"))).isEmpty();
  }
}
