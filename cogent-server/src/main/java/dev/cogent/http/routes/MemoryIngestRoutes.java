package dev.cogent.http.routes;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.identity.Principal;
import dev.cogent.memory.Cognify;
import dev.cogent.memory.Dataset;
import dev.cogent.memory.Ingestion;
import dev.cogent.memory.ItemAnnotations;
import dev.cogent.memory.Ontologies;
import dev.cogent.memory.PipelineRun;
import dev.cogent.memory.Upload;
import dev.cogent.memory.cognify.ExtractionPrompt;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/add} (multipart as the anchor, or JSON with text) and {@code POST
 * /api/v1/cognify} with {@code GET /api/v1/cognify/runs/{id}} to poll a background run. Request
 * fields are accepted in snake_case and camelCase, as the anchor does.
 */
public final class MemoryIngestRoutes {

  private final Ingestion ingestion;
  private final Cognify cognify;
  private final Authentication authentication;
  private final Requests requests;
  private final Json json;

  public MemoryIngestRoutes(
      Ingestion ingestion,
      Cognify cognify,
      Authentication authentication,
      Requests requests,
      Json json) {
    this.ingestion = ingestion;
    this.cognify = cognify;
    this.authentication = authentication;
    this.requests = requests;
    this.json = json;
  }

  /** {@code POST /api/v1/add} as JSON: {@code data} is one text or a list of texts. */
  record AddJson(
      @JsonProperty("data") JsonNode data,
      @JsonProperty("datasetName") @JsonAlias("dataset_name") String datasetName,
      @JsonProperty("datasetId") @JsonAlias("dataset_id") String datasetId,
      @JsonProperty("node_set") @JsonAlias("nodeSet") List<String> nodeSet,
      @JsonProperty("run_in_background") @JsonAlias("runInBackground") Boolean runInBackground,
      @JsonProperty("labels") JsonNode labels,
      @JsonProperty("external_metadata") @JsonAlias("externalMetadata")
          JsonNode externalMetadata) {}

  /** The anchor's add form fields (research §1.4), in both casings where it has them. */
  static final Set<String> ADD_FORM_FIELDS =
      Set.of(
          "data",
          "datasetName",
          "dataset_name",
          "datasetId",
          "dataset_id",
          "node_set",
          "run_in_background",
          "labels",
          "external_metadata");

  record CognifyJson(
      @JsonProperty("datasets") List<String> datasets,
      @JsonProperty("dataset_ids") @JsonAlias("datasetIds") List<String> datasetIds,
      @JsonProperty("run_in_background") @JsonAlias("runInBackground") Boolean runInBackground,
      @JsonProperty("graph_model") @JsonAlias("graphModel") JsonNode graphModel,
      @JsonProperty("custom_prompt") @JsonAlias("customPrompt") String customPrompt,
      @JsonProperty("chunk_size") @JsonAlias("chunkSize") Integer chunkSize,
      @JsonProperty("ontology_key") @JsonAlias("ontologyKey") List<String> ontologyKey,
      @JsonProperty("chunks_per_batch") @JsonAlias("chunksPerBatch") Integer chunksPerBatch,
      @JsonProperty("data_per_batch") @JsonAlias("dataPerBatch") Integer dataPerBatch) {}

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/add", this::add);
    routes.post("/api/v1/cognify", this::cognify);
    routes.get("/api/v1/cognify/runs/{pipeline_run_id}", this::run);
  }

  private void add(Context ctx) {
    Principal caller = authentication.principal(ctx);
    String contentType = ctx.contentType() == null ? "" : ctx.contentType();
    List<Upload> uploads = new ArrayList<>();
    String datasetName;
    String datasetId;
    List<String> nodeSet;
    ItemAnnotations annotations;
    if (contentType.startsWith("multipart/form-data")) {
      requests.checkFormFields(ctx, ADD_FORM_FIELDS);
      uploads.addAll(MemoryOperationRoutes.uploads(ctx));
      datasetName = first(ctx.formParam("datasetName"), ctx.formParam("dataset_name"));
      datasetId = first(ctx.formParam("datasetId"), ctx.formParam("dataset_id"));
      nodeSet = ctx.formParams("node_set");
      annotations =
          ItemAnnotations.parse(json, ctx.formParam("labels"), ctx.formParam("external_metadata"));
    } else {
      AddJson request = requests.body(ctx, AddJson.class);
      if (request.data() != null && request.data().isTextual()) {
        uploads.add(Upload.text(request.data().asText()));
      } else if (request.data() != null && request.data().isArray()) {
        for (JsonNode item : request.data()) {
          if (!item.isTextual()) {
            throw ApiException.invalid("data", "must be a text or a list of texts");
          }
          uploads.add(Upload.text(item.asText()));
        }
      } else if (request.data() != null && !request.data().isNull()) {
        throw ApiException.invalid("data", "must be a text or a list of texts");
      }
      datasetName = request.datasetName();
      datasetId = request.datasetId();
      nodeSet = request.nodeSet();
      annotations = ItemAnnotations.parse(json, request.labels(), request.externalMetadata());
    }
    ingestion.checkSize(uploads);
    Dataset dataset = ingestion.target(caller, datasetName, datasetId);
    Ingestion.Added added = ingestion.add(caller, dataset, uploads, nodeSet, annotations);
    ctx.json(MemoryWire.RunInfo.of(added.run(), added.items()));
  }

  private void cognify(Context ctx) {
    CognifyJson request = requests.body(ctx, CognifyJson.class);
    Ontologies.check(request.ontologyKey());
    MemoryOperationRoutes.positive(request.chunksPerBatch(), "chunks_per_batch");
    MemoryOperationRoutes.positive(request.dataPerBatch(), "data_per_batch");
    String schema =
        request.graphModel() == null
                || request.graphModel().isNull()
                || (request.graphModel().isObject() && request.graphModel().isEmpty())
            ? null
            : json.write(request.graphModel());
    String prompt =
        request.customPrompt() == null || request.customPrompt().isBlank()
            ? null
            : request.customPrompt();
    Map<String, PipelineRun> runs =
        cognify.cognify(
            authentication.principal(ctx),
            request.datasets(),
            request.datasetIds(),
            new Cognify.Options(
                Boolean.TRUE.equals(request.runInBackground()),
                request.chunkSize(),
                new ExtractionPrompt(prompt, schema)),
            requests.scope(ctx));
    Map<String, MemoryWire.RunInfo> answer = new LinkedHashMap<>();
    runs.forEach((id, run) -> answer.put(id, MemoryWire.RunInfo.of(run, null)));
    ctx.json(answer);
  }

  private void run(Context ctx) {
    ctx.json(
        MemoryWire.RunInfo.of(
            cognify.getRun(authentication.principal(ctx), ctx.pathParam("pipeline_run_id")), null));
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
