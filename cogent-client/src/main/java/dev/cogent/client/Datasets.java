package dev.cogent.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Memory datasets ({@code /api/v1/datasets}). Obtain it from {@link CogentClient#datasets()}.
 * Thread-safe. Every call needs the matching dataset permission: 403 {@code FORBIDDEN} when it is
 * missing, 404 {@code NOT_FOUND} for an unknown dataset or data item.
 */
public final class Datasets {

  private final Transport transport;

  Datasets(Transport transport) {
    this.transport = transport;
  }

  /** The datasets the caller may read. */
  public List<Dataset> list() {
    return transport.call("GET", "/api/v1/datasets", null, new TypeReference<>() {});
  }

  /** Creates the caller's dataset {@code name}, or returns the one that exists (idempotent). */
  public Dataset create(String name) {
    return transport.call("POST", "/api/v1/datasets", Map.of("name", name), Dataset.class);
  }

  /** Deletes the dataset with its documents, graph and index (needs {@code delete}). */
  public void delete(String datasetId) {
    transport.call("DELETE", path(datasetId), null, Void.class);
  }

  /** The dataset's documents. */
  public List<DataItem> data(String datasetId) {
    return transport.call("GET", path(datasetId) + "/data", null, new TypeReference<>() {});
  }

  /** Deletes one document and what only it produced. */
  public void deleteData(String datasetId, String dataId) {
    transport.call(
        "DELETE", path(datasetId) + "/data/" + Transport.encode(dataId), null, Void.class);
  }

  /** The document's bytes as they were added. */
  public byte[] raw(String datasetId, String dataId) {
    return transport.callBytes(path(datasetId) + "/data/" + Transport.encode(dataId) + "/raw");
  }

  /**
   * The cognify status of each dataset, by id: {@code DATASET_PROCESSING_INITIATED}, {@code
   * _STARTED}, {@code _COMPLETED} or {@code _ERRORED}; a dataset never cognified is absent.
   */
  public Map<String, String> status(List<String> datasetIds) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    datasetIds.forEach(id -> query.add("dataset=" + Transport.encode(id)));
    return transport.call("GET", "/api/v1/datasets/status" + query, null, new TypeReference<>() {});
  }

  /** The knowledge graph: every node and edge of the dataset. */
  public DatasetGraph graph(String datasetId) {
    return transport.call("GET", path(datasetId) + "/graph", null, DatasetGraph.class);
  }

  /**
   * The caller's dataset named {@code nameOrId}, else the readable dataset with that id.
   *
   * @throws CogentException {@code NOT_FOUND} (404, raised here) when neither exists
   */
  public Dataset get(String nameOrId) {
    List<Dataset> all = list();
    return all.stream()
        .filter(dataset -> dataset.name().equals(nameOrId))
        .findFirst()
        .or(() -> all.stream().filter(dataset -> dataset.id().equals(nameOrId)).findFirst())
        .orElseThrow(
            () ->
                new CogentException(
                    404,
                    "NOT_FOUND",
                    "dataset not found: " + nameOrId,
                    Map.of("resource", "dataset", "id", nameOrId),
                    null));
  }

  private static String path(String datasetId) {
    return "/api/v1/datasets/" + Transport.encode(datasetId);
  }
}
