package dev.cogent.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.ApiException;
import dev.cogent.identity.Principal;
import dev.cogent.memory.cognify.ExtractionPrompt;
import dev.cogent.scope.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code remember} (research §1.7): add, cognify and improve in one call; with a session id the
 * text is kept as session memory and a background improve bridges it into the graph. Thread-safe.
 */
public final class Remember {

  private final Ingestion ingestion;
  private final Cognify cognify;
  private final Improve improve;
  private final MemoryStorage storage;
  private final InstantSource clock;

  public Remember(
      Ingestion ingestion,
      Cognify cognify,
      Improve improve,
      MemoryStorage storage,
      InstantSource clock) {
    this.ingestion = ingestion;
    this.cognify = cognify;
    this.improve = improve;
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * The anchor's remember fields that Cogent uses.
   *
   * @param graphModel a JSON Schema as text, or null
   * @param selfImprovement whether improve runs after cognify (the anchor's default: true)
   * @param annotations the per-file labels and external metadata
   * @param ontologyKeys the anchor's {@code ontology_key}; see {@link Ontologies}
   */
  public record Request(
      String datasetName,
      String datasetId,
      String sessionId,
      List<Upload> uploads,
      List<String> nodeSet,
      boolean runInBackground,
      String customPrompt,
      String graphModel,
      Integer chunkSize,
      boolean selfImprovement,
      ItemAnnotations annotations,
      List<String> ontologyKeys) {

    public Request {
      annotations = annotations == null ? ItemAnnotations.NONE : annotations;
      ontologyKeys = ontologyKeys == null ? List.of() : List.copyOf(ontologyKeys);
    }
  }

  /** The anchor's {@code RememberResult.to_dict()}: snake_case, absent fields left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(
      @JsonProperty("status") String status,
      @JsonProperty("dataset_name") String datasetName,
      @JsonProperty("dataset_id") String datasetId,
      @JsonProperty("pipeline_run_id") String pipelineRunId,
      @JsonProperty("items_processed") int itemsProcessed,
      @JsonProperty("elapsed_seconds") double elapsedSeconds,
      @JsonProperty("session_ids") List<String> sessionIds,
      @JsonProperty("content_hash") String contentHash,
      @JsonProperty("items") List<Item> items,
      @JsonProperty("entry_type") String entryType,
      @JsonProperty("entry_id") String entryId,
      @JsonProperty("error") String error) {

    public boolean errored() {
      return "errored".equals(status);
    }
  }

  /** One stored data item. */
  public record Item(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("content_hash") String contentHash,
      @JsonProperty("token_count") Integer tokenCount,
      @JsonProperty("mime_type") String mimeType,
      @JsonProperty("data_size") long dataSize) {}

  /**
   * @throws ApiException 400 without a dataset, for session memory that is not text or has labels
   *     or metadata, for annotations that are not one per file; 409 for an ontology key; 422
   *     without data, 404/403 for the dataset
   */
  public Result remember(Principal caller, Request request, Scope scope) {
    Instant started = clock.instant();
    Ontologies.check(request.ontologyKeys());
    ingestion.checkSize(request.uploads());
    Dataset dataset = ingestion.target(caller, request.datasetName(), request.datasetId());
    if (Forget.present(request.sessionId())) {
      if (!request.annotations().equals(ItemAnnotations.NONE)) {
        // As the anchor: session memory is no data item, so there is nothing to label.
        throw ApiException.badRequest("labels and external_metadata cannot go with session_id");
      }
      return toSession(caller, dataset, request, scope, started);
    }
    Ingestion.Added added =
        ingestion.add(caller, dataset, request.uploads(), request.nodeSet(), request.annotations());
    Cognify.Options options =
        new Cognify.Options(
            request.runInBackground(),
            request.chunkSize(),
            new ExtractionPrompt(blankToNull(request.customPrompt()), request.graphModel()));
    PipelineRun run =
        cognify
            .start(
                List.of(dataset),
                options,
                scope,
                finished -> {
                  if (request.selfImprovement()
                      && finished.status() == PipelineStatus.DATASET_PROCESSING_COMPLETED) {
                    improve.afterRemember(caller, dataset, List.of(), false, scope);
                  }
                })
            .get(dataset.id());
    List<Item> items = new ArrayList<>();
    for (DataItem stored : added.items()) {
      DataItem item = storage.data().find(dataset.id(), stored.id()).orElse(stored);
      items.add(
          new Item(
              item.id(),
              item.name(),
              item.contentHash(),
              item.tokenCount(),
              item.mimeType(),
              item.dataSize()));
    }
    String status =
        switch (run.status()) {
          case DATASET_PROCESSING_COMPLETED -> "completed";
          case DATASET_PROCESSING_ERRORED -> "errored";
          default -> "running";
        };
    return new Result(
        status,
        dataset.name(),
        dataset.id(),
        run.id(),
        items.size(),
        seconds(started),
        null,
        items.size() == 1 ? items.get(0).contentHash() : null,
        items,
        null,
        null,
        run.error());
  }

  private Result toSession(
      Principal caller, Dataset dataset, Request request, Scope scope, Instant started) {
    if (request.uploads().isEmpty()) {
      throw ApiException.invalid("data", "must hold at least one text");
    }
    StringBuilder text = new StringBuilder();
    for (Upload upload : request.uploads()) {
      String type = upload.contentType() == null ? "" : upload.contentType();
      if (!type.isEmpty() && !type.startsWith("text/")) {
        throw ApiException.badRequest("Session memory takes text only, not " + type);
      }
      text.append(new String(upload.bytes(), StandardCharsets.UTF_8).strip()).append("\n\n");
    }
    String sessionId = request.sessionId().strip();
    SessionEntry entry =
        new SessionEntry(
            UUID.randomUUID().toString(),
            dataset.id(),
            sessionId,
            caller.requireUserId(),
            text.toString().strip(),
            false,
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    storage.sessions().insert(entry);
    PipelineRun run = improve.afterRemember(caller, dataset, List.of(sessionId), true, scope);
    return new Result(
        "session_stored",
        dataset.name(),
        dataset.id(),
        run.id(),
        1,
        seconds(started),
        List.of(sessionId),
        null,
        null,
        "text",
        entry.id(),
        null);
  }

  private double seconds(Instant started) {
    return Duration.between(started, clock.instant()).toMillis() / 1000.0;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
