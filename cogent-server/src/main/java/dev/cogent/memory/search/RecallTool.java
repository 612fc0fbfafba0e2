package dev.cogent.memory.search;

import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.identity.Principal;
import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents' {@code recall} tool: {@code POST /api/v1/recall} on the datasets of the session's
 * owner ({@link SessionOwners}), with the owner's permissions. Without {@code search_type} the
 * query router picks the type, as {@code "search_type": null} does over HTTP. Every search error
 * (403, 404, nothing cognified, no model) is a failed result with the API's message, for the model
 * to act on.
 *
 * <p>Thread-safe.
 */
public final class RecallTool implements Tool {

  /** At most this many items are returned to the model. */
  static final int MAX_TOP_K = 50;

  private static final Map<String, Object> SCHEMA = schema(true);

  private final SearchService search;
  private final SessionOwners owners;
  private final Json json;

  public RecallTool(SearchService search, SessionOwners owners, Json json) {
    this.search = search;
    this.owners = owners;
    this.json = json;
  }

  @Override
  public String name() {
    return "recall";
  }

  @Override
  public String description() {
    return "Searches your knowledge-graph memory (the datasets you added and cognified, or that"
        + " were shared with you) and returns the matching items as JSON: each with kind, text,"
        + " score and dataset. Leave search_type out to let the query pick it; use CHUNKS for"
        + " passages, CHUNKS_LEXICAL for exact words or names, GRAPH_COMPLETION for an answer from"
        + " the graph.";
  }

  @Override
  public Map<String, Object> parametersSchema() {
    return SCHEMA;
  }

  @Override
  public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
    Optional<Principal> owner = owners.owner(context.scope());
    if (owner.isEmpty()) {
      return ToolResult.failed("Error: this session has no owning user, so it has no memory");
    }
    try {
      Object type = arguments.get("search_type");
      SearchRequest request =
          SearchRequest.of(
              type == null ? null : SearchType.parse(String.valueOf(type), "search_type"),
              strings(arguments.get("datasets")),
              strings(arguments.get("dataset_ids")),
              text(arguments.get("query")),
              null,
              strings(arguments.get("node_name")),
              arguments.get("top_k") instanceof Number number
                  ? Math.min(number.intValue(), MAX_TOP_K)
                  : null,
              Boolean.TRUE.equals(arguments.get("only_context")),
              false,
              null,
              null,
              null,
              false);
      List<RecallItem> items = search.recall(owner.get(), context.scope(), request, type == null);
      return ToolResult.ok(json.write(items.stream().map(RecallTool::brief).toList()));
    } catch (ApiException e) {
      return ToolResult.failed("Error: " + e.getMessage());
    }
  }

  /** What the model needs of an item; {@code raw} payloads would repeat the text. */
  static Map<String, Object> brief(RecallItem item) {
    Map<String, Object> brief = new LinkedHashMap<>();
    brief.put("kind", item.kind());
    brief.put("search_type", item.searchType());
    brief.put("text", item.text());
    brief.put("score", item.score());
    brief.put("dataset_id", item.datasetId());
    brief.put("dataset_name", item.datasetName());
    return brief;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(element -> strings.add(String.valueOf(element)));
    }
    return strings;
  }

  /**
   * @param withDatasets whether the model picks the datasets (not so when the tool is bound to one)
   */
  static Map<String, Object> schema(boolean withDatasets) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("query", property("string", "What to look up."));
    Map<String, Object> type =
        new LinkedHashMap<>(
            property("string", "The search type; leave it out to let the query pick one."));
    // Not AGENTIC_COMPLETION: it would start a run and wait for it on the executor this run uses.
    type.put(
        "enum",
        Arrays.stream(SearchType.values())
            .filter(value -> value != SearchType.AGENTIC_COMPLETION)
            .map(Enum::name)
            .toList());
    properties.put("search_type", type);
    if (withDatasets) {
      properties.put(
          "datasets",
          stringArray(
              "Names of your own datasets; every dataset you may read when neither this nor"
                  + " dataset_ids is given."));
      properties.put(
          "dataset_ids", stringArray("Dataset ids (needed for datasets shared with you)."));
    }
    properties.put(
        "node_name", stringArray("Only what data tagged with one of these node sets produced."));
    Map<String, Object> topK =
        new LinkedHashMap<>(property("integer", "How many results to keep (default 15)."));
    topK.put("minimum", 1);
    topK.put("maximum", MAX_TOP_K);
    properties.put("top_k", topK);
    properties.put(
        "only_context",
        property("boolean", "For answer types: return the retrieved context, not an answer."));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Collections.unmodifiableMap(properties));
    schema.put("required", List.of("query"));
    schema.put("additionalProperties", false);
    return Collections.unmodifiableMap(schema);
  }

  private static Map<String, Object> property(String type, String description) {
    return Map.of("type", type, "description", description);
  }

  private static Map<String, Object> stringArray(String description) {
    return Map.of("type", "array", "items", Map.of("type", "string"), "description", description);
  }
}
