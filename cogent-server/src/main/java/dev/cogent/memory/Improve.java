package dev.cogent.memory;

import dev.cogent.ApiException;
import dev.cogent.identity.Permission;
import dev.cogent.identity.Principal;
import dev.cogent.memory.index.IndexCollection;
import dev.cogent.observability.PipelineTracer;
import dev.cogent.observability.TraceSpan;
import dev.cogent.scope.Scope;
import dev.cogent.session.Message;
import dev.cogent.session.MessageRole;
import dev.cogent.session.MessageService;
import dev.cogent.session.SessionService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code improve} (the anchor's memify, research §3.6): named extraction and enrichment tasks over
 * a dataset's graph, as one {@code improve_pipeline} run, under the dataset's pipeline lock.
 * Session ids may name memory sessions ({@code remember} with {@code session_id}) or Cogent agent
 * sessions in the caller's scope, whose transcripts become memory. Thread-safe.
 */
public final class Improve {

  private static final Logger log = LoggerFactory.getLogger(Improve.class);

  public static final List<String> EXTRACTION_TASKS =
      List.of(
          "extract_subgraph",
          "extract_subgraph_chunks",
          "get_triplet_datapoints",
          "extract_user_sessions",
          "extract_agent_trace_feedbacks",
          "detect_entity_duplicates");
  public static final List<String> ENRICHMENT_TASKS =
      List.of(
          "cognify_session",
          "cognify_agent_trace_feedback",
          "apply_feedback_weights",
          "apply_frequency_weights",
          "merge_entity_duplicates",
          "index_data_points");

  /** The node set of data items made from sessions (the anchor's tag). */
  public static final String SESSION_NODE_SET = "user_sessions_from_cache";

  /** The node set of data items made from agent trace feedback (the anchor's tag). */
  public static final String TRACE_FEEDBACK_NODE_SET = "agent_trace_feedback";

  private final MemoryStorage storage;
  private final DatasetResolver resolver;
  private final Ingestion ingestion;
  private final Cognify cognify;
  private final FeedbackRepository feedback;
  private final SessionService agentSessions;
  private final MessageService messages;
  private final ExecutorService executor;
  private final PipelineTracer tracer;
  private final InstantSource clock;

  public Improve(
      MemoryStorage storage,
      DatasetResolver resolver,
      Ingestion ingestion,
      Cognify cognify,
      FeedbackRepository feedback,
      SessionService agentSessions,
      MessageService messages,
      ExecutorService executor,
      PipelineTracer tracer,
      InstantSource clock) {
    this.storage = storage;
    this.resolver = resolver;
    this.ingestion = ingestion;
    this.cognify = cognify;
    this.feedback = feedback;
    this.agentSessions = agentSessions;
    this.messages = messages;
    this.executor = executor;
    this.tracer = tracer;
    this.clock = clock;
  }

  /** The anchor's improve fields. Empty task lists mean the defaults. */
  public record Request(
      List<String> extractionTasks,
      List<String> enrichmentTasks,
      String data,
      String datasetName,
      String datasetId,
      List<String> nodeName,
      boolean runInBackground,
      List<String> sessionIds) {

    public Request {
      extractionTasks = extractionTasks == null ? List.of() : List.copyOf(extractionTasks);
      enrichmentTasks = enrichmentTasks == null ? List.of() : List.copyOf(enrichmentTasks);
      nodeName = nodeName == null ? List.of() : List.copyOf(nodeName);
      sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
    }
  }

  /**
   * Starts an improve run over the named dataset (needs {@code write}); blocking unless {@code
   * runInBackground}.
   *
   * @throws ApiException 400 without a dataset, 422 for an unknown task, 404/403 for the dataset
   */
  public Map<String, PipelineRun> improve(Principal caller, Request request, Scope scope) {
    List<String> tasks = plan(request);
    Dataset dataset =
        resolver.named(caller, request.datasetName(), request.datasetId(), Permission.WRITE);
    return Map.of(dataset.id(), start(caller, dataset, tasks, request, scope));
  }

  /** The default improve of {@code remember}, over a dataset already resolved with write. */
  PipelineRun afterRemember(
      Principal caller, Dataset dataset, List<String> sessionIds, boolean background, Scope scope) {
    Request request = new Request(null, null, null, null, null, null, background, sessionIds);
    return start(caller, dataset, plan(request), request, scope);
  }

  /** The tasks to run, in order: extraction, then enrichment. */
  static List<String> plan(Request request) {
    check("extraction_tasks", request.extractionTasks(), EXTRACTION_TASKS);
    check("enrichment_tasks", request.enrichmentTasks(), ENRICHMENT_TASKS);
    boolean sessions = !request.sessionIds().isEmpty();
    List<String> extraction =
        !request.extractionTasks().isEmpty()
            ? request.extractionTasks()
            : sessions
                ? List.of("extract_user_sessions", "get_triplet_datapoints")
                : List.of("get_triplet_datapoints");
    List<String> enrichment =
        !request.enrichmentTasks().isEmpty()
            ? request.enrichmentTasks()
            : sessions
                ? List.of("apply_feedback_weights", "cognify_session", "index_data_points")
                : List.of("index_data_points");
    List<String> tasks = new ArrayList<>(new LinkedHashSet<>(extraction));
    tasks.addAll(new LinkedHashSet<>(enrichment));
    return List.copyOf(tasks);
  }

  private static void check(String field, List<String> tasks, List<String> known) {
    for (String task : tasks) {
      if (!known.contains(task)) {
        throw ApiException.invalid(
            field, "unknown task '" + task + "'; known: " + String.join(", ", known));
      }
    }
  }

  private PipelineRun start(
      Principal caller, Dataset dataset, List<String> tasks, Request request, Scope scope) {
    // Transcripts are read now, in the caller's scope; the run may outlive the request.
    Map<String, String> transcripts = transcripts(request.sessionIds(), scope);
    Instant now = now();
    PipelineRun run =
        new PipelineRun(
            UUID.randomUUID().toString(),
            dataset.id(),
            dataset.name(),
            dataset.ownerId(),
            PipelineRun.IMPROVE,
            PipelineStatus.DATASET_PROCESSING_INITIATED,
            tasks.size(),
            0,
            null,
            null,
            now,
            now,
            null);
    storage.runs().insert(run);
    Work work = new Work(caller, dataset, request, transcripts, scope);
    if (!request.runInBackground()) {
      return execute(run, tasks, work);
    }
    try {
      executor.execute(() -> execute(run, tasks, work));
    } catch (RejectedExecutionException e) {
      return finish(run, PipelineStatus.DATASET_PROCESSING_ERRORED, 0, "Too many runs; try again");
    }
    return run;
  }

  /** The conversation of each Cogent agent session in the scope; other ids are not agents'. */
  private Map<String, String> transcripts(List<String> sessionIds, Scope scope) {
    Map<String, String> transcripts = new LinkedHashMap<>();
    for (String id : sessionIds) {
      try {
        agentSessions.get(id, scope);
      } catch (ApiException notAnAgentSession) {
        continue;
      }
      String text =
          messages.history(id).stream()
              .filter(m -> m.role() == MessageRole.USER || m.role() == MessageRole.ASSISTANT)
              .filter(m -> !m.content().isBlank())
              .map(Improve::line)
              .collect(Collectors.joining("\n"));
      if (!text.isBlank()) {
        transcripts.put(id, text);
      }
    }
    return transcripts;
  }

  private static String line(Message message) {
    return (message.role() == MessageRole.USER ? "User: " : "Assistant: ") + message.content();
  }

  /** State shared by the tasks of one run. */
  private static final class Work {
    final Principal caller;
    final Dataset dataset;
    final Request request;
    final Map<String, String> transcripts;
    final Scope scope;
    Set<String> nodeScope;
    Map<String, String> documents;
    List<String> bridgedEntries = new ArrayList<>();
    List<List<GraphNode>> duplicates;
    List<FeedbackEntry> traceFeedbacks;

    Work(
        Principal caller,
        Dataset dataset,
        Request request,
        Map<String, String> transcripts,
        Scope scope) {
      this.caller = caller;
      this.dataset = dataset;
      this.request = request;
      this.transcripts = transcripts;
      this.scope = scope;
    }
  }

  private PipelineRun execute(PipelineRun initiated, List<String> tasks, Work work) {
    try (TraceSpan span = tracer.startRun(initiated.spanAttributes(work.dataset.tenantId()))) {
      return Cognify.traced(span, executeLocked(initiated, tasks, work));
    }
  }

  private PipelineRun executeLocked(PipelineRun initiated, List<String> tasks, Work work) {
    ReentrantLock lock = cognify.lock(work.dataset.id());
    lock.lock();
    try {
      PipelineRun run =
          initiated.advance(PipelineStatus.DATASET_PROCESSING_STARTED, 0, null, now(), false);
      storage.runs().update(run);
      if (Forget.present(work.request.data())) {
        ingestion.add(
            work.caller,
            work.dataset,
            List.of(Upload.text(work.request.data())),
            work.request.nodeName());
        cognifyNow(work);
      }
      int processed = 0;
      for (String task : tasks) {
        tracer.step(task, () -> perform(task, work));
        processed++;
        run = run.advance(PipelineStatus.DATASET_PROCESSING_STARTED, processed, null, now(), false);
        storage.runs().update(run);
      }
      return finish(run, PipelineStatus.DATASET_PROCESSING_COMPLETED, processed, null);
    } catch (RuntimeException e) {
      log.warn("Improve run {} failed", initiated.id(), e);
      return finish(initiated, PipelineStatus.DATASET_PROCESSING_ERRORED, 0, e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  private void perform(String task, Work work) {
    String datasetId = work.dataset.id();
    switch (task) {
      case "extract_subgraph" -> work.nodeScope = nodeScope(work);
      case "extract_subgraph_chunks" -> {
        // The chunks are the input of nothing further here; selecting them checks the filter.
        nodeScope(work);
      }
      case "get_triplet_datapoints" -> indexTriplets(datasetId, work);
      case "extract_user_sessions" -> work.documents = sessionDocuments(work);
      case "detect_entity_duplicates" -> work.duplicates = duplicates(datasetId, work);
      case "cognify_session" -> cognifySessions(work);
      case "apply_frequency_weights" -> frequencyWeights(datasetId, work);
      case "merge_entity_duplicates" -> merge(datasetId, work);
      case "index_data_points" -> reindex(datasetId);
      case "apply_feedback_weights" -> feedbackWeights(work);
      case "extract_agent_trace_feedbacks" -> work.traceFeedbacks = traceFeedbacks(work);
      case "cognify_agent_trace_feedback" -> cognifyTraceFeedback(work);
      default -> throw new IllegalStateException("unchecked task " + task);
    }
  }

  private Set<String> nodeScope(Work work) {
    if (work.nodeScope != null) {
      return work.nodeScope;
    }
    List<String> datasetIds = List.of(work.dataset.id());
    if (work.request.nodeName().isEmpty()) {
      return storage.graph().nodes(datasetIds).stream()
          .map(GraphNode::id)
          .collect(Collectors.toCollection(LinkedHashSet::new));
    }
    return storage.graph().idsInNodeSets(datasetIds, GraphRepository.NODE, work.request.nodeName());
  }

  private List<GraphNode> scopedNodes(String datasetId, Work work) {
    Set<String> scope = nodeScope(work);
    return storage.graph().nodes(List.of(datasetId)).stream()
        .filter(n -> scope.contains(n.id()))
        .toList();
  }

  private void indexTriplets(String datasetId, Work work) {
    Set<String> scope = nodeScope(work);
    Map<String, GraphNode> nodes = byId(storage.graph().nodes(List.of(datasetId)));
    List<Map.Entry<String, String>> texts =
        storage.graph().edges(List.of(datasetId)).stream()
            .filter(e -> !e.relationshipName().equals("is_a"))
            .filter(e -> scope.contains(e.sourceId()) || scope.contains(e.targetId()))
            .map(e -> Map.entry(e.id(), Cognify.tripletText(e, nodes)))
            .toList();
    storage.index().upsert(datasetId, IndexCollection.TRIPLETS, cognify.entries(texts));
  }

  /** One document per session: its not yet bridged memory entries, or the agent transcript. */
  private Map<String, String> sessionDocuments(Work work) {
    Map<String, String> documents = new LinkedHashMap<>();
    for (String sessionId : work.request.sessionIds()) {
      List<SessionEntry> entries =
          storage.sessions().listUnbridged(work.dataset.id(), List.of(sessionId));
      StringBuilder text = new StringBuilder();
      for (SessionEntry entry : entries) {
        text.append(entry.text().strip()).append("\n\n");
        work.bridgedEntries.add(entry.id());
      }
      String transcript = work.transcripts.get(sessionId);
      if (transcript != null) {
        text.append(transcript);
      }
      if (!text.toString().isBlank()) {
        documents.put(sessionId, text.toString().strip());
      }
    }
    return documents;
  }

  private void cognifySessions(Work work) {
    if (work.documents == null) {
      work.documents = sessionDocuments(work);
    }
    if (work.documents.isEmpty()) {
      return;
    }
    List<Upload> uploads = new ArrayList<>();
    for (Map.Entry<String, String> document : work.documents.entrySet()) {
      String name = "session-" + document.getKey().replaceAll("[^A-Za-z0-9_.-]", "_") + ".txt";
      byte[] bytes = document.getValue().getBytes(StandardCharsets.UTF_8);
      uploads.add(new Upload(name, "text/plain", bytes));
    }
    ingestion.add(work.caller, work.dataset, uploads, List.of(SESSION_NODE_SET));
    cognifyNow(work);
    storage.sessions().markBridged(work.bridgedEntries);
    work.nodeScope = null;
  }

  /**
   * Moves the {@code feedback_weight} of the nodes and edges each rated answer used toward its
   * score: {@code w ← (w + (score − 1) / 4) / 2}, so 5 pulls toward 1, 1 toward 0 and 3 toward the
   * neutral 0.5. Each feedback is applied once; a new feedback on the same answer applies again.
   */
  private void feedbackWeights(Work work) {
    for (FeedbackEntry entry :
        feedback.pending(work.dataset.id(), FeedbackEntry.QA, work.request.sessionIds())) {
      feedback.applyWeight(entry, (entry.feedbackScore() - 1) / 4.0);
    }
  }

  /** The trace entries not yet cognified that carry a {@code session_feedback} text. */
  private List<FeedbackEntry> traceFeedbacks(Work work) {
    return feedback
        .pending(work.dataset.id(), FeedbackEntry.TRACE, work.request.sessionIds())
        .stream()
        .filter(e -> e.trace().get("session_feedback") instanceof String text && !text.isBlank())
        .toList();
  }

  private void cognifyTraceFeedback(Work work) {
    if (work.traceFeedbacks == null) {
      work.traceFeedbacks = traceFeedbacks(work);
    }
    if (work.traceFeedbacks.isEmpty()) {
      return;
    }
    List<Upload> uploads = new ArrayList<>();
    for (FeedbackEntry entry : work.traceFeedbacks) {
      String name = "agent-trace-feedback-" + entry.id() + ".txt";
      String text = ((String) entry.trace().get("session_feedback")).strip();
      uploads.add(new Upload(name, "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    }
    ingestion.add(work.caller, work.dataset, uploads, List.of(TRACE_FEEDBACK_NODE_SET));
    cognifyNow(work);
    feedback.markApplied(work.traceFeedbacks.stream().map(FeedbackEntry::id).toList());
    work.traceFeedbacks = List.of();
    work.nodeScope = null;
  }

  private void cognifyNow(Work work) {
    PipelineRun run =
        cognify
            .start(List.of(work.dataset), new Cognify.Options(false, null, null), work.scope)
            .get(work.dataset.id());
    if (run.status() == PipelineStatus.DATASET_PROCESSING_ERRORED) {
      throw new IllegalStateException("cognify of the new memory failed: " + run.error());
    }
  }

  /** Nodes whose names differ only in case, spacing or punctuation, grouped; types may differ. */
  private List<List<GraphNode>> duplicates(String datasetId, Work work) {
    Map<String, List<GraphNode>> byKey = new LinkedHashMap<>();
    for (GraphNode node : scopedNodes(datasetId, work)) {
      if (node.type().equals("EntityType")) {
        continue;
      }
      byKey.computeIfAbsent(duplicateKey(node.name()), k -> new ArrayList<>()).add(node);
    }
    return byKey.values().stream().filter(group -> group.size() > 1).toList();
  }

  static String duplicateKey(String name) {
    String key = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    return key.startsWith("the") && key.length() > 3 ? key.substring(3) : key;
  }

  private void merge(String datasetId, Work work) {
    if (work.duplicates == null) {
      work.duplicates = duplicates(datasetId, work);
    }
    Map<String, Integer> sources = storage.graph().sourceCounts(datasetId, GraphRepository.NODE);
    List<String> removedNodes = new ArrayList<>();
    List<String> removedEdges = new ArrayList<>();
    List<String> createdEdges = new ArrayList<>();
    for (List<GraphNode> group : work.duplicates) {
      // The node most documents mention stays; ties go to the first by name and id.
      GraphNode keep =
          group.stream()
              .min(
                  Comparator.<GraphNode>comparingInt(n -> -sources.getOrDefault(n.id(), 0))
                      .thenComparing(GraphNode::name)
                      .thenComparing(GraphNode::id))
              .orElseThrow();
      GraphRepository.Merged merged =
          storage
              .graph()
              .merge(datasetId, keep.id(), group.stream().map(GraphNode::id).toList(), now());
      removedNodes.addAll(merged.removedNodes());
      removedEdges.addAll(merged.removedEdges());
      createdEdges.addAll(merged.createdEdges());
    }
    work.duplicates = List.of();
    work.nodeScope = null;
    storage.index().delete(datasetId, IndexCollection.ENTITIES, removedNodes);
    storage.index().delete(datasetId, IndexCollection.TRIPLETS, removedEdges);
    if (!createdEdges.isEmpty()) {
      Map<String, GraphNode> nodes = byId(storage.graph().nodes(List.of(datasetId)));
      List<Map.Entry<String, String>> texts =
          storage.graph().edgesByIds(List.of(datasetId), createdEdges).stream()
              .filter(e -> !e.relationshipName().equals("is_a"))
              .map(e -> Map.entry(e.id(), Cognify.tripletText(e, nodes)))
              .toList();
      storage.index().upsert(datasetId, IndexCollection.TRIPLETS, cognify.entries(texts));
    }
  }

  /**
   * A node's {@code frequency} is how many data items mention it; an edge's weight is how many data
   * items state it.
   */
  private void frequencyWeights(String datasetId, Work work) {
    Map<String, Integer> nodeCounts = storage.graph().sourceCounts(datasetId, GraphRepository.NODE);
    Map<String, Integer> edgeCounts = storage.graph().sourceCounts(datasetId, GraphRepository.EDGE);
    List<GraphNode> nodes = new ArrayList<>();
    for (GraphNode node : scopedNodes(datasetId, work)) {
      Map<String, Object> properties = new LinkedHashMap<>(node.properties());
      properties.put("frequency", nodeCounts.getOrDefault(node.id(), 0));
      nodes.add(
          new GraphNode(
              node.datasetId(),
              node.id(),
              node.name(),
              node.type(),
              node.description(),
              properties));
    }
    Set<String> scope = nodeScope(work);
    Map<String, Double> weights = new LinkedHashMap<>();
    for (GraphEdge edge : storage.graph().edges(List.of(datasetId))) {
      if (scope.contains(edge.sourceId()) || scope.contains(edge.targetId())) {
        weights.put(edge.id(), (double) Math.max(1, edgeCounts.getOrDefault(edge.id(), 0)));
      }
    }
    storage.graph().reweigh(datasetId, nodes, weights);
  }

  /** Rebuilds the dataset's index from its chunks, summaries, nodes and edges. */
  private void reindex(String datasetId) {
    List<String> ids = List.of(datasetId);
    storage.index().deleteDataset(datasetId);
    Map<String, GraphNode> nodes = byId(storage.graph().nodes(ids));
    Map<String, GraphEdge> edges = new LinkedHashMap<>();
    storage.graph().edges(ids).forEach(e -> edges.put(e.id(), e));
    cognify.index(
        datasetId, storage.graph().chunks(ids), storage.graph().summaries(ids), nodes, edges);
  }

  private static Map<String, GraphNode> byId(List<GraphNode> nodes) {
    Map<String, GraphNode> byId = new LinkedHashMap<>();
    nodes.forEach(n -> byId.put(n.id(), n));
    return byId;
  }

  private PipelineRun finish(PipelineRun run, PipelineStatus status, int processed, String error) {
    PipelineRun next = run.advance(status, processed, error, now(), true);
    storage.runs().update(next);
    return next;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
