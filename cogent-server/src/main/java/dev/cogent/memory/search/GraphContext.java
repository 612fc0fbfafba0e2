package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.EdgeView;
import dev.cogent.memory.search.DatasetMemory.NodeView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders triplets as the anchor's graph context ({@code resolve_edges_to_text}): the nodes with
 * their descriptions, then one line per connection.
 */
final class GraphContext {

  private GraphContext() {}

  static String render(List<Triplet> triplets) {
    if (triplets.isEmpty()) {
      return "";
    }
    Map<String, NodeView> nodes = new LinkedHashMap<>();
    for (Triplet triplet : triplets) {
      nodes.putIfAbsent(triplet.edge().source().id(), triplet.edge().source());
      nodes.putIfAbsent(triplet.edge().target().id(), triplet.edge().target());
    }
    StringBuilder text = new StringBuilder("Nodes:\n");
    for (NodeView node : nodes.values()) {
      text.append("Node: ").append(node.name()).append('\n');
      text.append("__node_content_start__\n");
      text.append(
          node.description() == null || node.description().isBlank()
              ? node.name()
              : node.description());
      text.append("\n__node_content_end__\n");
    }
    text.append("\nConnections:\n");
    for (Triplet triplet : triplets) {
      EdgeView edge = triplet.edge();
      text.append(edge.source().name())
          .append(" --[")
          .append(edge.relationshipName())
          .append("]--> ")
          .append(edge.target().name());
      if (edge.description() != null
          && !edge.description().isBlank()
          && !edge.description().equals(edge.relationshipName())) {
        text.append("  (").append(edge.description()).append(')');
      }
      text.append('\n');
    }
    return text.toString().strip();
  }
}
