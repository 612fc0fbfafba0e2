package dev.cogent.protocols;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.ApiException;
import dev.cogent.memory.Dataset;
import dev.cogent.memory.DatasetService;
import dev.cogent.memory.Forget;
import dev.cogent.memory.GraphEdits;
import dev.cogent.memory.PipelineRun;
import dev.cogent.memory.PipelineStatus;
import dev.cogent.memory.Remember;
import dev.cogent.memory.Upload;
import dev.cogent.memory.search.RecallItem;
import dev.cogent.memory.search.SearchRequest;
import dev.cogent.memory.search.SearchService;
import dev.cogent.memory.search.SearchType;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory tools of the MCP endpoint, as the anchor's cognee-mcp server names them: {@code
 * remember}, {@code recall}, {@code forget} and {@code cognify_status}. Each does what its {@code
 * /api/v1} route does, with the caller's permissions.
 */
final class McpMemoryTools {

  /** At most this many recall items go back to the client. */
  static final int MAX_TOP_K = 100;

  private static final List<String> PIPELINES =
      List.of(PipelineRun.ADD, PipelineRun.COGNIFY, PipelineRun.IMPROVE);

  private final Remember remember;
  private final SearchService search;
  private final Forget forget;
  private final DatasetService datasets;
  private final McpResults results;

  McpMemoryTools(
      Remember remember,
      SearchService search,
      Forget forget,
      DatasetService datasets,
      McpResults results) {
    this.remember = remember;
    this.search = search;
    this.forget = forget;
    this.datasets = datasets;
    this.results = results;
  }

  record RememberArguments(
      @JsonProperty("text") String text,
      @JsonProperty("dataset_name") String datasetName,
      @JsonProperty("session_id") String sessionId,
      @JsonProperty("node_set") List<String> nodeSet,
      @JsonProperty("run_in_background") Boolean runInBackground) {}

  record RecallArguments(
      @JsonProperty("query") String query,
      @JsonProperty("search_type") String searchType,
      @JsonProperty("datasets") List<String> datasets,
      @JsonProperty("top_k") Integer topK,
      @JsonProperty("only_context") Boolean onlyContext) {}

  record ForgetArguments(
      @JsonProperty("dataset") String dataset,
      @JsonProperty("dataset_id") String datasetId,
      @JsonProperty("data_id") String dataId,
      @JsonProperty("everything") Boolean everything,
      @JsonProperty("memory_only") Boolean memoryOnly) {}

  record StatusArguments(@JsonProperty("dataset_name") String datasetName) {}

  /** One dataset's latest status per pipeline. */
  record DatasetStatus(
      @JsonProperty("dataset_id") String datasetId,
      @JsonProperty("dataset_name") String datasetName,
      @JsonProperty("pipelines") Map<String, PipelineStatus> pipelines) {}

  List<SyncToolSpecification> all() {
    return List.of(
        results.tool(
            "remember",
            "Store text in Cogent's knowledge-graph memory. Without session_id the text is added to"
                + " a dataset (default "
                + GraphEdits.DEFAULT_DATASET
                + ", created when missing) and cognified: chunked, embedded, and its entities and"
                + " relations put into the graph, so recall finds it later. With session_id it is"
                + " kept as that session's short-term memory and bridged into the graph in the"
                + " background. Returns the pipeline result as JSON.",
            """
            {"type": "object", "properties": {
              "text": {"type": "string", "description": "What to remember."},
              "dataset_name": {"type": "string", "description": "One of your datasets; created when missing (default main_dataset)."},
              "session_id": {"type": "string", "description": "Keep the text as session memory of this session id instead."},
              "node_set": {"type": "array", "items": {"type": "string"}, "description": "Tags; recall can be limited to what was stored with them."},
              "run_in_background": {"type": "boolean", "description": "Return at once and cognify in the background (poll cognify_status)."}},
             "required": ["text"], "additionalProperties": false}
            """,
            this::remember),
        results.tool(
            "recall",
            "Search Cogent's knowledge-graph memory (your datasets and those shared with you) and"
                + " return the matching items as JSON, each with kind, text, score and dataset."
                + " Leave search_type out to let the query pick it; CHUNKS returns passages,"
                + " CHUNKS_LEXICAL exact words or names, GRAPH_COMPLETION an answer from the graph.",
            """
            {"type": "object", "properties": {
              "query": {"type": "string", "description": "What to look up."},
              "search_type": {"type": "string", "description": "One of the 17 search types (GRAPH_COMPLETION, RAG_COMPLETION, CHUNKS, CHUNKS_LEXICAL, SUMMARIES, TRIPLET_COMPLETION, TEMPORAL, CODING_RULES, ...); absent: chosen from the query."},
              "datasets": {"type": "array", "items": {"type": "string"}, "description": "Names of your datasets to search; absent: every dataset you may read."},
              "top_k": {"type": "integer", "minimum": 1, "maximum": 100, "description": "How many results to keep (default 15)."},
              "only_context": {"type": "boolean", "description": "For answer types: return the retrieved context instead of an answer."}},
             "required": ["query"], "additionalProperties": false}
            """,
            this::recall),
        results.tool(
            "forget",
            "Delete memory. Give dataset (a name of yours) or dataset_id to delete that dataset;"
                + " add data_id to delete only one document and what only it produced; add"
                + " memory_only to keep the documents but drop the graph and index built from them;"
                + " or give everything=true alone to delete every dataset you own.",
            """
            {"type": "object", "properties": {
              "dataset": {"type": "string", "description": "Name of one of your datasets."},
              "dataset_id": {"type": "string", "description": "Id of a dataset (also one shared with you, with delete permission)."},
              "data_id": {"type": "string", "description": "One document of that dataset."},
              "everything": {"type": "boolean", "description": "Delete every dataset you own; no other argument allowed."},
              "memory_only": {"type": "boolean", "description": "Keep the documents, remove graph, index and session memory."}},
             "additionalProperties": false}
            """,
            this::forget),
        results.tool(
            "cognify_status",
            "Show the latest status of the add, cognify and improve pipelines"
                + " (DATASET_PROCESSING_INITIATED, _STARTED, _COMPLETED or _ERRORED) of one of your"
                + " datasets, or of every dataset you may read. Use it after remember with"
                + " run_in_background.",
            """
            {"type": "object", "properties": {
              "dataset_name": {"type": "string", "description": "One of your datasets; absent: all you may read."}},
             "additionalProperties": false}
            """,
            this::status));
  }

  private McpSchema.CallToolResult remember(McpCaller caller, Map<String, Object> arguments) {
    RememberArguments request = results.arguments(arguments, RememberArguments.class);
    if (request.text() == null || request.text().isBlank()) {
      throw ApiException.invalid("text", "is required");
    }
    Remember.Result result =
        remember.remember(
            caller.principal(),
            new Remember.Request(
                request.datasetName() == null || request.datasetName().isBlank()
                    ? GraphEdits.DEFAULT_DATASET
                    : request.datasetName(),
                null,
                request.sessionId(),
                List.of(Upload.text(request.text())),
                request.nodeSet() == null ? List.of() : request.nodeSet(),
                Boolean.TRUE.equals(request.runInBackground()),
                null,
                null,
                null,
                true,
                null,
                null),
            caller.scope());
    return result.errored() ? results.errorJson(result) : results.json(result);
  }

  private McpSchema.CallToolResult recall(McpCaller caller, Map<String, Object> arguments) {
    RecallArguments request = results.arguments(arguments, RecallArguments.class);
    if (request.query() == null || request.query().isBlank()) {
      throw ApiException.invalid("query", "is required");
    }
    SearchType type =
        request.searchType() == null ? null : SearchType.parse(request.searchType(), "search_type");
    List<RecallItem> items =
        search.recall(
            caller.principal(),
            caller.scope(),
            SearchRequest.of(
                type,
                request.datasets() == null ? List.of() : request.datasets(),
                List.of(),
                request.query(),
                null,
                List.of(),
                request.topK() == null ? null : Math.min(request.topK(), MAX_TOP_K),
                Boolean.TRUE.equals(request.onlyContext()),
                false,
                null,
                null,
                null,
                false),
            type == null);
    return results.json(items);
  }

  private McpSchema.CallToolResult forget(McpCaller caller, Map<String, Object> arguments) {
    ForgetArguments request = results.arguments(arguments, ForgetArguments.class);
    return results.json(
        forget.forget(
            caller.principal(),
            new Forget.Request(
                request.dataId(),
                request.dataset(),
                request.datasetId(),
                Boolean.TRUE.equals(request.everything()),
                Boolean.TRUE.equals(request.memoryOnly()))));
  }

  private McpSchema.CallToolResult status(McpCaller caller, Map<String, Object> arguments) {
    StatusArguments request = results.arguments(arguments, StatusArguments.class);
    List<Dataset> readable = datasets.list(caller.principal());
    List<Dataset> chosen = new ArrayList<>();
    for (Dataset dataset : readable) {
      if (request.datasetName() == null
          || (dataset.name().equals(request.datasetName().strip())
              && dataset.ownerId().equals(caller.principal().userId()))) {
        chosen.add(dataset);
      }
    }
    if (request.datasetName() != null && chosen.isEmpty()) {
      throw ApiException.notFound("dataset", request.datasetName());
    }
    Map<String, Map<String, PipelineStatus>> statuses =
        chosen.isEmpty()
            ? Map.of()
            : datasets.statuses(
                caller.principal(), chosen.stream().map(Dataset::id).toList(), PIPELINES);
    List<DatasetStatus> answer = new ArrayList<>();
    for (Dataset dataset : chosen) {
      answer.add(
          new DatasetStatus(
              dataset.id(),
              dataset.name(),
              new LinkedHashMap<>(statuses.getOrDefault(dataset.id(), Map.of()))));
    }
    return results.json(answer);
  }
}
