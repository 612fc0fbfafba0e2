package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A memory search (spec 002): the fields of {@code POST /api/v1/search}. Null fields are not sent
 * and take the server's defaults ({@code GRAPH_COMPLETION}, every readable dataset, {@code top_k}
 * 15). {@code datasetIds} win over {@code datasets} (names resolve to the caller's own datasets
 * only). {@code skills}, {@code tools} and {@code maxIter} are for {@code AGENTIC_COMPLETION}. Use
 * {@link #of} for a plain query and {@link #builder} for the rest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchRequest(
    @JsonProperty("search_type") SearchType searchType,
    @JsonProperty("query") String query,
    @JsonProperty("datasets") List<String> datasets,
    @JsonProperty("dataset_ids") List<String> datasetIds,
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("node_name") List<String> nodeName,
    @JsonProperty("top_k") Integer topK,
    @JsonProperty("only_context") Boolean onlyContext,
    @JsonProperty("verbose") Boolean verbose,
    @JsonProperty("skills") List<String> skills,
    @JsonProperty("tools") List<String> tools,
    @JsonProperty("max_iter") Integer maxIter,
    @JsonProperty("include_references") Boolean includeReferences) {

  /**
   * {@code query} with the given type over every readable dataset; a null type is the server's
   * default (or, for a recall, the query router's pick).
   */
  public static SearchRequest of(SearchType searchType, String query) {
    return builder(searchType, query).build();
  }

  public static Builder builder(SearchType searchType, String query) {
    return new Builder(searchType, query);
  }

  /** The optional fields of a {@link SearchRequest}; unset ones take the server's defaults. */
  public static final class Builder {
    private final SearchType searchType;
    private final String query;
    private List<String> datasets;
    private List<String> datasetIds;
    private String systemPrompt;
    private List<String> nodeName;
    private Integer topK;
    private Boolean onlyContext;
    private Boolean verbose;
    private List<String> skills;
    private List<String> tools;
    private Integer maxIter;
    private Boolean includeReferences;

    private Builder(SearchType searchType, String query) {
      this.searchType = searchType;
      this.query = query;
    }

    /** Searches these datasets, by name (the caller's own). */
    public Builder datasets(List<String> names) {
      this.datasets = List.copyOf(names);
      return this;
    }

    /** Searches these datasets, by id (shared datasets too). */
    public Builder datasetIds(List<String> ids) {
      this.datasetIds = List.copyOf(ids);
      return this;
    }

    public Builder systemPrompt(String value) {
      this.systemPrompt = value;
      return this;
    }

    /** Only what data added with one of these {@code node_set} tags produced. */
    public Builder nodeName(List<String> value) {
      this.nodeName = List.copyOf(value);
      return this;
    }

    /** How many results to keep, 1-1000. */
    public Builder topK(int value) {
      this.topK = value;
      return this;
    }

    /** Completion types answer the context they would send to the model, without calling it. */
    public Builder onlyContext(boolean value) {
      this.onlyContext = value;
      return this;
    }

    /** Answers the text, the context and the objects ({@link SearchResult}). */
    public Builder verbose(boolean value) {
      this.verbose = value;
      return this;
    }

    /** {@code AGENTIC_COMPLETION}: the skills and tools the agent may use, and its turns. */
    public Builder agentic(List<String> skillNames, List<String> toolNames, int turns) {
      this.skills = List.copyOf(skillNames);
      this.tools = List.copyOf(toolNames);
      this.maxIter = turns;
      return this;
    }

    /** Completion answers end with an {@code Evidence:} block naming the closest chunks. */
    public Builder includeReferences(boolean value) {
      this.includeReferences = value;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(
          searchType,
          query,
          datasets,
          datasetIds,
          systemPrompt,
          nodeName,
          topK,
          onlyContext,
          verbose,
          skills,
          tools,
          maxIter,
          includeReferences);
    }
  }
}
