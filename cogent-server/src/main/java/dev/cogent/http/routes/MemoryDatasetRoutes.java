package dev.cogent.http.routes;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.memory.DatasetService;
import dev.cogent.memory.PipelineRun;
import dev.cogent.memory.PipelineStatus;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/datasets}: the anchor's dataset routes (research §1.3), camelCase answers. */
public final class MemoryDatasetRoutes {

  private final DatasetService datasets;
  private final Authentication authentication;
  private final Requests requests;

  public MemoryDatasetRoutes(
      DatasetService datasets, Authentication authentication, Requests requests) {
    this.datasets = datasets;
    this.authentication = authentication;
    this.requests = requests;
  }

  record CreateDataset(@JsonProperty("name") String name) {}

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/datasets", this::list);
    routes.post("/api/v1/datasets", this::create);
    routes.get("/api/v1/datasets/status", this::status);
    routes.get("/api/v1/datasets/graph-summary", this::graphSummary);
    routes.delete("/api/v1/datasets/{dataset_id}", this::delete);
    routes.get("/api/v1/datasets/{dataset_id}/data", this::listData);
    routes.delete("/api/v1/datasets/{dataset_id}/data/{data_id}", this::deleteData);
    routes.get("/api/v1/datasets/{dataset_id}/data/{data_id}/raw", this::raw);
    routes.get("/api/v1/datasets/{dataset_id}/graph", this::graph);
  }

  private void list(Context ctx) {
    ctx.json(
        datasets.list(authentication.principal(ctx)).stream()
            .map(MemoryWire.DatasetDto::of)
            .toList());
  }

  private void create(Context ctx) {
    var request = requests.body(ctx, CreateDataset.class);
    ctx.json(
        MemoryWire.DatasetDto.of(datasets.create(authentication.principal(ctx), request.name())));
  }

  private void delete(Context ctx) {
    datasets.delete(authentication.principal(ctx), ctx.pathParam("dataset_id"));
    ctx.json(Map.of("status", "success", "dataset_id", ctx.pathParam("dataset_id")));
  }

  private void listData(Context ctx) {
    ctx.json(
        datasets.listData(authentication.principal(ctx), ctx.pathParam("dataset_id")).stream()
            .map(MemoryWire.DataDto::of)
            .toList());
  }

  private void deleteData(Context ctx) {
    datasets.deleteData(
        authentication.principal(ctx), ctx.pathParam("dataset_id"), ctx.pathParam("data_id"));
    ctx.json(
        Map.of(
            "status", "success",
            "dataset_id", ctx.pathParam("dataset_id"),
            "data_id", ctx.pathParam("data_id")));
  }

  private void raw(Context ctx) {
    var raw =
        datasets.raw(
            authentication.principal(ctx), ctx.pathParam("dataset_id"), ctx.pathParam("data_id"));
    ctx.contentType(raw.item().mimeType());
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + raw.item().name().replaceAll("[\"\\\\\\r\\n]", "_") + "\"");
    try {
      ctx.result(Files.readAllBytes(raw.file()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void graph(Context ctx) {
    ctx.json(
        MemoryWire.GraphDto.of(
            datasets.graph(authentication.principal(ctx), ctx.pathParam("dataset_id"))));
  }

  /**
   * One pipeline: {@code {"<dataset_id>": "<status>"}}; several: {@code {"<dataset_id>":
   * {"<pipeline>": "<status>"}}}. Defaults to {@code cognify_pipeline}.
   */
  private void status(Context ctx) {
    List<String> pipelines = ctx.queryParams("pipeline");
    if (pipelines.isEmpty()) {
      pipelines = List.of(PipelineRun.COGNIFY);
    }
    Map<String, Map<String, PipelineStatus>> statuses =
        datasets.statuses(authentication.principal(ctx), ctx.queryParams("dataset"), pipelines);
    Map<String, Object> answer = new LinkedHashMap<>();
    for (var entry : statuses.entrySet()) {
      if (pipelines.size() == 1) {
        PipelineStatus status = entry.getValue().get(pipelines.get(0));
        if (status != null) {
          answer.put(entry.getKey(), status.name());
        }
      } else {
        answer.put(entry.getKey(), entry.getValue());
      }
    }
    ctx.json(answer);
  }

  private void graphSummary(Context ctx) {
    List<String> ids = ctx.queryParams("dataset_ids");
    ctx.json(
        datasets.graphSummaries(authentication.principal(ctx), ids).stream()
            .map(
                s -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("datasetId", s.datasetId());
                  row.put("pipelineRunId", s.pipelineRunId());
                  row.put("numNodes", s.numNodes());
                  row.put("numEdges", s.numEdges());
                  row.put("computedAt", s.computedAt());
                  return row;
                })
            .toList());
  }
}
