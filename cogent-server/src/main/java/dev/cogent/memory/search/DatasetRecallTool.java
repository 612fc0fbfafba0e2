package dev.cogent.memory.search;

import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code recall} tool of an AGENTIC_COMPLETION run: a recall over the one dataset the search is
 * over, with the searcher's permissions (the dataset is already open for them). It takes the place
 * of the agents' own {@link RecallTool}, which would search every dataset of the session's owner.
 * Without {@code search_type} the query router picks the type (never AGENTIC_COMPLETION: its schema
 * leaves it out, as a run must not wait for another run); CYPHER and NATURAL_LANGUAGE fail as they
 * do on the search endpoint. Errors are failed results with the API's message. Thread-safe.
 */
final class DatasetRecallTool implements Tool {

  static final String NAME = "recall";

  private static final Map<String, Object> SCHEMA = RecallTool.schema(false);

  private final Function<SearchType, Retriever> retrievers;
  private final QueryRouter router;
  private final SearchQuery search;
  private final DatasetMemory memory;
  private final Json json;

  DatasetRecallTool(
      Function<SearchType, Retriever> retrievers,
      QueryRouter router,
      SearchQuery search,
      DatasetMemory memory,
      Json json) {
    this.retrievers = retrievers;
    this.router = router;
    this.search = search;
    this.memory = memory;
    this.json = json;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Searches the knowledge-graph memory of the dataset and returns the matching items as"
        + " JSON: each with kind, text and score. Leave search_type out to let the query pick it;"
        + " use CHUNKS for passages, CHUNKS_LEXICAL for exact words or names, GRAPH_COMPLETION for"
        + " an answer from the graph.";
  }

  @Override
  public Map<String, Object> parametersSchema() {
    return SCHEMA;
  }

  @Override
  public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
    try {
      String text = String.valueOf(arguments.get("query"));
      Object named = arguments.get("search_type");
      Map<String, Object> routing = new LinkedHashMap<>();
      SearchType type;
      if (named == null) {
        QueryRouter.Route route = router.route(text);
        type = route.type();
        routing.put("routed", true);
      } else {
        type = SearchType.parse(String.valueOf(named), "search_type");
      }
      if (type == SearchType.CYPHER || type == SearchType.NATURAL_LANGUAGE) {
        throw CypherRetriever.noGraphQueryBackend(type);
      }
      List<String> nodeNames = RecallTool.strings(arguments.get("node_name"));
      boolean onlyContext = Boolean.TRUE.equals(arguments.get("only_context"));
      SearchQuery query =
          new SearchQuery(
              search.caller(),
              search.scope(),
              text,
              Prompts.ANSWER_SIMPLE_QUESTION,
              nodeNames.isEmpty() ? search.nodeNames() : nodeNames,
              arguments.get("top_k") instanceof Number number
                  ? Math.max(1, Math.min(number.intValue(), RecallTool.MAX_TOP_K))
                  : search.topK(),
              onlyContext,
              false,
              null,
              null,
              null);
      SearchOutcome outcome = retrievers.apply(type).search(query, memory);
      DatasetResult result =
          new DatasetResult(memory.datasetId(), memory.datasetName(), memory.tenantId(), outcome);
      return ToolResult.ok(
          json.write(
              RecallItems.of(result, onlyContext, routing).stream()
                  .map(RecallTool::brief)
                  .toList()));
    } catch (ApiException e) {
      return ToolResult.failed("Error: " + e.getMessage());
    }
  }
}
