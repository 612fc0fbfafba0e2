package dev.cogent.memory;

import dev.cogent.ApiException;
import dev.cogent.identity.Permission;
import dev.cogent.identity.Principal;
import dev.cogent.memory.cognify.Chunker;
import dev.cogent.memory.cognify.ExtractionPrompt;
import dev.cogent.memory.cognify.GraphExtractor;
import dev.cogent.memory.cognify.KnowledgeGraph;
import dev.cogent.memory.index.Embedder;
import dev.cogent.memory.index.IndexCollection;
import dev.cogent.memory.index.IndexEntry;
import dev.cogent.memory.ingest.DocumentType;
import dev.cogent.memory.ingest.TextExtractor;
import dev.cogent.observability.PipelineTracer;
import dev.cogent.observability.TraceSpan;
import dev.cogent.scope.Scope;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cognify}: turns the pending data items of datasets into chunks, embeddings, summaries and
 * graph, with provenance, as one {@code cognify_pipeline} run per dataset. Incremental: only items
 * that are pending (new, or reset by forget) or errored are processed; an item is redone whole
 * (what it produced before is forgotten first). One run at a time per dataset. Runs interrupted by
 * a stop are marked errored by {@link #recoverInterruptedRuns} and can be run again. Thread-safe.
 */
public final class Cognify {

  private static final Logger log = LoggerFactory.getLogger(Cognify.class);

  /** Chunks are at most the embedding model's input, so that no text goes unembedded. */
  public static final int DEFAULT_CHUNK_TOKENS = Embedder.MAX_TOKENS;

  /** The longest a batch gathers before it is stored, in milliseconds of the clock. */
  static final long BATCH_MILLIS = 5_000;

  /** Items read from the database at a time: a run keeps only the ids of all of its items. */
  static final int ITEMS_PER_READ = 256;

  static final String INTERRUPTED = "Interrupted by a server stop; run cognify again";

  private final MemoryStorage storage;
  private final DatasetResolver resolver;
  private final Embedder embedder;
  private final Extractors extractors;
  private final TextExtractor texts = new TextExtractor();
  private final ExecutorService executor;
  private final PipelineTracer tracer;
  private final InstantSource clock;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  public Cognify(
      MemoryStorage storage,
      DatasetResolver resolver,
      Embedder embedder,
      Extractors extractors,
      ExecutorService executor,
      PipelineTracer tracer,
      InstantSource clock) {
    this.storage = storage;
    this.resolver = resolver;
    this.embedder = embedder;
    this.extractors = extractors;
    this.executor = executor;
    this.tracer = tracer;
    this.clock = clock;
  }

  /**
   * What to cognify and how.
   *
   * @param chunkSize tokens per chunk; null for {@link #DEFAULT_CHUNK_TOKENS}
   * @param prompt a custom prompt and graph schema for this run; empty parts fall back to the
   *     dataset's stored ones
   */
  public record Options(boolean runInBackground, Integer chunkSize, ExtractionPrompt prompt) {
    public Options {
      if (chunkSize != null && (chunkSize < 16 || chunkSize > 8192)) {
        throw ApiException.invalid("chunk_size", "must be between 16 and 8192");
      }
      prompt = prompt == null ? ExtractionPrompt.DEFAULT : prompt;
    }
  }

  /**
   * Cognifies the datasets (needs {@code write} on each). Blocking unless {@code runInBackground};
   * either way the returned runs are the ones started.
   *
   * @param scope where provider configs are looked up
   * @throws ApiException 400 when neither names nor ids are given, 404/403 per dataset
   */
  public Map<String, PipelineRun> cognify(
      Principal caller, List<String> names, List<String> ids, Options options, Scope scope) {
    if ((names == null || names.isEmpty()) && (ids == null || ids.isEmpty())) {
      throw ApiException.badRequest("No datasets or dataset_ids provided");
    }
    List<Dataset> datasets = resolver.resolve(caller, names, ids, Permission.WRITE);
    return start(datasets, options, scope);
  }

  /** As {@link #cognify} for datasets already resolved with {@code write}. */
  public Map<String, PipelineRun> start(List<Dataset> datasets, Options options, Scope scope) {
    return start(datasets, options, scope, run -> {});
  }

  /**
   * As {@link #start(List, Options, Scope)}, then {@code after} with each finished run, on the
   * thread that ran it (for {@code remember}, which improves after cognify).
   */
  Map<String, PipelineRun> start(
      List<Dataset> datasets, Options options, Scope scope, Consumer<PipelineRun> after) {
    GraphExtractor extractor = extractors.forScope(scope);
    Map<String, PipelineRun> started = new LinkedHashMap<>();
    for (Dataset dataset : datasets) {
      List<String> items =
          storage.data().idsInStatus(dataset.id(), List.of(DataStatus.PENDING, DataStatus.ERRORED));
      Instant now = now();
      PipelineRun run =
          new PipelineRun(
              UUID.randomUUID().toString(),
              dataset.id(),
              dataset.name(),
              dataset.ownerId(),
              PipelineRun.COGNIFY,
              PipelineStatus.DATASET_PROCESSING_INITIATED,
              items.size(),
              0,
              extractor.name(),
              null,
              now,
              now,
              null);
      storage.runs().insert(run);
      if (options.runInBackground()) {
        try {
          executor.execute(() -> after.accept(execute(run, dataset, items, extractor, options)));
        } catch (RejectedExecutionException e) {
          finish(run, PipelineStatus.DATASET_PROCESSING_ERRORED, 0, "Too many runs; try again");
        }
        started.put(dataset.id(), run);
      } else {
        PipelineRun finished = execute(run, dataset, items, extractor, options);
        after.accept(finished);
        started.put(dataset.id(), finished);
      }
    }
    return started;
  }

  /**
   * A pipeline run over a dataset the caller may read.
   *
   * @throws ApiException 404 unknown run, 403 without {@code read} on its dataset
   */
  public PipelineRun getRun(Principal caller, String runId) {
    PipelineRun run =
        storage.runs().find(runId).orElseThrow(() -> ApiException.notFound("pipeline run", runId));
    resolver.get(caller, run.datasetId(), Permission.READ);
    return run;
  }

  /** Marks runs that a stop interrupted as errored; called once at start-up. */
  public void recoverInterruptedRuns() {
    int count = storage.runs().markUnfinishedErrored(INTERRUPTED, now());
    int items = storage.data().markProcessingErrored(now());
    if (count > 0 || items > 0) {
      log.info(
          "Marked {} interrupted memory pipeline run(s) and {} data item(s) errored", count, items);
    }
  }

  /**
   * The lock a dataset's pipeline holds while it writes the dataset's memory; forget and improve
   * take it too, so that they never interleave with a cognify of the same dataset.
   */
  ReentrantLock lock(String datasetId) {
    return locks.computeIfAbsent(datasetId, id -> new ReentrantLock());
  }

  private PipelineRun execute(
      PipelineRun initiated,
      Dataset dataset,
      List<String> items,
      GraphExtractor extractor,
      Options options) {
    try (TraceSpan span = tracer.startRun(initiated.spanAttributes(dataset.tenantId()))) {
      PipelineRun finished = executeLocked(initiated, dataset, items, extractor, options);
      return traced(span, finished);
    }
  }

  /** Records how a pipeline run ended on its span. */
  static PipelineRun traced(TraceSpan span, PipelineRun finished) {
    span.attribute("cogent.processed_items", finished.processedItems());
    if (finished.status() == PipelineStatus.DATASET_PROCESSING_COMPLETED) {
      span.outcome(PipelineTracer.COMPLETED);
    } else {
      span.fail(finished.error());
    }
    return finished;
  }

  private PipelineRun executeLocked(
      PipelineRun initiated,
      Dataset dataset,
      List<String> itemIds,
      GraphExtractor extractor,
      Options options) {
    ReentrantLock lock = lock(dataset.id());
    lock.lock();
    try {
      PipelineRun run = update(initiated, PipelineStatus.DATASET_PROCESSING_STARTED, 0, null);
      ExtractionPrompt prompt =
          new ExtractionPrompt(
              or(options.prompt().customPrompt(), dataset.customPrompt()),
              or(options.prompt().graphSchema(), dataset.graphSchema()));
      int chunkSize = options.chunkSize() == null ? DEFAULT_CHUNK_TOKENS : options.chunkSize();
      int processed = 0;
      List<String> failures = new ArrayList<>();
      CognifyBatch batch = new CognifyBatch(storage, embedder, tracer, this::now);
      long batchStarted = clock.millis();
      for (int page = 0; page < itemIds.size(); page += ITEMS_PER_READ) {
        List<String> pageIds =
            itemIds.subList(page, Math.min(itemIds.size(), page + ITEMS_PER_READ));
        List<DataItem> items = storage.data().listByIds(dataset.id(), pageIds);
        // An item deleted since the run started has nothing left to do.
        processed += pageIds.size() - items.size();
        for (DataItem item : items) {
          try (TraceSpan itemSpan = tracer.step("cognify_item")) {
            itemSpan.attribute("cogent.data_id", item.id());
            try {
              batch.add(prepare(item, extractor, prompt, chunkSize));
            } catch (RuntimeException e) {
              itemSpan.fail(e);
              failed(List.of(item), e, failures);
              processed++;
            }
          }
          // A batch also ends after a while, so that a slow model extractor still shows progress.
          if (batch.isFull()
              || (!batch.isEmpty() && clock.millis() - batchStarted >= BATCH_MILLIS)) {
            processed += store(dataset.id(), batch, failures);
            run = update(run, PipelineStatus.DATASET_PROCESSING_STARTED, processed, null);
            batchStarted = clock.millis();
          }
        }
      }
      processed += store(dataset.id(), batch, failures);
      return failures.isEmpty()
          ? finish(run, PipelineStatus.DATASET_PROCESSING_COMPLETED, processed, null)
          : finish(
              run,
              PipelineStatus.DATASET_PROCESSING_ERRORED,
              processed,
              String.join("; ", failures));
    } catch (RuntimeException e) {
      log.warn("Cognify run {} failed", initiated.id(), e);
      return finish(initiated, PipelineStatus.DATASET_PROCESSING_ERRORED, 0, e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  /** Stores the batch; when that fails, its items are errored. Returns how many items it held. */
  private int store(String datasetId, CognifyBatch batch, List<String> failures) {
    List<DataItem> items = batch.items();
    try {
      batch.store(datasetId);
    } catch (RuntimeException e) {
      failed(items, e, failures);
    }
    return items.size();
  }

  private void failed(List<DataItem> items, RuntimeException e, List<String> failures) {
    log.warn("Cognify of {} data item(s) failed, first {}", items.size(), items.get(0).id(), e);
    Map<String, Integer> errored = new LinkedHashMap<>();
    items.forEach(item -> errored.put(item.id(), null));
    storage.data().updateStatuses(errored, DataStatus.ERRORED, now());
    items.forEach(item -> failures.add(item.name() + ": " + e.getMessage()));
  }

  /** Reads, chunks and extracts one data item; stores nothing. */
  private CognifyBatch.Prepared prepare(
      DataItem item, GraphExtractor extractor, ExtractionPrompt prompt, int chunkSize) {
    String text =
        tracer.step(
            "classify",
            () -> {
              DocumentType type =
                  DocumentType.detect(item.name(), item.mimeType()).orElse(DocumentType.TXT);
              return texts.extract(type, storage.raw().read(item.rawLocation()));
            });
    String datasetId = item.datasetId();
    List<Chunk> chunks =
        tracer.step(
            "chunk",
            () -> {
              List<Chunker.Piece> pieces =
                  new Chunker(embedder::countTokens).chunk(text, chunkSize);
              List<Chunk> made = new ArrayList<>();
              for (int i = 0; i < pieces.size(); i++) {
                Chunker.Piece piece = pieces.get(i);
                made.add(
                    new Chunk(
                        GraphIds.chunk(item.id(), i),
                        datasetId,
                        item.id(),
                        i,
                        piece.text(),
                        piece.tokens()));
              }
              return made;
            });
    // Summary and extraction alternate per chunk, as the model calls of a run have always come;
    // each call is a step of its own.
    List<ChunkSummary> summaries = new ArrayList<>();
    Map<String, GraphNode> nodes = new LinkedHashMap<>();
    Map<String, GraphEdge> edges = new LinkedHashMap<>();
    for (Chunk chunk : chunks) {
      summaries.add(
          new ChunkSummary(
              GraphIds.summary(chunk.id()),
              datasetId,
              chunk.id(),
              item.id(),
              tracer.step("summarize", () -> extractor.summarize(chunk.text()))));
      KnowledgeGraph extracted =
          tracer.step("extract_graph", () -> extractor.extract(chunk.text(), prompt));
      addGraph(datasetId, chunk, extracted, nodes, edges);
    }
    int tokens = chunks.stream().mapToInt(Chunk::tokenCount).sum();
    return new CognifyBatch.Prepared(
        item,
        new GraphRepository.Derived(
            chunks, summaries, List.copyOf(nodes.values()), List.copyOf(edges.values())),
        tokens);
  }

  /**
   * Adds one chunk's extraction: an entity node per extracted node, an {@code EntityType} node per
   * type with an {@code is_a} edge, and the extracted relations. Edges naming unknown nodes are
   * dropped.
   */
  private static void addGraph(
      String datasetId,
      Chunk chunk,
      KnowledgeGraph extracted,
      Map<String, GraphNode> nodes,
      Map<String, GraphEdge> edges) {
    Map<String, String> idsByAnswerId = new LinkedHashMap<>();
    for (KnowledgeGraph.Node node : extracted.nodes()) {
      if (node.name() == null || node.name().isBlank()) {
        continue;
      }
      String type = node.type() == null || node.type().isBlank() ? "Entity" : node.type().strip();
      String id = GraphIds.node(node.name(), type);
      nodes.putIfAbsent(
          id,
          new GraphNode(
              datasetId,
              id,
              node.name().strip(),
              type,
              node.description(),
              Map.of("chunk_id", chunk.id())));
      idsByAnswerId.put(node.id() == null ? node.name() : node.id(), id);
      idsByAnswerId.putIfAbsent(node.name(), id);
      String typeId = GraphIds.node(type, "EntityType");
      nodes.putIfAbsent(
          typeId, new GraphNode(datasetId, typeId, type, "EntityType", null, Map.of()));
      String isA = GraphIds.edge(id, "is_a", typeId);
      edges.putIfAbsent(
          isA, new GraphEdge(datasetId, isA, id, typeId, "is_a", null, 1.0, Map.of()));
    }
    for (KnowledgeGraph.Edge edge : extracted.edges()) {
      String source = idsByAnswerId.get(edge.sourceNodeId());
      String target = idsByAnswerId.get(edge.targetNodeId());
      if (source == null
          || target == null
          || edge.relationshipName() == null
          || edge.relationshipName().isBlank()) {
        continue;
      }
      String relationship = GraphIds.normalise(edge.relationshipName());
      String id = GraphIds.edge(source, relationship, target);
      edges.putIfAbsent(
          id,
          new GraphEdge(
              datasetId, id, source, target, relationship, edge.description(), 1.0, Map.of()));
    }
  }

  /** Indexes derived memory whole, in one commit (improve's re-index). */
  void index(
      String datasetId,
      List<Chunk> chunks,
      List<ChunkSummary> summaries,
      Map<String, GraphNode> nodes,
      Map<String, GraphEdge> edges) {
    Map<IndexCollection, List<Map.Entry<String, String>>> texts =
        new EnumMap<>(IndexCollection.class);
    texts.put(
        IndexCollection.CHUNKS, chunks.stream().map(c -> Map.entry(c.id(), c.text())).toList());
    texts.put(
        IndexCollection.SUMMARIES,
        summaries.stream().map(s -> Map.entry(s.id(), s.text())).toList());
    texts.put(
        IndexCollection.ENTITIES,
        nodes.values().stream()
            .filter(n -> !n.type().equals("EntityType"))
            .map(n -> Map.entry(n.id(), entityText(n)))
            .toList());
    texts.put(
        IndexCollection.ENTITY_TYPES,
        nodes.values().stream()
            .filter(n -> n.type().equals("EntityType"))
            .map(n -> Map.entry(n.id(), n.name()))
            .toList());
    texts.put(
        IndexCollection.TRIPLETS,
        edges.values().stream()
            .filter(e -> !e.relationshipName().equals("is_a"))
            .map(e -> Map.entry(e.id(), tripletText(e, nodes)))
            .toList());
    Map<IndexCollection, List<IndexEntry>> byCollection = CognifyBatch.entries(embedder, texts);
    // One commit for every collection of the data item.
    storage.index().upsert(datasetId, byCollection);
  }

  /** The indexed text of an entity: its name, and its description when it has one. */
  static String entityText(GraphNode node) {
    return node.description() == null ? node.name() : node.name() + ": " + node.description();
  }

  static String tripletText(GraphEdge edge, Map<String, GraphNode> nodes) {
    String source =
        nodes.containsKey(edge.sourceId()) ? nodes.get(edge.sourceId()).name() : edge.sourceId();
    String target =
        nodes.containsKey(edge.targetId()) ? nodes.get(edge.targetId()).name() : edge.targetId();
    String text = source + " " + edge.relationshipName().replace('_', ' ') + " " + target;
    return edge.description() == null ? text : text + ": " + edge.description();
  }

  List<IndexEntry> entries(List<Map.Entry<String, String>> texts) {
    return CognifyBatch.entries(embedder, texts);
  }

  private PipelineRun update(PipelineRun run, PipelineStatus status, int processed, String error) {
    PipelineRun next =
        new PipelineRun(
            run.id(),
            run.datasetId(),
            run.datasetName(),
            run.ownerId(),
            run.pipelineName(),
            status,
            run.totalItems(),
            processed,
            run.extractor(),
            error,
            run.createdAt(),
            now(),
            null);
    storage.runs().update(next);
    return next;
  }

  private PipelineRun finish(PipelineRun run, PipelineStatus status, int processed, String error) {
    Instant now = now();
    PipelineRun next =
        new PipelineRun(
            run.id(),
            run.datasetId(),
            run.datasetName(),
            run.ownerId(),
            run.pipelineName(),
            status,
            run.totalItems(),
            processed,
            run.extractor(),
            error,
            run.createdAt(),
            now,
            now);
    storage.runs().update(next);
    return next;
  }

  private static String or(String first, String second) {
    return first == null || first.isBlank() ? second : first;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
