package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@link Memory#forget}: {@link #allDatasets()}, or one dataset ({@link
 * #dataset(String)} by name, {@link #datasetId(String)} by id), optionally narrowed to one data
 * item ({@link #withDataId}) and to the derived memory only ({@link #withMemoryOnly()}: graph,
 * index and session memory go, the documents stay to be cognified again).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForgetRequest(
    @JsonProperty("everything") Boolean everything,
    @JsonProperty("dataset") String dataset,
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("data_id") String dataId,
    @JsonProperty("memory_only") Boolean memoryOnly) {

  /** Deletes every dataset the caller owns. */
  public static ForgetRequest allDatasets() {
    return new ForgetRequest(true, null, null, null, null);
  }

  /** The caller's own dataset of that name. */
  public static ForgetRequest dataset(String name) {
    return new ForgetRequest(null, name, null, null, null);
  }

  public static ForgetRequest datasetId(String id) {
    return new ForgetRequest(null, null, id, null, null);
  }

  /** Only this data item and what only it produced. */
  public ForgetRequest withDataId(String value) {
    return new ForgetRequest(everything, dataset, datasetId, value, memoryOnly);
  }

  /** Keeps the documents, removes what cognify made of them. */
  public ForgetRequest withMemoryOnly() {
    return new ForgetRequest(everything, dataset, datasetId, dataId, true);
  }
}
