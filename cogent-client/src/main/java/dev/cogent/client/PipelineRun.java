package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A memory pipeline run ({@code add_pipeline}, {@code cognify_pipeline}, {@code improve_pipeline})
 * as the memory API reports it. {@code status} is {@code PipelineRunStarted}, {@code
 * PipelineRunCompleted} or {@code PipelineRunErrored}; {@code payload} carries the progress.
 */
public record PipelineRun(
    @JsonProperty("status") String status,
    @JsonProperty("pipeline_run_id") String pipelineRunId,
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("dataset_name") String datasetName,
    @JsonProperty("payload") Payload payload,
    @JsonProperty("data_ingestion_info") List<IngestedData> dataIngestionInfo) {

  public PipelineRun {
    dataIngestionInfo = dataIngestionInfo == null ? List.of() : List.copyOf(dataIngestionInfo);
  }

  /** Whether the run ended, completed or errored. */
  public boolean isFinished() {
    return isCompleted() || isErrored();
  }

  public boolean isCompleted() {
    return "PipelineRunCompleted".equals(status);
  }

  public boolean isErrored() {
    return "PipelineRunErrored".equals(status);
  }

  /**
   * Progress and outcome. {@code datasetStatus} is {@code DATASET_PROCESSING_INITIATED|STARTED|
   * COMPLETED|ERRORED}; {@code extractor} says who extracted the graph ({@code heuristic} or {@code
   * model:<provider>/<model>}); {@code error} is set when the run errored.
   */
  public record Payload(
      @JsonProperty("pipeline_name") String pipelineName,
      @JsonProperty("dataset_status") String datasetStatus,
      @JsonProperty("total_items") int totalItems,
      @JsonProperty("processed_items") int processedItems,
      @JsonProperty("progress") double progress,
      @JsonProperty("extractor") String extractor,
      @JsonProperty("error") String error) {}

  /** One data item an {@code add} stored. */
  public record IngestedData(
      @JsonProperty("data_id") String dataId,
      @JsonProperty("name") String name,
      @JsonProperty("content_hash") String contentHash,
      @JsonProperty("mime_type") String mimeType,
      @JsonProperty("data_size") long dataSize) {}
}
