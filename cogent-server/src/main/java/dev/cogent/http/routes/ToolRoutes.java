package dev.cogent.http.routes;

import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.tools.catalog.ToolRequests;
import dev.cogent.tools.catalog.ToolService;
import dev.cogent.tools.catalog.ToolView;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;

/**
 * {@code /tools}, {@code /tools/errors}, {@code /tools/reload} and {@code /tools/{name}}. Only the
 * server's administrator may reload: it re-reads the project's tool files and plugin jars, whose
 * rows are global and hold for every user.
 */
public final class ToolRoutes {

  private final ToolService tools;
  private final Authentication authentication;
  private final Requests requests;

  public ToolRoutes(ToolService tools, Authentication authentication, Requests requests) {
    this.tools = tools;
    this.authentication = authentication;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/tools", this::list);
    routes.post("/tools", this::create);
    // Before /tools/{name}, so that these two words are never taken for tool names.
    routes.get("/tools/errors", ctx -> ctx.json(tools.errors(requests.scope(ctx))));
    routes.post("/tools/reload", this::reload);
    routes.get(
        "/tools/{name}", ctx -> ctx.json(tools.get(ctx.pathParam("name"), requests.scope(ctx))));
    routes.delete("/tools/{name}", this::delete);
  }

  private void list(Context ctx) {
    List<ToolView> list = tools.list(requests.scope(ctx));
    ctx.json(Map.of("tools", list, "count", list.size()));
  }

  private void create(Context ctx) {
    var request = requests.body(ctx, ToolRequests.Create.class);
    ctx.status(201).json(tools.create(request, requests.scope(ctx)));
  }

  private void reload(Context ctx) {
    authentication.administrator(ctx);
    ctx.json(tools.reload());
  }

  private void delete(Context ctx) {
    tools.delete(ctx.pathParam("name"), requests.scope(ctx));
    ctx.status(204);
  }
}
