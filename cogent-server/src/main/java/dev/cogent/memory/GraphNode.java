package dev.cogent.memory;

import java.util.Map;

/**
 * A node of a dataset's graph: an entity, an entity type or a document. The id is {@link
 * GraphIds#node} of the name and type, so one entity mentioned in several documents is one node.
 *
 * @param properties extra attributes (JSON object), empty when none
 */
public record GraphNode(
    String datasetId,
    String id,
    String name,
    String type,
    String description,
    Map<String, Object> properties) {

  public GraphNode {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
