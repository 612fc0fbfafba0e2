package dev.cogent.memory.search;

import dev.cogent.ApiException;
import java.util.List;
import java.util.Map;

/**
 * CYPHER: the anchor runs the query text verbatim as Cypher on its graph database. The graph lives
 * in SQL tables here and there is no Cypher engine yet (Neo4j over Bolt is planned), so this type
 * answers 422 saying so rather than a result that would only look like one.
 */
final class CypherRetriever implements Retriever {

  @Override
  public SearchType type() {
    return SearchType.CYPHER;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    throw noGraphQueryBackend(type());
  }

  static ApiException noGraphQueryBackend(SearchType type) {
    String message =
        "needs a graph-query (Cypher) backend, and this server has none yet: its graph is stored"
            + " in SQL tables. Use GRAPH_COMPLETION, TRIPLET_COMPLETION or CHUNKS instead.";
    return new ApiException(
        dev.cogent.ErrorCode.VALIDATION_ERROR,
        type.name() + " search " + message,
        Map.of(
            "errors",
            List.of(Map.of("field", "search_type", "message", message)),
            "search_type",
            type.name(),
            "reason",
            "no_graph_query_backend"));
  }
}
