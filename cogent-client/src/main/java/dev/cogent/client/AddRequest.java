package dev.cogent.client;

import java.util.List;

/**
 * What {@link Memory#add} stores: documents for one dataset, by name (the caller's own, created
 * when missing) or by id, optionally tagged with {@code node_set} names.
 */
public record AddRequest(
    String datasetName, String datasetId, List<Upload> uploads, List<String> nodeSet) {

  public AddRequest {
    if ((datasetName == null) == (datasetId == null)) {
      throw new IllegalArgumentException("exactly one of datasetName and datasetId is required");
    }
    uploads = uploads == null ? List.of() : List.copyOf(uploads);
    nodeSet = nodeSet == null ? List.of() : List.copyOf(nodeSet);
  }

  public static AddRequest into(String datasetName, List<Upload> uploads) {
    return new AddRequest(datasetName, null, uploads, List.of());
  }

  public static AddRequest intoDatasetId(String datasetId, List<Upload> uploads) {
    return new AddRequest(null, datasetId, uploads, List.of());
  }

  public AddRequest withNodeSet(List<String> value) {
    return new AddRequest(datasetName, datasetId, uploads, value);
  }
}
