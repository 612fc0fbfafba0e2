package dev.cogent.memory.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.identity.Principal;
import dev.cogent.llm.ModelResolver;
import dev.cogent.memory.FeedbackRepository;
import dev.cogent.registry.SkillService;
import dev.cogent.runtime.AgentTasks;
import dev.cogent.scope.Scope;
import dev.cogent.store.Database;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/search} and {@code /api/v1/recall}: resolves the datasets (403 for one the
 * caller may not read), checks the prerequisites, runs the search type on every searched dataset
 * and records the search in the caller's history.
 *
 * <p>Errors: 422 when nothing searched is cognified, for CYPHER and NATURAL_LANGUAGE (no
 * graph-query backend), for AGENTIC_COMPLETION over other than one dataset or with an unknown tool
 * or skill; {@code LLM_UNAVAILABLE} (503) when a completion type has no model provider; 409 when an
 * AGENTIC_COMPLETION run ends without an answer.
 *
 * <p>Thread-safe.
 */
public final class SearchService {

  /** How many entries {@link #history} lists. */
  static final int HISTORY_LIMIT = 500;

  /** How much of a non-text result the history keeps. */
  static final int HISTORY_RESULT_CHARS = 4_000;

  private final MemorySource memories;
  private final Map<SearchType, Retriever> retrievers = new EnumMap<>(SearchType.class);
  private final AgenticCompletionRetriever agentic;
  private final QueryRouter router = new QueryRouter();
  private final SearchHistoryRepository history;
  private final SessionAnswers answers;
  private final Json json;
  private final InstantSource clock;

  public SearchService(
      StoredMemories memories,
      ModelResolver models,
      SkillService skills,
      Supplier<AgentTasks> agents,
      Database database,
      FeedbackRepository feedback,
      double feedbackInfluence,
      Json json,
      InstantSource clock) {
    this(
        (MemorySource) memories,
        new Completions(models),
        skills,
        agents,
        database,
        feedback,
        feedbackInfluence,
        json,
        clock);
  }

  SearchService(
      MemorySource memories,
      Completions completions,
      SkillService skills,
      Supplier<AgentTasks> agents,
      Database database,
      FeedbackRepository feedback,
      double feedbackInfluence,
      Json json,
      InstantSource clock) {
    this.memories = memories;
    this.history = new SearchHistoryRepository(database);
    this.answers = new SessionAnswers(feedback, clock);
    this.json = json;
    this.clock = clock;
    TripletSearch triplets = new TripletSearch(feedbackInfluence);
    Answerer answerer = new Answerer(completions);
    this.agentic =
        new AgenticCompletionRetriever(triplets, retrievers::get, router, skills, agents, json);
    for (Retriever retriever :
        List.of(
            new SummariesRetriever(),
            new ChunksRetriever(),
            new RagCompletionRetriever(answerer),
            new HybridCompletionRetriever(answerer),
            new TripletCompletionRetriever(answerer),
            new GraphCompletionRetriever(triplets, answerer),
            new GraphCompletionDecompositionRetriever(triplets, answerer, json),
            new GraphSummaryCompletionRetriever(triplets, answerer),
            new CypherRetriever(),
            new NaturalLanguageRetriever(),
            new GraphCompletionCotRetriever(triplets, answerer),
            new GraphCompletionContextExtensionRetriever(triplets, answerer),
            new FeelingLuckyRetriever(answerer, retrievers::get),
            new TemporalRetriever(triplets, answerer),
            new CodingRulesRetriever(),
            new ChunksLexicalRetriever(),
            agentic)) {
      retrievers.put(retriever.type(), retriever);
    }
  }

  /**
   * Runs a search on every dataset it names (every readable dataset when it names none).
   *
   * @return one result per searched dataset, in resolution order
   * @throws ApiException see the class comment; 403/404 from dataset resolution
   */
  public List<DatasetResult> search(Principal caller, Scope scope, SearchRequest request) {
    List<DatasetResult> results = run(caller, scope, request, request.searchType());
    remember(caller, request.query(), results, request.onlyContext());
    return results;
  }

  /**
   * A recall: a search whose items are flattened into the anchor's {@code SearchResultItem}s.
   *
   * @param routed whether the request had {@code search_type: null}: the type is then picked by
   *     {@link QueryRouter} and the items say so in their metadata
   */
  public List<RecallItem> recall(
      Principal caller, Scope scope, SearchRequest request, boolean routed) {
    return recall(caller, scope, request, routed, null);
  }

  /**
   * A recall in a memory session: as {@link #recall(Principal, Scope, SearchRequest, boolean)}, and
   * with a {@code sessionId} each answered dataset result is stored as the session's QA entry
   * (research §1.7), which feedback can then rate.
   */
  public List<RecallItem> recall(
      Principal caller, Scope scope, SearchRequest request, boolean routed, String sessionId) {
    SearchType type = request.searchType();
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (routed) {
      QueryRouter.Route route = router.route(request.query());
      type = route.type();
      metadata.put("routed", true);
      metadata.put("route_reasons", route.reasons());
    }
    List<DatasetResult> results = run(caller, scope, request, type);
    remember(caller, request.query(), results, request.onlyContext());
    Map<String, String> qaIds =
        sessionId == null || sessionId.isBlank()
            ? Map.of()
            : answers.record(caller, sessionId.strip(), request.query(), results);
    List<RecallItem> items = new ArrayList<>();
    for (DatasetResult result : results) {
      Map<String, Object> itemMetadata = metadata;
      if (qaIds.containsKey(result.datasetId())) {
        // The id feedback on this answer names (remember/entry of type feedback).
        itemMetadata = new LinkedHashMap<>(metadata);
        itemMetadata.put("qa_id", qaIds.get(result.datasetId()));
      }
      items.addAll(RecallItems.of(result, request.onlyContext(), itemMetadata));
    }
    return items;
  }

  /** The caller's searches and recalls, newest first (at most {@value #HISTORY_LIMIT}). */
  public List<SearchHistory> history(Principal caller) {
    return history.list(caller.userId(), HISTORY_LIMIT);
  }

  private List<DatasetResult> run(
      Principal caller, Scope scope, SearchRequest request, SearchType type) {
    SearchQuery query =
        new SearchQuery(
            caller,
            scope,
            request.query(),
            request.systemPrompt(),
            request.nodeName(),
            request.topK(),
            request.onlyContext(),
            request.includeReferences(),
            request.skills(),
            request.tools(),
            request.maxIter());
    if (type == SearchType.AGENTIC_COMPLETION) {
      agentic.validate(query);
    }
    List<DatasetMemory> opened = memories.open(caller, request.datasets(), request.datasetIds());
    if (type == SearchType.CYPHER || type == SearchType.NATURAL_LANGUAGE) {
      throw CypherRetriever.noGraphQueryBackend(type);
    }
    if (opened.stream().noneMatch(DatasetMemory::isCognified)) {
      String message =
          opened.isEmpty()
              ? "there is no dataset to search; add data and run cognify first"
              : "nothing in the searched datasets is cognified yet; run add and cognify first";
      throw new ApiException(
          ErrorCode.VALIDATION_ERROR,
          "Search prerequisites not met: " + message,
          Map.of(
              "errors",
              List.of(Map.of("field", "dataset_ids", "message", message)),
              "reason",
              "not_cognified",
              "dataset_ids",
              opened.stream().map(DatasetMemory::datasetId).toList()));
    }
    if (type == SearchType.AGENTIC_COMPLETION && opened.size() != 1) {
      throw ApiException.invalid(
          "dataset_ids",
          "AGENTIC_COMPLETION searches exactly one dataset, and "
              + opened.size()
              + " were selected; name one with dataset_ids or datasets");
    }
    Retriever retriever = retrievers.get(type);
    List<DatasetResult> results = new ArrayList<>();
    for (DatasetMemory memory : opened) {
      SearchOutcome outcome =
          memory.isCognified()
              ? retriever.search(query, memory)
              : new SearchOutcome(List.of(), null, List.of(), type);
      results.add(
          new DatasetResult(memory.datasetId(), memory.datasetName(), memory.tenantId(), outcome));
    }
    return results;
  }

  private void remember(
      Principal caller, String query, List<DatasetResult> results, boolean onlyContext) {
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    history.insert(
        results.stream()
            .map(
                result ->
                    new SearchHistory(
                        UUID.randomUUID().toString(),
                        query,
                        caller.userId(),
                        now,
                        result.datasetId(),
                        result.outcome().usedType().name(),
                        digest(result.outcome(), onlyContext)))
            .toList());
  }

  private String digest(SearchOutcome outcome, boolean onlyContext) {
    if (!onlyContext && outcome.answer() != null) {
      return outcome.answer();
    }
    Object result = outcome.result(onlyContext);
    String text;
    if (result instanceof String string) {
      text = string;
    } else {
      try {
        text = json.mapper().writeValueAsString(result);
      } catch (JsonProcessingException e) {
        text = String.valueOf(result);
      }
    }
    return text.length() <= HISTORY_RESULT_CHARS ? text : text.substring(0, HISTORY_RESULT_CHARS);
  }
}
