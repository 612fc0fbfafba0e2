package dev.cogent.memory;

import java.util.Map;

/**
 * A directed edge of a dataset's graph. The id is {@link GraphIds#edge} of source, relationship and
 * target.
 *
 * @param relationshipName snake_case, as extraction names it ({@code works_at}, {@code is_a})
 * @param description one sentence about the relation, or null
 */
public record GraphEdge(
    String datasetId,
    String id,
    String sourceId,
    String targetId,
    String relationshipName,
    String description,
    double weight,
    Map<String, Object> properties) {

  public GraphEdge {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
