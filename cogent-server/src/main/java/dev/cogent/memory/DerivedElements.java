package dev.cogent.memory;

import java.util.List;

/** Ids of derived memory (chunks, summaries, nodes, edges), e.g. what a forget removed. */
public record DerivedElements(
    List<String> chunkIds, List<String> summaryIds, List<String> nodeIds, List<String> edgeIds) {

  public DerivedElements {
    chunkIds = List.copyOf(chunkIds);
    summaryIds = List.copyOf(summaryIds);
    nodeIds = List.copyOf(nodeIds);
    edgeIds = List.copyOf(edgeIds);
  }

  public boolean isEmpty() {
    return chunkIds.isEmpty() && summaryIds.isEmpty() && nodeIds.isEmpty() && edgeIds.isEmpty();
  }
}
