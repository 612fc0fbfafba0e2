package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of {@link Memory#cognify}: which datasets (names of the caller's own, or ids; neither
 * means none is named and the server refuses), whether to return at once, and the extraction
 * settings. Null fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CognifyRequest(
    @JsonProperty("datasets") List<String> datasets,
    @JsonProperty("dataset_ids") List<String> datasetIds,
    @JsonProperty("run_in_background") Boolean runInBackground,
    @JsonProperty("graph_model") JsonNode graphModel,
    @JsonProperty("custom_prompt") String customPrompt,
    @JsonProperty("chunk_size") Integer chunkSize) {

  /** Cognifies the caller's datasets of these names, blocking. */
  public static CognifyRequest datasets(List<String> names) {
    return new CognifyRequest(names, null, null, null, null, null);
  }

  public static CognifyRequest datasetIds(List<String> ids) {
    return new CognifyRequest(null, ids, null, null, null, null);
  }

  /** Answers at once; poll each run with {@link Memory#awaitRun}. */
  public CognifyRequest inBackground() {
    return new CognifyRequest(datasets, datasetIds, true, graphModel, customPrompt, chunkSize);
  }

  /** The graph's JSON Schema and the extraction instructions (null: the defaults). */
  public CognifyRequest withExtraction(JsonNode schema, String prompt) {
    return new CognifyRequest(datasets, datasetIds, runInBackground, schema, prompt, chunkSize);
  }

  public CognifyRequest withChunkSize(int tokens) {
    return new CognifyRequest(
        datasets, datasetIds, runInBackground, graphModel, customPrompt, tokens);
  }
}
