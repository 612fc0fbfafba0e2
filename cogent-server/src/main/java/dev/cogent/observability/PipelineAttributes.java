package dev.cogent.observability;

/**
 * What identifies a memory pipeline run on its span and on the spans of its steps.
 *
 * @param pipeline the pipeline's name, such as {@code cognify_pipeline}
 * @param userId the dataset's owner
 * @param tenant the dataset's tenant, or null when it has none
 */
public record PipelineAttributes(
    String pipelineRunId, String pipeline, String datasetId, String userId, String tenant) {

  public PipelineAttributes {
    if (pipelineRunId == null || pipeline == null || datasetId == null || userId == null) {
      throw new IllegalArgumentException(
          "pipelineRunId, pipeline, datasetId and userId are required");
    }
  }
}
