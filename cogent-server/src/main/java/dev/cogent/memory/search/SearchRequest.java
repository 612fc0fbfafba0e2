package dev.cogent.memory.search;

import dev.cogent.ApiException;
import java.util.List;

/**
 * A search as spec 002 defines it, validated: {@link #of} applies the defaults and rejects what the
 * spec forbids.
 *
 * @param datasets dataset names (the caller's own); ignored when {@code datasetIds} is not empty
 * @param datasetIds dataset ids (needed for datasets shared with the caller)
 * @param nodeName node-set filter; empty for none
 * @param skills skill names for AGENTIC_COMPLETION; null when not given
 * @param tools tool whitelist for AGENTIC_COMPLETION; null when not given
 * @param maxIter AGENTIC_COMPLETION iterations (COT rounds for GRAPH_COMPLETION_COT); null for the
 *     type's default
 */
public record SearchRequest(
    SearchType searchType,
    List<String> datasets,
    List<String> datasetIds,
    String query,
    String systemPrompt,
    List<String> nodeName,
    int topK,
    boolean onlyContext,
    boolean verbose,
    List<String> skills,
    List<String> tools,
    Integer maxIter,
    boolean includeReferences) {

  public static final int DEFAULT_TOP_K = 15;
  public static final int MAX_TOP_K = 1_000;

  public SearchRequest {
    datasets = List.copyOf(datasets);
    datasetIds = List.copyOf(datasetIds);
    nodeName = List.copyOf(nodeName);
    skills = skills == null ? null : List.copyOf(skills);
    tools = tools == null ? null : List.copyOf(tools);
  }

  /**
   * Applies spec 002's defaults ({@code GRAPH_COMPLETION}, {@code top_k} 15, the anchor's default
   * query and system prompt) and checks the request.
   *
   * @throws ApiException 422 when {@code skills} or {@code tools} come without AGENTIC_COMPLETION,
   *     when {@code max_iter} is below 1 or given to a type without iterations, or when {@code
   *     top_k} is not between 1 and {@value #MAX_TOP_K}
   */
  public static SearchRequest of(
      SearchType searchType,
      List<String> datasets,
      List<String> datasetIds,
      String query,
      String systemPrompt,
      List<String> nodeName,
      Integer topK,
      Boolean onlyContext,
      Boolean verbose,
      List<String> skills,
      List<String> tools,
      Integer maxIter,
      Boolean includeReferences) {
    SearchType type = searchType == null ? SearchType.DEFAULT : searchType;
    if (type != SearchType.AGENTIC_COMPLETION) {
      if (skills != null) {
        throw ApiException.invalid("skills", "requires search_type AGENTIC_COMPLETION");
      }
      if (tools != null) {
        throw ApiException.invalid("tools", "requires search_type AGENTIC_COMPLETION");
      }
    }
    if (maxIter != null) {
      if (maxIter < 1) {
        throw ApiException.invalid("max_iter", "must be at least 1");
      }
      if (type != SearchType.AGENTIC_COMPLETION && type != SearchType.GRAPH_COMPLETION_COT) {
        throw ApiException.invalid(
            "max_iter", "applies to AGENTIC_COMPLETION (and GRAPH_COMPLETION_COT rounds) only");
      }
    }
    int k = topK == null ? DEFAULT_TOP_K : topK;
    if (k < 1 || k > MAX_TOP_K) {
      throw ApiException.invalid("top_k", "must be between 1 and " + MAX_TOP_K);
    }
    return new SearchRequest(
        type,
        clean(datasets, "datasets"),
        clean(datasetIds, "dataset_ids"),
        query == null || query.isBlank() ? Prompts.DEFAULT_QUERY : query,
        systemPrompt == null || systemPrompt.isBlank()
            ? Prompts.ANSWER_SIMPLE_QUESTION
            : systemPrompt,
        clean(nodeName, "node_name"),
        k,
        Boolean.TRUE.equals(onlyContext),
        Boolean.TRUE.equals(verbose),
        skills == null ? null : clean(skills, "skills"),
        tools == null ? null : clean(tools, "tools"),
        maxIter,
        Boolean.TRUE.equals(includeReferences));
  }

  private static List<String> clean(List<String> values, String field) {
    if (values == null) {
      return List.of();
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null || values.get(i).isBlank()) {
        throw ApiException.invalid(field + "[" + i + "]", "must not be blank");
      }
    }
    return values.stream().distinct().toList();
  }
}
