package dev.cogent.memory;

import dev.cogent.memory.index.Embedder;
import dev.cogent.memory.index.IndexCollection;
import dev.cogent.memory.index.IndexEntry;
import dev.cogent.observability.PipelineTracer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What cognify derived from several data items of one dataset, stored and indexed together: one
 * transaction for what the items produced before, one for the new graph (prepared batches), one
 * embedding call per collection and one index commit. Writing item by item (a commit and a round
 * trip per row) held cognify to about one chunk a second.
 *
 * <p>Crash safety: the items are marked {@code processing} first and {@code cognified} only after
 * the index commit, so a stop in between leaves them {@code processing}, which start-up marks
 * errored ({@link Cognify#recoverInterruptedRuns}); the next cognify forgets what they stored and
 * redoes them. Not thread-safe: one batch belongs to one pipeline run, under the dataset's lock.
 */
final class CognifyBatch {

  /**
   * Chunks gathered before they are stored. A batch is one Lucene commit, hence one segment that
   * Lucene later merges (rebuilding HNSW graphs): 1024 rather than 256 chunks cut cognify's CPU at
   * 10k chunks by about a tenth, and the index was 38 instead of 62 MiB at the end of the run.
   */
  static final int MAX_CHUNKS = 1024;

  /** One data item's derived memory, ready to store. */
  record Prepared(DataItem item, GraphRepository.Derived derived, int tokens) {}

  private final MemoryStorage storage;
  private final Embedder embedder;
  private final PipelineTracer tracer;
  private final Supplier<Instant> now;
  private final List<Prepared> items = new ArrayList<>();
  private int chunks;

  CognifyBatch(
      MemoryStorage storage, Embedder embedder, PipelineTracer tracer, Supplier<Instant> now) {
    this.storage = storage;
    this.embedder = embedder;
    this.tracer = tracer;
    this.now = now;
  }

  void add(Prepared prepared) {
    items.add(prepared);
    chunks += prepared.derived().chunks().size();
  }

  boolean isFull() {
    return chunks >= MAX_CHUNKS;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  List<DataItem> items() {
    return items.stream().map(Prepared::item).toList();
  }

  /** Stores and indexes the batch, marks its items cognified, and empties it. */
  void store(String datasetId) {
    if (items.isEmpty()) {
      return;
    }
    Map<String, Integer> processing = new LinkedHashMap<>();
    Map<String, Integer> tokens = new LinkedHashMap<>();
    Map<String, GraphRepository.Derived> derived = new LinkedHashMap<>();
    for (Prepared prepared : items) {
      processing.put(prepared.item().id(), null);
      tokens.put(prepared.item().id(), prepared.tokens());
      derived.put(prepared.item().id(), prepared.derived());
    }
    storage.data().updateStatuses(processing, DataStatus.PROCESSING, now.get());
    DerivedElements removed =
        tracer.step(
            "store_graph",
            () -> {
              DerivedElements forgotten =
                  storage.graph().forgetData(datasetId, processing.keySet());
              storage.graph().saveAll(derived, now.get());
              return forgotten;
            });
    tracer.step(
        "index",
        () ->
            storage.index().write(datasetId, removed.byCollection(), entries(datasetId, removed)));
    storage.data().updateStatuses(tokens, DataStatus.COGNIFIED, now.get());
    items.clear();
    chunks = 0;
  }

  /**
   * The index entries of the batch: every chunk and summary, and the entities, entity types and
   * triplets the index does not hold yet (an entity that thousands of documents mention is embedded
   * once). An element this batch's items produced before is indexed again when the forget removed
   * it.
   */
  private Map<IndexCollection, List<IndexEntry>> entries(
      String datasetId, DerivedElements removed) {
    Map<String, GraphNode> nodes = new LinkedHashMap<>();
    Map<String, GraphEdge> edges = new LinkedHashMap<>();
    List<Map.Entry<String, String>> chunkTexts = new ArrayList<>();
    List<Map.Entry<String, String>> summaryTexts = new ArrayList<>();
    for (Prepared prepared : items) {
      prepared.derived().chunks().forEach(c -> chunkTexts.add(Map.entry(c.id(), c.text())));
      prepared.derived().summaries().forEach(s -> summaryTexts.add(Map.entry(s.id(), s.text())));
      prepared.derived().nodes().forEach(n -> nodes.putIfAbsent(n.id(), n));
      prepared.derived().edges().forEach(e -> edges.putIfAbsent(e.id(), e));
    }
    Predicate<GraphNode> isType = n -> n.type().equals("EntityType");
    List<GraphNode> entities = nodes.values().stream().filter(isType.negate()).toList();
    List<GraphNode> types = nodes.values().stream().filter(isType).toList();
    List<GraphEdge> triplets =
        edges.values().stream().filter(e -> !e.relationshipName().equals("is_a")).toList();
    Set<String> knownEntities =
        known(datasetId, IndexCollection.ENTITIES, ids(entities, GraphNode::id), removed.nodeIds());
    Set<String> knownTypes =
        known(
            datasetId, IndexCollection.ENTITY_TYPES, ids(types, GraphNode::id), removed.nodeIds());
    Set<String> knownTriplets =
        known(datasetId, IndexCollection.TRIPLETS, ids(triplets, GraphEdge::id), removed.edgeIds());
    Map<IndexCollection, List<Map.Entry<String, String>>> texts =
        new EnumMap<>(IndexCollection.class);
    texts.put(IndexCollection.CHUNKS, chunkTexts);
    texts.put(IndexCollection.SUMMARIES, summaryTexts);
    texts.put(
        IndexCollection.ENTITIES,
        entities.stream()
            .filter(n -> !knownEntities.contains(n.id()))
            .map(n -> Map.entry(n.id(), Cognify.entityText(n)))
            .toList());
    texts.put(
        IndexCollection.ENTITY_TYPES,
        types.stream()
            .filter(n -> !knownTypes.contains(n.id()))
            .map(n -> Map.entry(n.id(), n.name()))
            .toList());
    texts.put(
        IndexCollection.TRIPLETS,
        triplets.stream()
            .filter(e -> !knownTriplets.contains(e.id()))
            .map(e -> Map.entry(e.id(), Cognify.tripletText(e, nodes)))
            .toList());
    return tracer.step("embed", () -> entries(embedder, texts));
  }

  private Set<String> known(
      String datasetId, IndexCollection collection, List<String> ids, Collection<String> removed) {
    Set<String> present = new HashSet<>(storage.index().present(datasetId, collection, ids));
    present.removeAll(removed);
    return present;
  }

  private static <T> List<String> ids(List<T> elements, Function<T, String> id) {
    return elements.stream().map(id).toList();
  }

  /**
   * Index entries for the (id, text) pairs of every collection, embedded in one call: the texts of
   * all collections share the embedder's threads, and a text in two collections (a summary equal to
   * its chunk) is embedded once.
   */
  static Map<IndexCollection, List<IndexEntry>> entries(
      Embedder embedder, Map<IndexCollection, List<Map.Entry<String, String>>> texts) {
    List<Map.Entry<String, String>> all = texts.values().stream().flatMap(List::stream).toList();
    List<IndexEntry> embedded = entries(embedder, all);
    Map<IndexCollection, List<IndexEntry>> byCollection = new EnumMap<>(IndexCollection.class);
    int next = 0;
    for (Map.Entry<IndexCollection, List<Map.Entry<String, String>>> collection :
        texts.entrySet()) {
      int size = collection.getValue().size();
      byCollection.put(collection.getKey(), embedded.subList(next, next + size));
      next += size;
    }
    return byCollection;
  }

  /** Index entries for (id, text) pairs, with their embeddings computed in one call. */
  static List<IndexEntry> entries(Embedder embedder, List<Map.Entry<String, String>> texts) {
    List<float[]> vectors = embedder.embedAll(texts.stream().map(Map.Entry::getValue).toList());
    List<IndexEntry> entries = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      entries.add(new IndexEntry(texts.get(i).getKey(), texts.get(i).getValue(), vectors.get(i)));
    }
    return entries;
  }
}
