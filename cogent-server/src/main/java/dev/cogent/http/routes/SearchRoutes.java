package dev.cogent.http.routes;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.ApiException;
import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.identity.Principal;
import dev.cogent.memory.search.DatasetResult;
import dev.cogent.memory.search.SearchRequest;
import dev.cogent.memory.search.SearchService;
import dev.cogent.memory.search.SearchType;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/search} and {@code /api/v1/recall} of the memory API (spec 002; research §1.6,
 * §1.7). Fields are snake_case and also accepted in camelCase, as the anchor does; unknown fields
 * are 422. Responses are snake_case, the history camelCase, as the anchor's.
 */
public final class SearchRoutes {

  private final SearchService search;
  private final Authentication authentication;
  private final Requests requests;

  public SearchRoutes(SearchService search, Authentication authentication, Requests requests) {
    this.search = search;
    this.authentication = authentication;
    this.requests = requests;
  }

  /** The body of {@code POST /api/v1/search}. */
  record SearchPayload(
      @JsonProperty("search_type") @JsonAlias("searchType") String searchType,
      @JsonProperty("datasets") List<String> datasets,
      @JsonProperty("dataset_ids") @JsonAlias("datasetIds") List<String> datasetIds,
      @JsonProperty("query") String query,
      @JsonProperty("system_prompt") @JsonAlias("systemPrompt") String systemPrompt,
      @JsonProperty("node_name") @JsonAlias("nodeName") List<String> nodeName,
      @JsonProperty("top_k") @JsonAlias("topK") Integer topK,
      @JsonProperty("only_context") @JsonAlias("onlyContext") Boolean onlyContext,
      @JsonProperty("verbose") Boolean verbose,
      @JsonProperty("skills") List<String> skills,
      @JsonProperty("tools") List<String> tools,
      @JsonProperty("max_iter") @JsonAlias("maxIter") Integer maxIter,
      @JsonProperty("include_references") @JsonAlias("includeReferences")
          Boolean includeReferences) {}

  /**
   * The body of {@code POST /api/v1/recall}: {@code search_type} absent means the default type,
   * {@code null} means the query router picks it.
   */
  record RecallPayload(
      @JsonProperty("search_type") @JsonAlias("searchType") JsonNode searchType,
      @JsonProperty("datasets") List<String> datasets,
      @JsonProperty("dataset_ids") @JsonAlias("datasetIds") List<String> datasetIds,
      @JsonProperty("query") String query,
      @JsonProperty("system_prompt") @JsonAlias("systemPrompt") String systemPrompt,
      @JsonProperty("node_name") @JsonAlias("nodeName") List<String> nodeName,
      @JsonProperty("top_k") @JsonAlias("topK") Integer topK,
      @JsonProperty("only_context") @JsonAlias("onlyContext") Boolean onlyContext,
      @JsonProperty("verbose") Boolean verbose,
      @JsonProperty("include_references") @JsonAlias("includeReferences") Boolean includeReferences,
      @JsonProperty("session_id") @JsonAlias("sessionId") String sessionId) {}

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/search", this::search);
    routes.get("/api/v1/search", this::history);
    routes.post("/api/v1/recall", this::recall);
    routes.get("/api/v1/recall", this::history);
  }

  private void search(Context ctx) {
    Principal caller = authentication.principal(ctx);
    SearchPayload body = requests.body(ctx, SearchPayload.class);
    SearchRequest request =
        SearchRequest.of(
            body.searchType() == null ? null : SearchType.parse(body.searchType(), "search_type"),
            body.datasets(),
            body.datasetIds(),
            body.query(),
            body.systemPrompt(),
            body.nodeName(),
            body.topK(),
            body.onlyContext(),
            body.verbose(),
            body.skills(),
            body.tools(),
            body.maxIter(),
            body.includeReferences());
    List<DatasetResult> results = search.search(caller, requests.scope(ctx), request);
    ctx.json(results.stream().map(result -> render(result, request)).toList());
  }

  private void recall(Context ctx) {
    Principal caller = authentication.principal(ctx);
    RecallPayload body = requests.body(ctx, RecallPayload.class);
    boolean routed = body.searchType() != null && body.searchType().isNull();
    SearchType type = null;
    if (body.searchType() != null && !routed) {
      if (!body.searchType().isTextual()) {
        throw ApiException.invalid("search_type", "must be a search type name or null");
      }
      type = SearchType.parse(body.searchType().asText(), "search_type");
    }
    SearchRequest request =
        SearchRequest.of(
            type,
            body.datasets(),
            body.datasetIds(),
            body.query(),
            body.systemPrompt(),
            body.nodeName(),
            body.topK(),
            body.onlyContext(),
            body.verbose(),
            null,
            null,
            null,
            body.includeReferences());
    ctx.json(search.recall(caller, requests.scope(ctx), request, routed, body.sessionId()));
  }

  private void history(Context ctx) {
    ctx.json(search.history(authentication.principal(ctx)));
  }

  /** One dataset's result in the anchor's shape (access control on), verbose or not. */
  private static Map<String, Object> render(DatasetResult result, SearchRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dataset_id", result.datasetId());
    body.put("dataset_name", result.datasetName());
    body.put("dataset_tenant_id", result.datasetTenantId());
    if (request.verbose()) {
      body.put("search_type", result.outcome().usedType().name());
      body.put("text_result", result.outcome().completion());
      body.put("context_result", result.outcome().context());
      body.put("objects_result", result.outcome().objects());
    } else {
      body.put("search_result", result.outcome().result(request.onlyContext()));
    }
    return body;
  }
}
