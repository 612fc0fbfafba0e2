package dev.cogent.memory.cognify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What extraction returns for one chunk: the anchor's {@code KnowledgeGraph} shape, which is also
 * the structured output a model is asked for.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnowledgeGraph(
    @JsonProperty("nodes") List<Node> nodes, @JsonProperty("edges") List<Edge> edges) {

  public KnowledgeGraph {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    edges = edges == null ? List.of() : List.copyOf(edges);
  }

  /** An entity; {@code id} is how edges of the same answer refer to it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Node(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("type") String type,
      @JsonProperty("description") String description) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Edge(
      @JsonProperty("source_node_id") String sourceNodeId,
      @JsonProperty("target_node_id") String targetNodeId,
      @JsonProperty("relationship_name") String relationshipName,
      @JsonProperty("description") String description) {}
}
