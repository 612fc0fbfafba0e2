package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of {@link Memory#remember}. {@code status} is {@code completed}, {@code running} (in
 * the background: poll {@code pipelineRunId}) or {@code session_stored}; an errored blocking run is
 * a {@link CogentException} {@code CONFLICT} (409) with this body in {@code details.result}.
 */
public record RememberResult(
    @JsonProperty("status") String status,
    @JsonProperty("dataset_name") String datasetName,
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("pipeline_run_id") String pipelineRunId,
    @JsonProperty("items_processed") int itemsProcessed,
    @JsonProperty("elapsed_seconds") double elapsedSeconds,
    @JsonProperty("session_ids") List<String> sessionIds,
    @JsonProperty("content_hash") String contentHash,
    @JsonProperty("items") List<Item> items,
    @JsonProperty("entry_type") String entryType,
    @JsonProperty("entry_id") String entryId,
    @JsonProperty("error") String error) {

  public RememberResult {
    sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** One stored document. */
  public record Item(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("content_hash") String contentHash,
      @JsonProperty("token_count") Integer tokenCount,
      @JsonProperty("mime_type") String mimeType,
      @JsonProperty("data_size") long dataSize) {}
}
