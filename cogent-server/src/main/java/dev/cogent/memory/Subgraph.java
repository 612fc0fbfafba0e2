package dev.cogent.memory;

import java.util.List;

/** Nodes and the edges between them, as a graph read returns them. */
public record Subgraph(List<GraphNode> nodes, List<GraphEdge> edges) {

  public Subgraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }
}
