package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@link Memory#improve}: one dataset (by name or id) and the tasks to run (empty: the
 * defaults, {@code get_triplet_datapoints} and {@code index_data_points}; with {@code sessionIds}
 * also the session tasks). docs/memory.md lists the tasks. Null fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImproveRequest(
    @JsonProperty("dataset_name") String datasetName,
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("extraction_tasks") List<String> extractionTasks,
    @JsonProperty("enrichment_tasks") List<String> enrichmentTasks,
    @JsonProperty("node_name") List<String> nodeName,
    @JsonProperty("session_ids") List<String> sessionIds,
    @JsonProperty("run_in_background") Boolean runInBackground) {

  public static ImproveRequest dataset(String name) {
    return new ImproveRequest(name, null, null, null, null, null, null);
  }

  public static ImproveRequest datasetId(String id) {
    return new ImproveRequest(null, id, null, null, null, null, null);
  }

  public ImproveRequest withTasks(List<String> extraction, List<String> enrichment) {
    return new ImproveRequest(
        datasetName, datasetId, extraction, enrichment, nodeName, sessionIds, runInBackground);
  }

  /** Works only on the nodes of these node sets. */
  public ImproveRequest withNodeName(List<String> value) {
    return new ImproveRequest(
        datasetName,
        datasetId,
        extractionTasks,
        enrichmentTasks,
        value,
        sessionIds,
        runInBackground);
  }

  /** Bridges these sessions (remembered session text, agent transcripts) into the graph. */
  public ImproveRequest withSessionIds(List<String> value) {
    return new ImproveRequest(
        datasetName, datasetId, extractionTasks, enrichmentTasks, nodeName, value, runInBackground);
  }

  public ImproveRequest inBackground() {
    return new ImproveRequest(
        datasetName, datasetId, extractionTasks, enrichmentTasks, nodeName, sessionIds, true);
  }
}
