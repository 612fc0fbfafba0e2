package dev.cogent.memory.search;

import dev.cogent.memory.Chunk;
import dev.cogent.memory.ChunkSummary;
import dev.cogent.memory.DataRepository;
import dev.cogent.memory.Dataset;
import dev.cogent.memory.FeedbackRepository;
import dev.cogent.memory.GraphEdge;
import dev.cogent.memory.GraphNode;
import dev.cogent.memory.GraphRepository;
import dev.cogent.memory.index.Embedder;
import dev.cogent.memory.index.IndexCollection;
import dev.cogent.memory.index.IndexHit;
import dev.cogent.memory.index.MemoryIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@link DatasetMemory} over the memory store: the dataset's Lucene index for vector and BM25
 * search, its tables for the rows behind the hits. Node-set filters are applied to a wider search
 * ({@value #FILTER_WIDENING}× the limit), then cut to the limit. One instance per search request
 * and dataset; it embeds each query text once. Not thread-safe.
 */
final class StoredDatasetMemory implements DatasetMemory {

  static final int FILTER_WIDENING = 10;

  private final Dataset dataset;
  private final List<String> ids;
  private final MemoryIndex index;
  private final Embedder embedder;
  private final GraphRepository graph;
  private final DataRepository data;
  private final Map<String, float[]> vectors;
  private final Map<String, String> documentNames = new HashMap<>();

  /**
   * @param vectors the query embeddings of this request, shared by its datasets
   */
  private final FeedbackRepository feedback;

  StoredDatasetMemory(
      Dataset dataset,
      MemoryIndex index,
      Embedder embedder,
      GraphRepository graph,
      DataRepository data,
      FeedbackRepository feedback,
      Map<String, float[]> vectors) {
    this.feedback = feedback;
    this.dataset = dataset;
    this.ids = List.of(dataset.id());
    this.index = index;
    this.embedder = embedder;
    this.graph = graph;
    this.data = data;
    this.vectors = vectors;
  }

  @Override
  public String datasetId() {
    return dataset.id();
  }

  @Override
  public String datasetName() {
    return dataset.name();
  }

  @Override
  public String tenantId() {
    return dataset.tenantId();
  }

  @Override
  public boolean isCognified() {
    return graph.hasChunks(dataset.id());
  }

  @Override
  public List<Scored<ChunkView>> chunks(String query, int limit, List<String> nodeSets) {
    return chunkHits(vector(IndexCollection.CHUNKS, query, limit, nodeSets, "chunk"));
  }

  @Override
  public List<Scored<ChunkView>> lexicalChunks(String query, int limit, List<String> nodeSets) {
    List<IndexHit> hits =
        filter(
            index.lexicalSearch(ids, IndexCollection.CHUNKS, query, widen(limit, nodeSets)),
            limit,
            nodeSets,
            "chunk");
    // BM25 scores are unbounded; recall and the payloads show them as they are.
    return chunkHits(hits);
  }

  @Override
  public List<Scored<SummaryView>> summaries(String query, int limit, List<String> nodeSets) {
    List<IndexHit> hits = vector(IndexCollection.SUMMARIES, query, limit, nodeSets, "summary");
    if (hits.isEmpty()) {
      return List.of();
    }
    Map<String, ChunkSummary> rows = byId(graph.summariesByIds(ids, idsOf(hits)), ChunkSummary::id);
    List<Scored<SummaryView>> found = new ArrayList<>();
    for (IndexHit hit : hits) {
      ChunkSummary row = rows.get(hit.id());
      if (row != null) {
        found.add(
            new Scored<>(
                new SummaryView(row.id(), row.chunkId(), row.dataId(), row.text()), hit.score()));
      }
    }
    return found;
  }

  @Override
  public List<Scored<NodeView>> nodes(String query, int limit, List<String> nodeSets) {
    List<IndexHit> hits =
        new ArrayList<>(vector(IndexCollection.ENTITIES, query, limit, nodeSets, "node"));
    hits.addAll(vector(IndexCollection.ENTITY_TYPES, query, limit, nodeSets, "node"));
    if (hits.isEmpty()) {
      return List.of();
    }
    hits.sort((a, b) -> Float.compare(b.score(), a.score()));
    Map<String, GraphNode> rows = byId(graph.nodesByIds(ids, idsOf(hits)), GraphNode::id);
    Map<String, Scored<NodeView>> found = new LinkedHashMap<>();
    for (IndexHit hit : hits) {
      GraphNode row = rows.get(hit.id());
      if (row != null && found.size() < limit) {
        found.putIfAbsent(row.id(), new Scored<>(view(row), hit.score()));
      }
    }
    return List.copyOf(found.values());
  }

  @Override
  public List<Scored<String>> edgeHits(String query, int limit, List<String> nodeSets) {
    return vector(IndexCollection.TRIPLETS, query, limit, nodeSets, "edge").stream()
        .map(hit -> new Scored<>(hit.id(), hit.score()))
        .toList();
  }

  @Override
  public List<EdgeView> edgesTouching(Collection<String> nodeIds, List<String> nodeSets) {
    if (nodeIds.isEmpty()) {
      return List.of();
    }
    List<GraphEdge> edges = graph.edgesTouching(ids, nodeIds);
    if (!nodeSets.isEmpty()) {
      Set<String> allowed = graph.idsInNodeSets(ids, "edge", nodeSets);
      edges = edges.stream().filter(edge -> allowed.contains(edge.id())).toList();
    }
    return views(edges);
  }

  @Override
  public List<EdgeView> edgesToRank(
      Collection<String> nodeIds, Collection<String> edgeIds, int perNode) {
    return views(graph.edgesToRank(dataset.id(), nodeIds, edgeIds, perNode));
  }

  @Override
  public List<EdgeView> edges(Collection<String> edgeIds) {
    if (edgeIds.isEmpty()) {
      return List.of();
    }
    Map<String, EdgeView> byId = byId(views(graph.edgesByIds(ids, edgeIds)), EdgeView::id);
    return edgeIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  @Override
  public List<NodeView> nodesOfType(String type, List<String> nodeSets) {
    Set<String> allowed = graph.idsInNodeSets(ids, "node", nodeSets);
    if (allowed.isEmpty()) {
      return List.of();
    }
    return graph.nodesByIds(ids, allowed).stream()
        .filter(node -> node.type().equals(type))
        .map(StoredDatasetMemory::view)
        .toList();
  }

  @Override
  public List<ChunkView> chunksInNodeSets(List<String> nodeSets, int limit) {
    List<Chunk> found = new ArrayList<>();
    for (String dataId : data.dataIdsInNodeSets(ids, nodeSets)) {
      for (Chunk chunk : graph.chunksOfData(dataId)) {
        if (found.size() < limit) {
          found.add(chunk);
        }
      }
    }
    nameDocuments(found.stream().map(Chunk::dataId).toList());
    return found.stream().map(this::view).toList();
  }

  private List<IndexHit> vector(
      IndexCollection collection, String query, int limit, List<String> nodeSets, String kind) {
    float[] vector = vectors.computeIfAbsent(query, embedder::embed);
    return filter(
        index.vectorSearch(ids, collection, vector, widen(limit, nodeSets)), limit, nodeSets, kind);
  }

  private List<IndexHit> filter(
      List<IndexHit> hits, int limit, List<String> nodeSets, String kind) {
    Predicate<IndexHit> keep = hit -> true;
    if (!nodeSets.isEmpty()) {
      Set<String> allowed = graph.idsInNodeSets(ids, kind, nodeSets);
      keep = hit -> allowed.contains(hit.id());
    }
    return hits.stream().filter(keep).limit(limit).toList();
  }

  private static int widen(int limit, List<String> nodeSets) {
    return nodeSets.isEmpty() ? limit : Math.max(limit * FILTER_WIDENING, 1_000);
  }

  private List<Scored<ChunkView>> chunkHits(List<IndexHit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    Map<String, Chunk> rows = byId(graph.chunksByIds(ids, idsOf(hits)), Chunk::id);
    nameDocuments(rows.values().stream().map(Chunk::dataId).toList());
    List<Scored<ChunkView>> found = new ArrayList<>();
    for (IndexHit hit : hits) {
      Chunk row = rows.get(hit.id());
      if (row != null) {
        found.add(new Scored<>(view(row), hit.score()));
      }
    }
    return found;
  }

  private ChunkView view(Chunk chunk) {
    return new ChunkView(
        chunk.id(),
        chunk.dataId(),
        documentName(chunk.dataId()),
        chunk.chunkIndex(),
        chunk.text(),
        chunk.tokenCount());
  }

  /** Looks up the names of the documents not named yet (those of the hits, not the dataset's). */
  private void nameDocuments(Collection<String> dataIds) {
    List<String> unnamed =
        dataIds.stream().distinct().filter(id -> !documentNames.containsKey(id)).toList();
    documentNames.putAll(data.namesByIds(dataset.id(), unnamed));
  }

  private String documentName(String dataId) {
    return documentNames.getOrDefault(dataId, dataId);
  }

  private List<EdgeView> views(List<GraphEdge> edges) {
    Set<String> ends = new LinkedHashSet<>();
    edges.forEach(
        edge -> {
          ends.add(edge.sourceId());
          ends.add(edge.targetId());
        });
    if (ends.isEmpty()) {
      return List.of();
    }
    Map<String, GraphNode> nodes = byId(graph.nodesByIds(ids, ends), GraphNode::id);
    List<EdgeView> views = new ArrayList<>();
    for (GraphEdge edge : edges) {
      GraphNode source = nodes.get(edge.sourceId());
      GraphNode target = nodes.get(edge.targetId());
      if (source != null && target != null) {
        views.add(
            new EdgeView(
                edge.id(),
                view(source),
                view(target),
                edge.relationshipName(),
                edge.description()));
      }
    }
    return views;
  }

  private static NodeView view(GraphNode node) {
    return new NodeView(node.id(), node.name(), node.type(), node.description());
  }

  private static List<String> idsOf(List<IndexHit> hits) {
    return hits.stream().map(IndexHit::id).distinct().toList();
  }

  private static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
    Map<String, T> map = new HashMap<>();
    rows.forEach(row -> map.put(id.apply(row), row));
    return map;
  }

  @Override
  public Map<String, Double> feedbackWeights(Collection<String> ids) {
    return feedback.weights(dataset.id(), ids);
  }
}
