package dev.cogent.memory.search;

import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import java.util.List;
import java.util.Map;

/**
 * The anchor's {@code memory_search} tool of an AGENTIC_COMPLETION run: graph context (the triplets
 * of a query of the model's own) from the one dataset the search is over, with the search's {@code
 * top_k} and {@code node_name}. Thread-safe.
 */
final class MemorySearchTool implements Tool {

  static final String NAME = "memory_search";

  private static final Map<String, Object> SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of("query", Map.of("type", "string", "description", "What to look up.")),
          "required",
          List.of("query"),
          "additionalProperties",
          false);

  private final TripletSearch triplets;
  private final SearchQuery search;
  private final DatasetMemory memory;

  MemorySearchTool(TripletSearch triplets, SearchQuery search, DatasetMemory memory) {
    this.triplets = triplets;
    this.search = search;
    this.memory = memory;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Searches the memory graph of the dataset and returns the graph context (nodes and"
        + " their connections) for a query.";
  }

  @Override
  public Map<String, Object> parametersSchema() {
    return SCHEMA;
  }

  @Override
  public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
    String query = String.valueOf(arguments.get("query"));
    String found =
        GraphContext.render(triplets.search(memory, query, search.topK(), search.nodeNames()));
    return ToolResult.ok(found.isEmpty() ? "Nothing found in memory for: " + query : found);
  }
}
