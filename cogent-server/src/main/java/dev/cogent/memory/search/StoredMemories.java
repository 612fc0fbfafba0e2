package dev.cogent.memory.search;

import dev.cogent.identity.Permission;
import dev.cogent.identity.Principal;
import dev.cogent.memory.DataRepository;
import dev.cogent.memory.DatasetResolver;
import dev.cogent.memory.FeedbackRepository;
import dev.cogent.memory.GraphRepository;
import dev.cogent.memory.index.Embedder;
import dev.cogent.memory.index.MemoryIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory store as search reads it: resolves the datasets of a request through {@link
 * DatasetResolver} with the {@code read} permission and opens each as a {@link
 * StoredDatasetMemory}. Thread-safe.
 */
public final class StoredMemories implements MemorySource {

  private final DatasetResolver datasets;
  private final MemoryIndex index;
  private final Embedder embedder;
  private final GraphRepository graph;
  private final DataRepository data;
  private final FeedbackRepository feedback;

  public StoredMemories(
      DatasetResolver datasets,
      MemoryIndex index,
      Embedder embedder,
      GraphRepository graph,
      DataRepository data,
      FeedbackRepository feedback) {
    this.datasets = datasets;
    this.index = index;
    this.embedder = embedder;
    this.graph = graph;
    this.data = data;
    this.feedback = feedback;
  }

  @Override
  public List<DatasetMemory> open(Principal caller, List<String> names, List<String> ids) {
    Map<String, float[]> vectors = new HashMap<>();
    return datasets.resolve(caller, names, ids, Permission.READ).stream()
        .<DatasetMemory>map(
            dataset ->
                new StoredDatasetMemory(dataset, index, embedder, graph, data, feedback, vectors))
        .toList();
  }
}
