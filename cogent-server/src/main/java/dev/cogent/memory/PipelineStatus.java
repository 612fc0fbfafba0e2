package dev.cogent.memory;

/** The anchor's dataset processing status of a pipeline run (its wire values are the names). */
public enum PipelineStatus {
  DATASET_PROCESSING_INITIATED,
  DATASET_PROCESSING_STARTED,
  DATASET_PROCESSING_COMPLETED,
  DATASET_PROCESSING_ERRORED;

  public boolean isFinished() {
    return this == DATASET_PROCESSING_COMPLETED || this == DATASET_PROCESSING_ERRORED;
  }

  /**
   * The {@code PipelineRunInfo.status} of the anchor for a run in this state: {@code
   * PipelineRunStarted}, {@code PipelineRunCompleted} or {@code PipelineRunErrored}.
   */
  public String runInfoStatus() {
    return switch (this) {
      case DATASET_PROCESSING_INITIATED, DATASET_PROCESSING_STARTED -> "PipelineRunStarted";
      case DATASET_PROCESSING_COMPLETED -> "PipelineRunCompleted";
      case DATASET_PROCESSING_ERRORED -> "PipelineRunErrored";
    };
  }
}
