package dev.cogent.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.ApiException;
import dev.cogent.identity.Permission;
import dev.cogent.identity.Principal;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code forget} and the legacy {@code delete} of the anchor (research §1.7, §3.7): one data item,
 * a dataset, everything the caller owns, or only the derived memory (graph, index, session entries)
 * keeping data items and raw files so that the next cognify rebuilds it. Every removal needs {@code
 * delete} on the dataset. Thread-safe.
 */
public final class Forget {

  static final String INVALID = "Invalid request parameters. ";

  private final DatasetService datasetService;
  private final DatasetResolver resolver;
  private final MemoryStorage storage;
  private final Cognify cognify;
  private final InstantSource clock;

  public Forget(
      DatasetService datasetService,
      DatasetResolver resolver,
      MemoryStorage storage,
      Cognify cognify,
      InstantSource clock) {
    this.datasetService = datasetService;
    this.resolver = resolver;
    this.storage = storage;
    this.cognify = cognify;
    this.clock = clock;
  }

  /** The anchor's forget fields. */
  public record Request(
      String dataId, String dataset, String datasetId, boolean everything, boolean memoryOnly) {}

  /** The anchor's forget answer (snake_case; absent fields are left out). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(
      @JsonProperty("status") String status,
      @JsonProperty("datasets_removed") Integer datasetsRemoved,
      @JsonProperty("dataset_id") String datasetId,
      @JsonProperty("data_id") String dataId,
      @JsonProperty("memory_only") Boolean memoryOnly,
      @JsonProperty("data_items_reset") Integer dataItemsReset,
      @JsonProperty("nodes_removed") Long nodesRemoved,
      @JsonProperty("edges_removed") Long edgesRemoved,
      @JsonProperty("chunks_removed") Long chunksRemoved,
      @JsonProperty("dataset_deleted") Boolean datasetDeleted) {

    static Result of(String datasetId, String dataId) {
      return new Result("success", null, datasetId, dataId, null, null, null, null, null, null);
    }
  }

  /**
   * @throws ApiException 422 for an invalid combination, 404 unknown dataset or item, 403 without
   *     {@code delete}
   */
  public Result forget(Principal caller, Request request) {
    boolean named = present(request.dataset()) || present(request.datasetId());
    if (request.everything()) {
      if (named || present(request.dataId()) || request.memoryOnly()) {
        throw ApiException.invalid(
            "everything", INVALID + "everything cannot be combined with other fields");
      }
      int removed = datasetService.deleteOwned(caller);
      return new Result("success", removed, null, null, null, null, null, null, null, null);
    }
    if (present(request.dataset()) && present(request.datasetId())) {
      throw ApiException.invalid("dataset", INVALID + "give dataset or dataset_id, not both");
    }
    if (!named) {
      String field =
          present(request.dataId()) ? "data_id" : request.memoryOnly() ? "memory_only" : "dataset";
      throw ApiException.invalid(
          field, INVALID + "name a dataset (dataset or dataset_id) or set everything");
    }
    Dataset dataset = dataset(caller, request.dataset(), request.datasetId());
    if (present(request.dataId())) {
      DataItem item = item(dataset, request.dataId());
      if (request.memoryOnly()) {
        return withLock(dataset, () -> forgetItemMemory(dataset, item));
      }
      datasetService.deleteData(caller, dataset.id(), item.id());
      return Result.of(dataset.id(), item.id());
    }
    if (request.memoryOnly()) {
      return withLock(dataset, () -> forgetDatasetMemory(dataset));
    }
    datasetService.delete(caller, dataset.id());
    return Result.of(dataset.id(), null);
  }

  /**
   * The legacy {@code DELETE /api/v1/delete}: one data item, removing what only it produced ({@code
   * soft} and {@code hard} both do, as provenance tells which elements are exclusive to the item);
   * the dataset too when it is then empty and {@code deleteDatasetIfEmpty}.
   */
  public Result delete(
      Principal caller,
      String dataId,
      String datasetId,
      String mode,
      boolean deleteDatasetIfEmpty) {
    if (!present(dataId)) {
      throw ApiException.invalid("data_id", "is required");
    }
    if (!present(datasetId)) {
      throw ApiException.invalid("dataset_id", "is required");
    }
    String checkedMode = mode == null ? "soft" : mode.strip().toLowerCase(Locale.ROOT);
    if (!checkedMode.equals("soft") && !checkedMode.equals("hard")) {
      throw ApiException.invalid("mode", "must be soft or hard");
    }
    datasetService.deleteData(caller, datasetId.strip(), dataId.strip());
    boolean deleted = false;
    if (deleteDatasetIfEmpty && storage.data().listByDataset(datasetId.strip()).isEmpty()) {
      datasetService.delete(caller, datasetId.strip());
      deleted = true;
    }
    return new Result(
        "success", null, datasetId.strip(), dataId.strip(), null, null, null, null, null, deleted);
  }

  private Result forgetItemMemory(Dataset dataset, DataItem item) {
    DerivedElements removed = datasetService.forgetDerived(item);
    storage
        .data()
        .updateStatus(
            item.id(), DataStatus.PENDING, null, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    return new Result(
        "success",
        null,
        dataset.id(),
        item.id(),
        true,
        1,
        (long) removed.nodeIds().size(),
        (long) removed.edgeIds().size(),
        (long) removed.chunkIds().size(),
        null);
  }

  private Result forgetDatasetMemory(Dataset dataset) {
    long nodes = storage.graph().countNodes(dataset.id());
    long edges = storage.graph().countEdges(dataset.id());
    long chunks = storage.graph().countChunks(dataset.id());
    int items = storage.data().listByDataset(dataset.id()).size();
    datasetService.forgetMemory(dataset);
    return new Result("success", null, dataset.id(), null, true, items, nodes, edges, chunks, null);
  }

  private Dataset dataset(Principal caller, String name, String id) {
    if (present(id)) {
      return resolver.get(caller, id.strip(), Permission.DELETE);
    }
    List<Dataset> named =
        resolver.resolve(caller, List.of(name.strip()), List.of(), Permission.DELETE);
    return named.get(0);
  }

  private DataItem item(Dataset dataset, String dataId) {
    return storage
        .data()
        .find(dataset.id(), dataId.strip())
        .orElseThrow(() -> ApiException.notFound("data", dataId));
  }

  private <T> T withLock(Dataset dataset, java.util.function.Supplier<T> work) {
    var lock = cognify.lock(dataset.id());
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
