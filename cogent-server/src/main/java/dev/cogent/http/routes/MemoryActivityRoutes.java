package dev.cogent.http.routes;

import dev.cogent.http.Authentication;
import dev.cogent.identity.User;
import dev.cogent.identity.UserService;
import dev.cogent.memory.MemoryActivity;
import dev.cogent.memory.PipelineRun;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory routes of {@code /api/v1/activity}: {@code pipeline-runs} and {@code
 * export/{dataset_id}} (the other activity routes belong to identity). snake_case answers, as the
 * anchor.
 */
public final class MemoryActivityRoutes {

  private final MemoryActivity activity;
  private final UserService users;
  private final Authentication authentication;

  public MemoryActivityRoutes(
      MemoryActivity activity, UserService users, Authentication authentication) {
    this.activity = activity;
    this.users = users;
    this.authentication = authentication;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/activity/pipeline-runs", this::pipelineRuns);
    routes.get("/api/v1/activity/export/{dataset_id}", this::export);
  }

  private void pipelineRuns(Context ctx) {
    List<PipelineRun> runs =
        activity.recentRuns(authentication.principal(ctx), ctx.queryParam("dataset_id"));
    Map<String, String> emails = new HashMap<>();
    ctx.json(
        runs.stream()
            .map(
                run -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("id", run.id());
                  row.put("pipeline_name", run.pipelineName());
                  row.put("status", run.status().name());
                  row.put("dataset_id", run.datasetId());
                  row.put("dataset_name", run.datasetName());
                  row.put("owner_id", run.ownerId());
                  row.put(
                      "owner_email",
                      emails.computeIfAbsent(
                          run.ownerId(), id -> users.find(id).map(User::email).orElse(null)));
                  row.put("created_at", run.createdAt());
                  row.put("pipeline_run_id", run.id());
                  return row;
                })
            .toList());
  }

  private void export(Context ctx) {
    MemoryActivity.Export export =
        activity.export(authentication.principal(ctx), ctx.pathParam("dataset_id"));
    ctx.header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
    ctx.contentType("text/markdown; charset=utf-8");
    ctx.result(export.markdown());
  }
}
