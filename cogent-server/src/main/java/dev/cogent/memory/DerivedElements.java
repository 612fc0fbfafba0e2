package dev.cogent.memory;

import dev.cogent.memory.index.IndexCollection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Ids of derived memory (chunks, summaries, nodes, edges), e.g. what a forget removed. */
public record DerivedElements(
    List<String> chunkIds, List<String> summaryIds, List<String> nodeIds, List<String> edgeIds) {

  public DerivedElements {
    chunkIds = List.copyOf(chunkIds);
    summaryIds = List.copyOf(summaryIds);
    nodeIds = List.copyOf(nodeIds);
    edgeIds = List.copyOf(edgeIds);
  }

  /** The ids of the index entries of these elements, by collection. */
  public Map<IndexCollection, List<String>> byCollection() {
    Map<IndexCollection, List<String>> ids = new EnumMap<>(IndexCollection.class);
    ids.put(IndexCollection.CHUNKS, chunkIds);
    ids.put(IndexCollection.SUMMARIES, summaryIds);
    // A node is in one of the two collections; deleting an absent entry does nothing.
    ids.put(IndexCollection.ENTITIES, nodeIds);
    ids.put(IndexCollection.ENTITY_TYPES, nodeIds);
    ids.put(IndexCollection.TRIPLETS, edgeIds);
    return ids;
  }

  public boolean isEmpty() {
    return chunkIds.isEmpty() && summaryIds.isEmpty() && nodeIds.isEmpty() && edgeIds.isEmpty();
  }
}
