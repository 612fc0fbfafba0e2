package dev.cogent.memory.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A dataset in memory whose "embedding" similarity is the word overlap (Jaccard) of query and text,
 * so rankings in tests are obvious. Node sets are tags on chunks, nodes and edges.
 */
final class FakeMemory implements DatasetMemory {

  private final Map<String, ChunkView> chunks = new LinkedHashMap<>();
  private final Map<String, Set<String>> tags = new LinkedHashMap<>();
  private final Map<String, NodeView> nodes = new LinkedHashMap<>();
  private final Map<String, Edge> edges = new LinkedHashMap<>();

  private final Map<String, Double> feedback = new LinkedHashMap<>();

  private record Edge(String id, String source, String target, String relationship) {}

  FakeMemory feedbackWeight(String id, double weight) {
    feedback.put(id, weight);
    return this;
  }

  @Override
  public Map<String, Double> feedbackWeights(Collection<String> ids) {
    Map<String, Double> weights = new LinkedHashMap<>(feedback);
    weights.keySet().retainAll(ids);
    return weights;
  }

  FakeMemory chunk(String id, String text, String... nodeSets) {
    chunks.put(
        id, new ChunkView(id, "doc-" + id, "doc-" + id + ".txt", 0, text, text.split(" ").length));
    tags.put(id, Set.of(nodeSets));
    return this;
  }

  FakeMemory node(String id, String name, String type) {
    nodes.put(id, new NodeView(id, name, type, name + " is a " + type));
    return this;
  }

  FakeMemory edge(
      String id, String source, String relationship, String target, String... nodeSets) {
    edges.put(id, new Edge(id, source, target, relationship));
    tags.put(id, Set.of(nodeSets));
    return this;
  }

  static double similarity(String query, String text) {
    Set<String> a = words(query);
    Set<String> b = words(text);
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    Set<String> either = new HashSet<>(a);
    either.addAll(b);
    return (double) both.size() / either.size();
  }

  private static Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
        .filter(word -> word.length() > 2)
        .collect(Collectors.toSet());
  }

  private static <T> List<Scored<T>> rank(
      Collection<T> items, String query, Function<T, String> text, int limit) {
    List<Scored<T>> scored = new ArrayList<>();
    for (T item : items) {
      double score = similarity(query, text.apply(item));
      if (score > 0) {
        scored.add(new Scored<>(item, score));
      }
    }
    scored.sort(Comparator.comparingDouble((Scored<T> s) -> -s.score()));
    return scored.subList(0, Math.min(limit, scored.size()));
  }

  private boolean tagged(String id, List<String> nodeSets) {
    return nodeSets.isEmpty()
        || tags.getOrDefault(id, Set.of()).stream().anyMatch(nodeSets::contains);
  }

  @Override
  public String datasetId() {
    return "ds-1";
  }

  @Override
  public String datasetName() {
    return "fake";
  }

  @Override
  public String tenantId() {
    return null;
  }

  @Override
  public boolean isCognified() {
    return !chunks.isEmpty();
  }

  @Override
  public List<Scored<ChunkView>> chunks(String query, int limit, List<String> nodeSets) {
    return rank(
        chunks.values().stream().filter(c -> tagged(c.id(), nodeSets)).toList(),
        query,
        ChunkView::text,
        limit);
  }

  @Override
  public List<Scored<ChunkView>> lexicalChunks(String query, int limit, List<String> nodeSets) {
    return chunks(query, limit, nodeSets);
  }

  @Override
  public List<Scored<SummaryView>> summaries(String query, int limit, List<String> nodeSets) {
    return chunks(query, limit, nodeSets).stream()
        .map(
            hit ->
                new Scored<>(
                    new SummaryView(
                        "s-" + hit.item().id(),
                        hit.item().id(),
                        hit.item().dataId(),
                        "Summary: " + hit.item().text()),
                    hit.score()))
        .toList();
  }

  @Override
  public List<Scored<NodeView>> nodes(String query, int limit, List<String> nodeSets) {
    return rank(nodes.values(), query, NodeView::name, limit);
  }

  @Override
  public List<Scored<String>> edgeHits(String query, int limit, List<String> nodeSets) {
    return rank(edges.values(), query, edge -> text(edge), limit).stream()
        .map(hit -> new Scored<>(hit.item().id(), hit.score()))
        .toList();
  }

  private String text(Edge edge) {
    return nodes.get(edge.source()).name()
        + " "
        + edge.relationship().replace('_', ' ')
        + " "
        + nodes.get(edge.target()).name();
  }

  @Override
  public List<EdgeView> edgesTouching(Collection<String> nodeIds, List<String> nodeSets) {
    return edges.values().stream()
        .filter(edge -> nodeIds.contains(edge.source()) || nodeIds.contains(edge.target()))
        .filter(edge -> tagged(edge.id(), nodeSets))
        .map(this::view)
        .toList();
  }

  @Override
  public List<EdgeView> edges(Collection<String> edgeIds) {
    return edgeIds.stream().filter(edges::containsKey).map(id -> view(edges.get(id))).toList();
  }

  private EdgeView view(Edge edge) {
    return new EdgeView(
        edge.id(), nodes.get(edge.source()), nodes.get(edge.target()), edge.relationship(), null);
  }

  @Override
  public List<NodeView> nodesOfType(String type, List<String> nodeSets) {
    return nodes.values().stream().filter(node -> node.type().equals(type)).toList();
  }

  @Override
  public List<ChunkView> chunksInNodeSets(List<String> nodeSets, int limit) {
    return chunks.values().stream()
        .filter(c -> !tags.get(c.id()).isEmpty() && tagged(c.id(), nodeSets))
        .limit(limit)
        .toList();
  }
}
