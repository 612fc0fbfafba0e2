package dev.cogent.memory;

import dev.cogent.observability.PipelineAttributes;
import java.time.Instant;

/**
 * One run of a pipeline over a dataset.
 *
 * @param pipelineName {@code add_pipeline}, {@code cognify_pipeline} or {@code improve_pipeline}
 * @param extractor how the graph was extracted: {@code model:<provider>/<model>} or {@code
 *     heuristic}; null until known or for pipelines that extract nothing
 * @param error what went wrong, when the run errored
 * @param finishedAt null while running
 */
public record PipelineRun(
    String id,
    String datasetId,
    String datasetName,
    String ownerId,
    String pipelineName,
    PipelineStatus status,
    int totalItems,
    int processedItems,
    String extractor,
    String error,
    Instant createdAt,
    Instant updatedAt,
    Instant finishedAt) {

  public static final String ADD = "add_pipeline";
  public static final String COGNIFY = "cognify_pipeline";
  public static final String IMPROVE = "improve_pipeline";

  /** What identifies this run on its trace spans; {@code tenantId} is its dataset's, or null. */
  public PipelineAttributes spanAttributes(String tenantId) {
    return new PipelineAttributes(id, pipelineName, datasetId, ownerId, tenantId);
  }

  /** Processed items over total, 1.0 for an empty run that completed. */
  public double progress() {
    if (totalItems == 0) {
      return status == PipelineStatus.DATASET_PROCESSING_COMPLETED ? 1.0 : 0.0;
    }
    return (double) processedItems / totalItems;
  }

  /** This run in another state at {@code at}; {@code finished} sets {@code finishedAt}. */
  public PipelineRun advance(
      PipelineStatus newStatus, int processed, String newError, Instant at, boolean finished) {
    return new PipelineRun(
        id,
        datasetId,
        datasetName,
        ownerId,
        pipelineName,
        newStatus,
        totalItems,
        processed,
        extractor,
        newError,
        createdAt,
        at,
        finished ? at : null);
  }
}
