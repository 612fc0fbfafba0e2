package dev.cogent.memory;

import dev.cogent.ApiException;
import dev.cogent.identity.Permission;
import dev.cogent.identity.Permissions;
import dev.cogent.identity.Principal;
import dev.cogent.memory.index.MemoryIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Datasets and their data items: create, list, delete (with everything derived), the graph and the
 * status of pipelines. Every access is checked by {@link DatasetResolver}. Thread-safe.
 */
public final class DatasetService {

  static final int MAX_NAME = 200;

  private final DatasetRepository datasets;
  private final DataRepository data;
  private final GraphRepository graph;
  private final PipelineRunRepository runs;
  private final SessionEntryRepository sessions;
  private final MemoryIndex index;
  private final RawFiles raw;
  private final DatasetResolver resolver;
  private final Permissions permissions;
  private final FeedbackRepository feedback;
  private final InstantSource clock;

  public DatasetService(
      MemoryStorage storage,
      DatasetResolver resolver,
      Permissions permissions,
      FeedbackRepository feedback,
      InstantSource clock) {
    this.feedback = feedback;
    this.datasets = storage.datasets();
    this.data = storage.data();
    this.graph = storage.graph();
    this.runs = storage.runs();
    this.sessions = storage.sessions();
    this.index = storage.index();
    this.raw = storage.raw();
    this.resolver = resolver;
    this.permissions = permissions;
    this.clock = clock;
  }

  /**
   * The caller's dataset with this name, created when they have none (idempotent by name).
   *
   * @throws ApiException 422 for a blank or too long name
   */
  public Dataset create(Principal caller, String name) {
    String checked = checkName(name);
    String owner = caller.requireUserId();
    var existing = datasets.findByName(owner, checked);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = now();
    Dataset dataset =
        new Dataset(
            UUID.randomUUID().toString(), checked, owner, caller.tenantId(), null, null, now, now);
    if (!datasets.insert(dataset)) {
      // A concurrent create of the same name won.
      return datasets.findByName(owner, checked).orElseThrow();
    }
    permissions.recordOwner(caller, dataset.id());
    return dataset;
  }

  /** Every dataset the caller may read. */
  public List<Dataset> list(Principal caller) {
    return resolver.accessible(caller, Permission.READ);
  }

  /**
   * Deletes the dataset, its data items, raw files, graph, index and runs.
   *
   * @throws ApiException 404 unknown, 403 without {@code delete}
   */
  public void delete(Principal caller, String datasetId) {
    Dataset dataset = resolver.get(caller, datasetId, Permission.DELETE);
    deleteAll(dataset);
  }

  /** Deletes every dataset the caller owns; returns how many. */
  public int deleteOwned(Principal caller) {
    List<Dataset> owned = datasets.listByOwner(caller.requireUserId());
    owned.forEach(this::deleteAll);
    return owned.size();
  }

  private void deleteAll(Dataset dataset) {
    graph.forgetDataset(dataset.id());
    datasets.delete(dataset.id());
    runs.deleteByDataset(dataset.id());
    index.deleteDataset(dataset.id());
    raw.deleteDataset(dataset.id());
  }

  /** The data items of a dataset. */
  public List<DataItem> listData(Principal caller, String datasetId) {
    resolver.get(caller, datasetId, Permission.READ);
    return data.listByDataset(datasetId);
  }

  /**
   * Deletes one data item and what only it produced (shared entities stay).
   *
   * @throws ApiException 404 unknown dataset or data item, 403 without {@code delete}
   */
  public void deleteData(Principal caller, String datasetId, String dataId) {
    resolver.get(caller, datasetId, Permission.DELETE);
    DataItem item =
        data.find(datasetId, dataId).orElseThrow(() -> ApiException.notFound("data", dataId));
    forgetDerived(item);
    data.delete(item.id());
    raw.delete(item.rawLocation());
  }

  /** Removes what one data item produced from the graph and the index; the item stays. */
  DerivedElements forgetDerived(DataItem item) {
    DerivedElements removed = graph.forgetData(item.datasetId(), item.id());
    index.write(item.datasetId(), removed.byCollection(), Map.of());
    return removed;
  }

  /**
   * Removes the dataset's derived memory (graph, index, session entries) and marks its data items
   * pending so that the next cognify redoes them; data items and raw files stay.
   */
  void forgetMemory(Dataset dataset) {
    graph.forgetDataset(dataset.id());
    index.deleteDataset(dataset.id());
    sessions.deleteByDataset(dataset.id());
    data.resetStatus(dataset.id(), now());
    runs.deleteByPipeline(dataset.id(), PipelineRun.COGNIFY);
  }

  /** A data item and the file holding its raw bytes. */
  public record RawData(DataItem item, Path file) {}

  /**
   * @throws ApiException 404 unknown dataset or data item, or a raw file that is gone
   */
  public RawData raw(Principal caller, String datasetId, String dataId) {
    resolver.get(caller, datasetId, Permission.READ);
    DataItem item =
        data.find(datasetId, dataId).orElseThrow(() -> ApiException.notFound("data", dataId));
    if (!raw.exists(item.rawLocation())) {
      throw ApiException.notFound("raw data", dataId);
    }
    return new RawData(item, raw.resolve(item.rawLocation()));
  }

  /**
   * The graph of a dataset. A node or edge whose {@code feedback_weight} moved from the neutral 0.5
   * carries it among its properties.
   */
  public Subgraph graph(Principal caller, String datasetId) {
    resolver.get(caller, datasetId, Permission.READ);
    List<GraphNode> nodes = graph.nodes(List.of(datasetId));
    List<GraphEdge> edges = graph.edges(List.of(datasetId));
    java.util.Set<String> ids = new java.util.HashSet<>();
    nodes.forEach(n -> ids.add(n.id()));
    edges.forEach(e -> ids.add(e.id()));
    Map<String, Double> weights = new java.util.HashMap<>(feedback.weights(datasetId, ids));
    weights.values().removeIf(w -> w == 0.5);
    if (weights.isEmpty()) {
      return new Subgraph(nodes, edges);
    }
    return new Subgraph(
        nodes.stream()
            .map(
                n ->
                    weights.containsKey(n.id())
                        ? new GraphNode(
                            n.datasetId(),
                            n.id(),
                            n.name(),
                            n.type(),
                            n.description(),
                            weighed(n.properties(), weights.get(n.id())))
                        : n)
            .toList(),
        edges.stream()
            .map(
                e ->
                    weights.containsKey(e.id())
                        ? new GraphEdge(
                            e.datasetId(),
                            e.id(),
                            e.sourceId(),
                            e.targetId(),
                            e.relationshipName(),
                            e.description(),
                            e.weight(),
                            weighed(e.properties(), weights.get(e.id())))
                        : e)
            .toList());
  }

  private static Map<String, Object> weighed(Map<String, Object> properties, double weight) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(properties);
    copy.put("feedback_weight", weight);
    return copy;
  }

  /** Node and edge counts of a dataset, with its latest cognify run. */
  public record GraphSummary(
      String datasetId, String pipelineRunId, long numNodes, long numEdges, Instant computedAt) {}

  public List<GraphSummary> graphSummaries(Principal caller, List<String> datasetIds) {
    return resolver.resolve(caller, List.of(), datasetIds, Permission.READ).stream()
        .map(
            dataset ->
                new GraphSummary(
                    dataset.id(),
                    runs.findLatest(dataset.id(), PipelineRun.COGNIFY)
                        .map(PipelineRun::id)
                        .orElse(null),
                    graph.countNodes(dataset.id()),
                    graph.countEdges(dataset.id()),
                    now()))
        .toList();
  }

  /**
   * The status of each pipeline for each dataset; a pipeline that never ran over a dataset is
   * absent.
   */
  public Map<String, Map<String, PipelineStatus>> statuses(
      Principal caller, List<String> datasetIds, List<String> pipelines) {
    Map<String, Map<String, PipelineStatus>> result = new LinkedHashMap<>();
    for (Dataset dataset : resolver.resolve(caller, List.of(), datasetIds, Permission.READ)) {
      Map<String, PipelineStatus> byPipeline = new LinkedHashMap<>();
      for (String pipeline : pipelines) {
        runs.findLatest(dataset.id(), pipeline)
            .ifPresent(run -> byPipeline.put(pipeline, run.status()));
      }
      result.put(dataset.id(), byPipeline);
    }
    return result;
  }

  static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.invalid("name", "is required");
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_NAME) {
      throw ApiException.invalid("name", "must be at most " + MAX_NAME + " characters");
    }
    return stripped;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
