package dev.cogent.http.routes;

import dev.cogent.ApiException;
import dev.cogent.artifacts.ArtifactQuery;
import dev.cogent.artifacts.ArtifactRequests;
import dev.cogent.artifacts.ArtifactService;
import dev.cogent.artifacts.ArtifactType;
import dev.cogent.http.Requests;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.regex.Pattern;

/** {@code /artifacts}, {@code /artifacts/{artifact_id}} and its versions. */
public final class ArtifactRoutes {

  private static final Pattern POSITIVE_INTEGER = Pattern.compile("[1-9][0-9]{0,8}");

  private final ArtifactService artifacts;
  private final Requests requests;

  public ArtifactRoutes(ArtifactService artifacts, Requests requests) {
    this.artifacts = artifacts;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/artifacts", this::list);
    routes.post("/artifacts", this::create);
    routes.get("/artifacts/{artifact_id}", this::get);
    routes.put("/artifacts/{artifact_id}", this::update);
    routes.delete("/artifacts/{artifact_id}", this::delete);
    routes.get("/artifacts/{artifact_id}/versions", this::listVersions);
    routes.get("/artifacts/{artifact_id}/versions/{version}", this::getVersion);
  }

  private void list(Context ctx) {
    String type = ctx.queryParam("artifact_type");
    String runId = ctx.queryParam("run_id");
    var query =
        new ArtifactQuery(
            requests.scope(ctx),
            type == null || type.isBlank() ? null : ArtifactType.parse("artifact_type", type),
            runId == null || runId.isBlank() ? null : runId);
    ctx.json(artifacts.list(query));
  }

  private void create(Context ctx) {
    var request = requests.body(ctx, ArtifactRequests.Create.class);
    ctx.status(201).json(artifacts.create(request, requests.scope(ctx)));
  }

  private void get(Context ctx) {
    ctx.json(artifacts.get(ctx.pathParam("artifact_id"), requests.scope(ctx)));
  }

  private void update(Context ctx) {
    var request = requests.body(ctx, ArtifactRequests.Update.class);
    ctx.json(artifacts.update(ctx.pathParam("artifact_id"), request, requests.scope(ctx)));
  }

  private void delete(Context ctx) {
    artifacts.delete(ctx.pathParam("artifact_id"), requests.scope(ctx));
    ctx.status(204);
  }

  private void listVersions(Context ctx) {
    ctx.json(artifacts.listVersions(ctx.pathParam("artifact_id"), requests.scope(ctx)));
  }

  private void getVersion(Context ctx) {
    ctx.json(
        artifacts.getVersion(
            ctx.pathParam("artifact_id"), version(ctx.pathParam("version")), requests.scope(ctx)));
  }

  /** The {@code {version}} path segment: a positive integer (at most nine digits), else 422. */
  private static int version(String raw) {
    if (!POSITIVE_INTEGER.matcher(raw).matches()) {
      throw ApiException.invalid("version", "must be a positive integer");
    }
    return Integer.parseInt(raw);
  }
}
