package dev.cogent.http.routes;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.memory.DataUpdate;
import dev.cogent.memory.Forget;
import dev.cogent.memory.Improve;
import dev.cogent.memory.ItemAnnotations;
import dev.cogent.memory.PipelineRun;
import dev.cogent.memory.PipelineStatus;
import dev.cogent.memory.Remember;
import dev.cogent.memory.RememberEntries;
import dev.cogent.memory.Upload;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anchor's v1.0 memory operations ({@code remember}, {@code improve}, {@code forget}) and the
 * legacy {@code delete} and {@code update}. Fields are accepted in snake_case and camelCase.
 */
public final class MemoryOperationRoutes {

  private final Forget forget;
  private final DataUpdate update;
  private final Remember remember;
  private final Improve improve;
  private final RememberEntries entries;
  private final Authentication authentication;
  private final Requests requests;
  private final Json json;

  public MemoryOperationRoutes(
      Forget forget,
      DataUpdate update,
      Remember remember,
      Improve improve,
      RememberEntries entries,
      Authentication authentication,
      Requests requests,
      Json json) {
    this.forget = forget;
    this.update = update;
    this.remember = remember;
    this.improve = improve;
    this.entries = entries;
    this.authentication = authentication;
    this.requests = requests;
    this.json = json;
  }

  record ForgetJson(
      @JsonProperty("data_id") @JsonAlias("dataId") String dataId,
      @JsonProperty("dataset") String dataset,
      @JsonProperty("dataset_id") @JsonAlias("datasetId") String datasetId,
      @JsonProperty("everything") Boolean everything,
      @JsonProperty("memory_only") @JsonAlias("memoryOnly") Boolean memoryOnly) {}

  record ImproveJson(
      @JsonProperty("extraction_tasks") @JsonAlias("extractionTasks") List<String> extractionTasks,
      @JsonProperty("enrichment_tasks") @JsonAlias("enrichmentTasks") List<String> enrichmentTasks,
      @JsonProperty("data") String data,
      @JsonProperty("dataset_name") @JsonAlias("datasetName") String datasetName,
      @JsonProperty("dataset_id") @JsonAlias("datasetId") String datasetId,
      @JsonProperty("node_name") @JsonAlias("nodeName") List<String> nodeName,
      @JsonProperty("run_in_background") @JsonAlias("runInBackground") Boolean runInBackground,
      @JsonProperty("build_global_context_index") @JsonAlias("buildGlobalContextIndex")
          Boolean buildGlobalContextIndex,
      @JsonProperty("session_ids") @JsonAlias("sessionIds") List<String> sessionIds) {}

  record RememberJson(
      @JsonProperty("data") JsonNode data,
      @JsonProperty("datasetName") @JsonAlias("dataset_name") String datasetName,
      @JsonProperty("datasetId") @JsonAlias("dataset_id") String datasetId,
      @JsonProperty("session_id") @JsonAlias("sessionId") String sessionId,
      @JsonProperty("node_set") @JsonAlias("nodeSet") List<String> nodeSet,
      @JsonProperty("run_in_background") @JsonAlias("runInBackground") Boolean runInBackground,
      @JsonProperty("custom_prompt") @JsonAlias("customPrompt") String customPrompt,
      @JsonProperty("graph_model") @JsonAlias("graphModel") JsonNode graphModel,
      @JsonProperty("chunk_size") @JsonAlias("chunkSize") Integer chunkSize,
      @JsonProperty("self_improvement") @JsonAlias("selfImprovement") Boolean selfImprovement,
      @JsonProperty("labels") JsonNode labels,
      @JsonProperty("external_metadata") @JsonAlias("externalMetadata") JsonNode externalMetadata,
      @JsonProperty("ontology_key") @JsonAlias("ontologyKey") List<String> ontologyKey,
      @JsonProperty("chunks_per_batch") @JsonAlias("chunksPerBatch") Integer chunksPerBatch) {}

  /** Fields of the anchor's skills, code and archive ingestion, which needs a content_type. */
  private static final List<String> CONTENT_TYPE_FIELDS =
      List.of("import_mode", "skills_text", "skill_name", "repositories", "index_vectors");

  /** The anchor's remember form fields (research §1.7), in both casings where it has them. */
  static final Set<String> REMEMBER_FORM_FIELDS = rememberFormFields();

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/forget", this::forget);
    routes.delete("/api/v1/delete", this::delete);
    routes.post("/api/v1/delete", this::delete);
    routes.patch("/api/v1/update", this::update);
    routes.post("/api/v1/remember", this::remember);
    routes.post("/api/v1/improve", this::improve);
    routes.post("/api/v1/remember/entry", this::rememberEntry);
  }

  record EntryJson(
      @JsonProperty("entry") Map<String, Object> entry,
      @JsonProperty("dataset_name") @JsonAlias("datasetName") String datasetName,
      @JsonProperty("dataset_id") @JsonAlias("datasetId") String datasetId,
      @JsonProperty("session_id") @JsonAlias("sessionId") String sessionId) {}

  private void rememberEntry(Context ctx) {
    EntryJson body = requests.body(ctx, EntryJson.class);
    if (body.entry() == null) {
      throw ApiException.invalid("entry", "is required");
    }
    Map<String, Object> fields = new LinkedHashMap<>(body.entry());
    Object type = fields.remove("type");
    ctx.json(
        entries.remember(
            authentication.principal(ctx),
            new RememberEntries.Request(
                type instanceof String text ? text : null,
                fields,
                body.datasetName(),
                body.datasetId(),
                body.sessionId())));
  }

  private void forget(Context ctx) {
    ForgetJson request = requests.body(ctx, ForgetJson.class);
    ctx.json(
        forget.forget(
            authentication.principal(ctx),
            new Forget.Request(
                request.dataId(),
                request.dataset(),
                request.datasetId(),
                Boolean.TRUE.equals(request.everything()),
                Boolean.TRUE.equals(request.memoryOnly()))));
  }

  private void delete(Context ctx) {
    ctx.json(
        forget.delete(
            authentication.principal(ctx),
            ctx.queryParam("data_id"),
            ctx.queryParam("dataset_id"),
            ctx.queryParam("mode"),
            "true".equalsIgnoreCase(ctx.queryParam("delete_dataset_if_empty"))));
  }

  private void update(Context ctx) {
    List<Upload> uploads = new ArrayList<>();
    List<String> nodeSet = List.of();
    if (isMultipart(ctx)) {
      uploads = uploads(ctx);
      nodeSet = ctx.formParams("node_set");
    }
    Map<String, PipelineRun> runs =
        update.update(
            authentication.principal(ctx),
            ctx.queryParam("data_id"),
            ctx.queryParam("dataset_id"),
            uploads,
            nodeSet,
            requests.scope(ctx));
    Map<String, MemoryWire.RunInfo> answer = new LinkedHashMap<>();
    runs.forEach((id, run) -> answer.put(id, MemoryWire.RunInfo.of(run, null)));
    ctx.json(answer);
  }

  private void remember(Context ctx) {
    Remember.Request request;
    if (isMultipart(ctx)) {
      requests.checkFormFields(ctx, REMEMBER_FORM_FIELDS);
      String contentType = ctx.formParam("content_type");
      if (contentType != null && !contentType.isBlank()) {
        throw ApiException.badRequest(
            "content_type '" + contentType + "' is not supported; leave it empty");
      }
      for (String field : CONTENT_TYPE_FIELDS) {
        String value = ctx.formParam(field);
        if (value != null && !value.isBlank()) {
          throw ApiException.badRequest(
              field
                  + " belongs to content_type skills, code or cogx-archive, which this server"
                  + " does not support");
        }
      }
      positive(integer(ctx.formParam("chunks_per_batch"), "chunks_per_batch"), "chunks_per_batch");
      String graphModel = ctx.formParam("graph_model");
      if (graphModel != null && !graphModel.isBlank()) {
        graphModel = checkedSchema(graphModel);
      } else {
        graphModel = null;
      }
      request =
          new Remember.Request(
              first(ctx.formParam("datasetName"), ctx.formParam("dataset_name")),
              first(ctx.formParam("datasetId"), ctx.formParam("dataset_id")),
              first(ctx.formParam("session_id"), ctx.formParam("sessionId")),
              uploads(ctx),
              ctx.formParams("node_set"),
              "true".equalsIgnoreCase(ctx.formParam("run_in_background")),
              ctx.formParam("custom_prompt"),
              graphModel,
              integer(ctx.formParam("chunk_size"), "chunk_size"),
              !"false".equalsIgnoreCase(ctx.formParam("self_improvement")),
              ItemAnnotations.parse(
                  json, ctx.formParam("labels"), ctx.formParam("external_metadata")),
              ctx.formParams("ontology_key"));
    } else {
      RememberJson body = requests.body(ctx, RememberJson.class);
      List<Upload> uploads = new ArrayList<>();
      if (body.data() != null && body.data().isTextual()) {
        uploads.add(Upload.text(body.data().asText()));
      } else if (body.data() != null && body.data().isArray()) {
        for (JsonNode item : body.data()) {
          if (!item.isTextual()) {
            throw ApiException.invalid("data", "must be a text or a list of texts");
          }
          uploads.add(Upload.text(item.asText()));
        }
      } else if (body.data() != null && !body.data().isNull()) {
        throw ApiException.invalid("data", "must be a text or a list of texts");
      }
      String graphModel =
          body.graphModel() == null || body.graphModel().isNull()
              ? null
              : checkedSchema(json.write(body.graphModel()));
      request =
          new Remember.Request(
              body.datasetName(),
              body.datasetId(),
              body.sessionId(),
              uploads,
              body.nodeSet(),
              Boolean.TRUE.equals(body.runInBackground()),
              body.customPrompt(),
              graphModel,
              body.chunkSize(),
              !Boolean.FALSE.equals(body.selfImprovement()),
              ItemAnnotations.parse(json, body.labels(), body.externalMetadata()),
              body.ontologyKey());
      positive(body.chunksPerBatch(), "chunks_per_batch");
    }
    Remember.Result result =
        remember.remember(authentication.principal(ctx), request, requests.scope(ctx));
    if (result.errored()) {
      // The anchor answers 409 with the bare result; we keep 409 but inside the one error
      // envelope, the result in its details.
      throw new ApiException(
          ErrorCode.CONFLICT,
          "the memory pipeline errored; see details.result",
          Map.of("result", json.mapper().convertValue(result, Object.class)));
    }
    ctx.json(result);
  }

  private void improve(Context ctx) {
    ImproveJson body = requests.body(ctx, ImproveJson.class);
    Map<String, PipelineRun> runs =
        improve.improve(
            authentication.principal(ctx),
            new Improve.Request(
                body.extractionTasks(),
                body.enrichmentTasks(),
                body.data(),
                body.datasetName(),
                body.datasetId(),
                body.nodeName(),
                Boolean.TRUE.equals(body.runInBackground()),
                body.sessionIds()),
            requests.scope(ctx));
    Map<String, MemoryWire.RunInfo> answer = new LinkedHashMap<>();
    boolean errored = false;
    for (var entry : runs.entrySet()) {
      answer.put(entry.getKey(), MemoryWire.RunInfo.of(entry.getValue(), null));
      errored |= entry.getValue().status() == PipelineStatus.DATASET_PROCESSING_ERRORED;
    }
    if (errored) {
      // The anchor answers 420 (not an HTTP status clients know) with the bare runs; we answer 409
      // in the one error envelope, the runs in its details.
      throw new ApiException(
          ErrorCode.CONFLICT,
          "the improve pipeline errored; see details.runs",
          Map.of("runs", json.mapper().convertValue(answer, Object.class)));
    }
    ctx.json(answer);
  }

  /** A graph model must be a JSON object (a JSON Schema); anything else is a client error. */
  private String checkedSchema(String text) {
    JsonNode node;
    try {
      node = json.mapper().readTree(text);
    } catch (IOException e) {
      throw ApiException.badRequest("graph_model is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("graph_model must be a JSON Schema object");
    }
    return node.isEmpty() ? null : json.write(node);
  }

  static List<Upload> uploads(Context ctx) {
    List<Upload> uploads = new ArrayList<>();
    for (UploadedFile file : ctx.uploadedFiles("data")) {
      try (InputStream in = file.content()) {
        uploads.add(new Upload(file.filename(), file.contentType(), in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String text : ctx.formParams("data")) {
      uploads.add(Upload.text(text));
    }
    return uploads;
  }

  static boolean isMultipart(Context ctx) {
    return ctx.contentType() != null && ctx.contentType().startsWith("multipart/form-data");
  }

  private static Set<String> rememberFormFields() {
    Set<String> fields = new HashSet<>(MemoryIngestRoutes.ADD_FORM_FIELDS);
    fields.addAll(
        List.of(
            "session_id",
            "sessionId",
            "custom_prompt",
            "chunk_size",
            "chunks_per_batch",
            "ontology_key",
            "graph_model",
            "content_type",
            "self_improvement"));
    fields.addAll(CONTENT_TYPE_FIELDS);
    return Set.copyOf(fields);
  }

  static Integer integer(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(field, "must be an integer");
    }
  }

  /** A batch size is a hint the pipeline may use; it must still make sense. */
  static void positive(Integer value, String field) {
    if (value != null && value < 1) {
      throw ApiException.invalid(field, "must be at least 1");
    }
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
