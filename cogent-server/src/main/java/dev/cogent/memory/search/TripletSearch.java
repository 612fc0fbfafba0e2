package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.EdgeView;
import dev.cogent.memory.search.DatasetMemory.NodeView;
import dev.cogent.memory.search.DatasetMemory.Scored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The anchor's brute-force triplet search (research §2), which every GRAPH_* type, TEMPORAL's
 * fallback and the agentic memory tool use: vector-search node names and edge texts once each,
 * project every edge incident to a hit node, give each node its best distance (or the penalty
 * {@value #PENALTY} when it was not hit) and each edge the distance of its text (or the penalty;
 * the anchor matches the edge's relationship-name vector, here the index holds each edge's whole
 * {@code source relationship target} text), score a triplet as {@code Σ (2 − importance) ×
 * distance} over its two nodes and its edge, and keep the {@code topK} lowest. Importance is the
 * anchor's default 0.5 for every element: no importance or feedback weights are stored yet.
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
    for (EdgeView edge : memory.edgesTouching(nodeDistance.keySet(), nodeSets)) {
      unique.putIfAbsent(edge.id(), edge);
    }
    for (EdgeView edge : unique.values()) {
      double score =
          weighted(nodeDistance.getOrDefault(edge.source().id(), PENALTY))
              + weighted(edgeDistance.getOrDefault(edge.id(), PENALTY))
              + weighted(nodeDistance.getOrDefault(edge.target().id(), PENALTY));
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

  private static double weighted(double distance) {
    return (2 - IMPORTANCE) * distance;
  }
}
