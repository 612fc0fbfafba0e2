package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.EdgeView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An edge of the graph with both ends, scored against a query: lower is closer (the anchor's sum of
 * weighted distances).
 */
record Triplet(EdgeView edge, double score) {

  /** The triplet as {@code objects_result} shows it. */
  Map<String, Object> payload() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("id", edge.id());
    payload.put("source", node(edge.source()));
    payload.put("relationship_name", edge.relationshipName());
    payload.put("target", node(edge.target()));
    payload.put("score", score);
    return payload;
  }

  /** {@code source -- relationship -- target}, the text a triplet is embedded and shown as. */
  String text() {
    return edge.source().name() + " -- " + edge.relationshipName() + " -- " + edge.target().name();
  }

  private static Map<String, Object> node(DatasetMemory.NodeView node) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", node.id());
    map.put("name", node.name());
    map.put("type", node.type());
    if (node.description() != null) {
      map.put("description", node.description());
    }
    return map;
  }
}
