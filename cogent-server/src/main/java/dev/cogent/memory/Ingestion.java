package dev.cogent.memory;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.identity.Permission;
import dev.cogent.identity.Principal;
import dev.cogent.memory.ingest.DocumentType;
import dev.cogent.observability.PipelineAttributes;
import dev.cogent.observability.PipelineTracer;
import dev.cogent.observability.TraceSpan;
import dev.cogent.settings.MemorySettings;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code add}: stores files as data items of a dataset (created for the caller when named and
 * absent). Content already in the dataset (same SHA-256) is not stored twice: the existing item is
 * returned. Each call is recorded as a completed {@code add_pipeline} run. Thread-safe.
 */
public final class Ingestion {

  static final int MAX_NODE_SET = 200;

  private final DatasetService datasetService;
  private final DatasetResolver resolver;
  private final DataRepository data;
  private final PipelineRunRepository runs;
  private final RawFiles raw;
  private final PipelineTracer tracer;
  private final MemorySettings limits;
  private final InstantSource clock;

  public Ingestion(
      DatasetService datasetService,
      DatasetResolver resolver,
      MemoryStorage storage,
      MemorySettings limits,
      PipelineTracer tracer,
      InstantSource clock) {
    this.datasetService = datasetService;
    this.resolver = resolver;
    this.data = storage.data();
    this.runs = storage.runs();
    this.raw = storage.raw();
    this.tracer = tracer;
    this.limits = limits;
    this.clock = clock;
  }

  /** What an {@code add} stored. */
  public record Added(Dataset dataset, PipelineRun run, List<DataItem> items) {}

  /**
   * The dataset an add or remember writes to: by id (which may be shared with the caller, who needs
   * {@code write}), else the caller's own dataset of that name, created when absent.
   *
   * @throws ApiException 400 when neither is given, 404/403 for an id
   */
  public Dataset target(Principal caller, String datasetName, String datasetId) {
    if (datasetId != null && !datasetId.isBlank()) {
      return resolver.get(caller, datasetId.strip(), Permission.WRITE);
    }
    if (datasetName != null && !datasetName.isBlank()) {
      Dataset dataset = datasetService.create(caller, datasetName);
      resolver.get(caller, dataset.id(), Permission.WRITE);
      return dataset;
    }
    throw ApiException.badRequest("Either datasetId or datasetName must be provided.");
  }

  /**
   * Refuses a request whose files and texts exceed {@code memory.max_upload_files} or {@code
   * memory.max_upload_bytes} (counted together). Callers check before they store anything, even a
   * dataset.
   *
   * @throws ApiException 413 {@code PAYLOAD_TOO_LARGE}, naming the setting and its value
   */
  public void checkSize(List<Upload> uploads) {
    if (uploads.size() > limits.maxUploadFiles()) {
      throw new ApiException(
          ErrorCode.PAYLOAD_TOO_LARGE,
          uploads.size()
              + " files and texts in one request; memory.max_upload_files allows "
              + limits.maxUploadFiles(),
          Map.of("setting", "memory.max_upload_files", "limit", limits.maxUploadFiles()));
    }
    long bytes = uploads.stream().mapToLong(upload -> upload.bytes().length).sum();
    if (bytes > limits.maxUploadBytes()) {
      throw new ApiException(
          ErrorCode.PAYLOAD_TOO_LARGE,
          bytes
              + " bytes of files and texts in one request; memory.max_upload_bytes allows "
              + limits.maxUploadBytes(),
          Map.of("setting", "memory.max_upload_bytes", "limit", limits.maxUploadBytes()));
    }
  }

  /**
   * Stores the uploads in the dataset.
   *
   * @throws ApiException 422 without files, for a blank or too long tag; 415 for an unsupported
   *     file type; 413 over the limits of {@link #checkSize}
   */
  public Added add(Principal caller, Dataset dataset, List<Upload> uploads, List<String> nodeSet) {
    return add(caller, dataset, uploads, nodeSet, ItemAnnotations.NONE);
  }

  /**
   * Stores the uploads in the dataset, each new data item with its label and external metadata. An
   * upload whose content the dataset already holds keeps the existing item as it is.
   *
   * @throws ApiException as {@link #add(Principal, Dataset, List, List)}; 400 when the annotations
   *     are not one per upload
   */
  public Added add(
      Principal caller,
      Dataset dataset,
      List<Upload> uploads,
      List<String> nodeSet,
      ItemAnnotations annotations) {
    if (uploads.isEmpty()) {
      throw ApiException.invalid("data", "must hold at least one file or text");
    }
    annotations.check(uploads.size());
    checkSize(uploads);
    List<String> tags = tags(nodeSet);
    Instant started = now();
    String runId = UUID.randomUUID().toString();
    List<DataItem> items;
    try (TraceSpan span =
        tracer.startRun(
            new PipelineAttributes(
                runId, PipelineRun.ADD, dataset.id(), dataset.ownerId(), dataset.tenantId()))) {
      items = tracer.step("store_data", () -> store(caller, dataset, uploads, tags, annotations));
      span.attribute("cogent.processed_items", items.size()).outcome(PipelineTracer.COMPLETED);
    }
    Instant finished = now();
    PipelineRun run =
        new PipelineRun(
            runId,
            dataset.id(),
            dataset.name(),
            dataset.ownerId(),
            PipelineRun.ADD,
            PipelineStatus.DATASET_PROCESSING_COMPLETED,
            items.size(),
            items.size(),
            null,
            null,
            started,
            finished,
            finished);
    runs.insert(run);
    return new Added(dataset, run, items);
  }

  /**
   * Stores the uploads not yet in the dataset, in one transaction (a transaction per file held
   * {@code add} to a few dozen files a second), and answers the data item of each upload, in order.
   * Every type is checked first, so that an unsupported file stores nothing.
   */
  private List<DataItem> store(
      Principal caller,
      Dataset dataset,
      List<Upload> uploads,
      List<String> tags,
      ItemAnnotations annotations) {
    List<DocumentType> types = uploads.stream().map(Ingestion::type).toList();
    List<String> hashes = uploads.stream().map(upload -> sha256(upload.bytes())).toList();
    Map<String, DataItem> byHash = new HashMap<>(data.findByHashes(dataset.id(), hashes));
    List<DataItem> fresh = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      if (!byHash.containsKey(hashes.get(i))) {
        DataItem item =
            newItem(
                caller,
                dataset,
                uploads.get(i),
                types.get(i),
                hashes.get(i),
                tags,
                annotations.label(i),
                annotations.metadata(i));
        byHash.put(item.contentHash(), item);
        fresh.add(item);
      }
    }
    for (DataItem lost : data.insertAll(fresh)) {
      // The same content arrived through another request meanwhile: answer that item.
      raw.delete(lost.rawLocation());
      byHash.put(
          lost.contentHash(), data.findByHash(dataset.id(), lost.contentHash()).orElseThrow());
    }
    return hashes.stream().map(byHash::get).toList();
  }

  private static DocumentType type(Upload upload) {
    return DocumentType.detect(upload.fileName(), upload.contentType())
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported file type: "
                        + upload.fileName()
                        + "; supported: "
                        + DocumentType.supported(),
                    Map.of("file", upload.fileName())));
  }

  private DataItem newItem(
      Principal caller,
      Dataset dataset,
      Upload upload,
      DocumentType type,
      String hash,
      List<String> tags,
      String label,
      Map<String, Object> metadata) {
    String id = UUID.randomUUID().toString();
    String location = raw.write(dataset.id(), id, type.extension(), upload.bytes());
    Instant now = now();
    return new DataItem(
        id,
        dataset.id(),
        upload.fileName(),
        type.extension(),
        type.mimeType(),
        hash,
        upload.bytes().length,
        location,
        tags,
        label,
        metadata,
        caller.userId(),
        DataStatus.PENDING,
        null,
        now,
        now);
  }

  static List<String> tags(List<String> nodeSet) {
    LinkedHashSet<String> tags = new LinkedHashSet<>();
    for (String tag : nodeSet == null ? List.<String>of() : nodeSet) {
      if (tag == null || tag.isBlank()) {
        continue;
      }
      if (tag.strip().length() > MAX_NODE_SET) {
        throw ApiException.invalid(
            "node_set", "tags must be at most " + MAX_NODE_SET + " characters");
      }
      tags.add(tag.strip());
    }
    return List.copyOf(tags);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
