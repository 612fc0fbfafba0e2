package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.EdgeView;
import dev.cogent.memory.search.DatasetMemory.NodeView;
import dev.cogent.memory.search.DatasetMemory.Scored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anchor's brute-force triplet search (research §2), which every GRAPH_* type, TEMPORAL's
 * fallback and the agentic memory tool use: vector-search node names and edge texts once each,
 * project every edge incident to a hit node, give each node its best distance (or the penalty
 * {@value #PENALTY} when it was not hit) and each edge the distance of its text (or the penalty;
 * the anchor matches the edge's relationship-name vector, here the index holds each edge's whole
 * {@code source relationship target} text), score a triplet as {@code Σ (2 − importance) ×
 * distance} over its two nodes and its edge, and keep the {@code topK} lowest. Importance is the
 * anchor's default 0.5 for every element. With a feedback influence {@code λ > 0} each term is
 * multiplied by {@code 1 − λ × (feedback_weight − 0.5)}, so elements rated up (weight toward 1)
 * come closer and those rated down move away; with {@code λ = 0} (the anchor's default) ranking is
 * unchanged.
 *
 * <p>Stateless and thread-safe.
 */
final class TripletSearch {

  /** The distance of an element the vector search did not return. */
  static final double PENALTY = 6.5;

  /** How many node and relationship hits the first step keeps ({@code wide_search_top_k}). */
  static final int WIDE_SEARCH = 100;

  /** With a node-set filter the anchor searches without limit; this bounds it. */
  static final int WIDE_SEARCH_FILTERED = 10_000;

  static final double IMPORTANCE = 0.5;

  static final double NEUTRAL_FEEDBACK = 0.5;

  private final double feedbackInfluence;

  TripletSearch() {
    this(0.0);
  }

  TripletSearch(double feedbackInfluence) {
    this.feedbackInfluence = feedbackInfluence;
  }

  /** The {@code topK} closest triplets, closest first; ties in edge id order. */
  List<Triplet> search(DatasetMemory memory, String query, int topK, List<String> nodeSets) {
    int wide = nodeSets.isEmpty() ? WIDE_SEARCH : WIDE_SEARCH_FILTERED;
    Map<String, Double> nodeDistance = new HashMap<>();
    for (Scored<NodeView> hit : memory.nodes(query, wide, nodeSets)) {
      nodeDistance.merge(hit.item().id(), hit.distance(), Math::min);
    }
    if (nodeDistance.isEmpty()) {
      return List.of();
    }
    Map<String, Double> edgeDistance = new HashMap<>();
    for (Scored<String> hit : memory.edgeHits(query, wide, nodeSets)) {
      edgeDistance.merge(hit.item(), hit.distance(), Math::min);
    }
    List<Triplet> scored = new ArrayList<>();
    Map<String, EdgeView> unique = new LinkedHashMap<>();
    // Without feedback or node sets, an edge with one end hit and no text hit scores by that end
    // alone, so the store only returns the topK lowest ids of those per node (an entity type's
    // thousands of is_a edges stay in the database); the ranking is the same.
    List<EdgeView> touching =
        feedbackInfluence > 0 || !nodeSets.isEmpty()
            ? memory.edgesTouching(nodeDistance.keySet(), nodeSets)
            : memory.edgesToRank(nodeDistance.keySet(), edgeDistance.keySet(), topK);
    for (EdgeView edge : touching) {
      unique.putIfAbsent(edge.id(), edge);
    }
    Map<String, Double> feedback = Map.of();
    if (feedbackInfluence > 0 && !unique.isEmpty()) {
      Set<String> ids = new HashSet<>(unique.keySet());
      unique.values().forEach(e -> ids.add(e.source().id()));
      unique.values().forEach(e -> ids.add(e.target().id()));
      feedback = memory.feedbackWeights(ids);
    }
    for (EdgeView edge : unique.values()) {
      double score =
          weighted(
                  nodeDistance.getOrDefault(edge.source().id(), PENALTY),
                  feedback,
                  edge.source().id())
              + weighted(edgeDistance.getOrDefault(edge.id(), PENALTY), feedback, edge.id())
              + weighted(
                  nodeDistance.getOrDefault(edge.target().id(), PENALTY),
                  feedback,
                  edge.target().id());
      scored.add(new Triplet(edge, score));
    }
    scored.sort(
        Comparator.comparingDouble(Triplet::score).thenComparing(triplet -> triplet.edge().id()));
    return List.copyOf(scored.subList(0, Math.min(topK, scored.size())));
  }

  /**
   * The union of two triplet lists, each edge once with its lower score, in {@code first}'s order
   * then {@code second}'s.
   */
  static List<Triplet> merge(List<Triplet> first, List<Triplet> second) {
    Map<String, Triplet> merged = new LinkedHashMap<>();
    for (Triplet triplet : first) {
      merged.merge(triplet.edge().id(), triplet, TripletSearch::closer);
    }
    for (Triplet triplet : second) {
      merged.merge(triplet.edge().id(), triplet, TripletSearch::closer);
    }
    return List.copyOf(merged.values());
  }

  private static Triplet closer(Triplet one, Triplet other) {
    return other.score() < one.score() ? other : one;
  }

  private double weighted(double distance, Map<String, Double> feedback, String id) {
    double weight = feedback.getOrDefault(id, NEUTRAL_FEEDBACK);
    return (2 - IMPORTANCE) * distance * (1 - feedbackInfluence * (weight - NEUTRAL_FEEDBACK));
  }
}
