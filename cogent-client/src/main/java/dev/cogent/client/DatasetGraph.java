package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A dataset's knowledge graph: entities, entity types and documents, and their relations. */
public record DatasetGraph(
    @JsonProperty("nodes") List<Node> nodes, @JsonProperty("edges") List<Edge> edges) {

  public DatasetGraph {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    edges = edges == null ? List.of() : List.copyOf(edges);
  }

  /** A node; {@code label} is its name, {@code properties} holds its description. */
  public record Node(
      @JsonProperty("id") String id,
      @JsonProperty("label") String label,
      @JsonProperty("type") String type,
      @JsonProperty("properties") Map<String, Object> properties) {}

  /** A relation from node id {@code source} to node id {@code target}, named {@code label}. */
  public record Edge(
      @JsonProperty("source") String source,
      @JsonProperty("target") String target,
      @JsonProperty("label") String label) {}
}
