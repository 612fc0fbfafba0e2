package dev.cogent.memory;

import dev.cogent.ApiException;
import dev.cogent.identity.Permission;
import dev.cogent.identity.Principal;
import dev.cogent.memory.ingest.DocumentType;
import dev.cogent.scope.Scope;
import java.util.List;
import java.util.Map;

/**
 * The legacy {@code PATCH /api/v1/update}: replaces one data item by new files (what only the old
 * item produced is forgotten), then cognifies the dataset. Needs {@code delete} and {@code write}.
 * Thread-safe.
 */
public final class DataUpdate {

  private final DatasetService datasetService;
  private final DatasetResolver resolver;
  private final Ingestion ingestion;
  private final Cognify cognify;
  private final MemoryStorage storage;

  public DataUpdate(
      DatasetService datasetService,
      DatasetResolver resolver,
      Ingestion ingestion,
      Cognify cognify,
      MemoryStorage storage) {
    this.datasetService = datasetService;
    this.resolver = resolver;
    this.ingestion = ingestion;
    this.cognify = cognify;
    this.storage = storage;
  }

  /**
   * @return the cognify run of the dataset, by dataset id
   * @throws ApiException 422 without ids or files, 404 unknown dataset or item, 403 without {@code
   *     delete} and {@code write}
   */
  public Map<String, PipelineRun> update(
      Principal caller,
      String dataId,
      String datasetId,
      List<Upload> uploads,
      List<String> nodeSet,
      Scope scope) {
    if (!Forget.present(dataId)) {
      throw ApiException.invalid("data_id", "is required");
    }
    if (!Forget.present(datasetId)) {
      throw ApiException.invalid("dataset_id", "is required");
    }
    if (uploads.isEmpty()) {
      throw ApiException.invalid("data", "must hold at least one file");
    }
    ingestion.checkSize(uploads);
    for (Upload upload : uploads) {
      if (DocumentType.detect(upload.fileName(), upload.contentType()).isEmpty()) {
        // Checked before the old item goes, so that a bad file changes nothing.
        ingestion.add(caller, null, List.of(upload), nodeSet);
      }
    }
    Dataset dataset = resolver.get(caller, datasetId.strip(), Permission.WRITE);
    resolver.get(caller, dataset.id(), Permission.DELETE);
    storage
        .data()
        .find(dataset.id(), dataId.strip())
        .orElseThrow(() -> ApiException.notFound("data", dataId));
    datasetService.deleteData(caller, dataset.id(), dataId.strip());
    ingestion.add(caller, dataset, uploads, nodeSet);
    return cognify.start(List.of(dataset), new Cognify.Options(false, null, null), scope);
  }
}
