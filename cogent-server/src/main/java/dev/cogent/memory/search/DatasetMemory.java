package dev.cogent.memory.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What search reads of one dataset the caller may read: its chunks, summaries and graph, through
 * the dataset's vector and BM25 index and its tables. One instance serves one search request (it
 * may cache the query's embedding). Two implementations: the real one over the memory store ({@link
 * StoredDatasetMemory}) and the in-memory fake of the unit tests.
 *
 * <p>Scores are similarities in [0, 1], higher is closer; {@link Scored#distance()} turns them into
 * the anchor's distances. Every {@code nodeSets} argument restricts to elements produced by data
 * items tagged with one of the sets (OR); an empty list means no restriction.
 */
interface DatasetMemory {

  String datasetId();

  String datasetName();

  /** The tenant the dataset belongs to, or null. */
  String tenantId();

  /** Whether cognify has produced anything searchable (chunks) in this dataset. */
  boolean isCognified();

  /** Chunks closest to the query by embedding. */
  List<Scored<ChunkView>> chunks(String query, int limit, List<String> nodeSets);

  /** Chunks ranked by Okapi BM25 over their text. */
  List<Scored<ChunkView>> lexicalChunks(String query, int limit, List<String> nodeSets);

  /** Chunk summaries closest to the query by embedding. */
  List<Scored<SummaryView>> summaries(String query, int limit, List<String> nodeSets);

  /** Graph nodes (entities and entity types) whose name is closest to the query. */
  List<Scored<NodeView>> nodes(String query, int limit, List<String> nodeSets);

  /**
   * The edges whose triplet text ({@code source relationship target: description}) is closest to
   * the query: their ids with the similarity.
   */
  List<Scored<String>> edgeHits(String query, int limit, List<String> nodeSets);

  /**
   * Every edge with at least one end in {@code nodeIds}, with both ends; with {@code nodeSets},
   * only the edges that data of those node sets produced (a node shared with other data must not
   * bring their edges into a filtered search).
   */
  List<EdgeView> edgesTouching(Collection<String> nodeIds, List<String> nodeSets);

  /**
   * Without node sets, the edges touching {@code nodeIds} that a triplet ranking of the {@code
   * perNode} best can need (GraphRepository#edgesToRank): those between two of the nodes, those of
   * {@code edgeIds}, and per node the {@code perNode} lowest ids of the others, so that a node
   * touched by thousands of edges (an entity type) does not load them all. By default every edge
   * touching the nodes, which ranks the same.
   */
  default List<EdgeView> edgesToRank(
      Collection<String> nodeIds, Collection<String> edgeIds, int perNode) {
    return edgesTouching(nodeIds, List.of());
  }

  /** The edges with these ids, with both ends, in the order of {@code edgeIds}. */
  List<EdgeView> edges(Collection<String> edgeIds);

  /** The nodes of one type, restricted to node sets. */
  List<NodeView> nodesOfType(String type, List<String> nodeSets);

  /** The chunks of the data items tagged with one of {@code nodeSets}, in document order. */
  List<ChunkView> chunksInNodeSets(List<String> nodeSets, int limit);

  /** A chunk as search returns it. */
  record ChunkView(
      String id, String dataId, String documentName, int chunkIndex, String text, int tokenCount) {}

  /** A chunk's summary. */
  record SummaryView(String id, String chunkId, String dataId, String text) {}

  /** A graph node. */
  /**
   * The {@code feedback_weight} of these nodes and edges by id (0.5, neutral, for any left out);
   * only read when feedback influences ranking.
   */
  default Map<String, Double> feedbackWeights(Collection<String> ids) {
    return Map.of();
  }

  record NodeView(String id, String name, String type, String description) {}

  /** A directed edge with both of its ends. */
  record EdgeView(
      String id, NodeView source, NodeView target, String relationshipName, String description) {}

  /** An item with its similarity to the query. */
  record Scored<T>(T item, double score) {
    /** The anchor's vector distance: lower is closer. */
    double distance() {
      return 1.0 - score;
    }
  }
}
