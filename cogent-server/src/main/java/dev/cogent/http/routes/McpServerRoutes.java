package dev.cogent.http.routes;

import dev.cogent.http.Requests;
import dev.cogent.tools.mcp.McpServer;
import dev.cogent.tools.mcp.McpServerRequests;
import dev.cogent.tools.mcp.McpServerService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;

/** {@code /mcp-servers} and {@code /mcp-servers/{name}}. */
public final class McpServerRoutes {

  private final McpServerService servers;
  private final Requests requests;

  public McpServerRoutes(McpServerService servers, Requests requests) {
    this.servers = servers;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/mcp-servers", this::list);
    routes.post("/mcp-servers", this::create);
    routes.get("/mcp-servers/{name}", this::get);
    routes.patch("/mcp-servers/{name}", this::update);
    routes.delete("/mcp-servers/{name}", this::delete);
  }

  private void list(Context ctx) {
    List<McpServer> list = servers.list(requests.scope(ctx));
    ctx.json(Map.of("servers", list, "count", list.size()));
  }

  private void create(Context ctx) {
    var request = requests.body(ctx, McpServerRequests.Create.class);
    ctx.status(201).json(servers.create(request, requests.scope(ctx)));
  }

  private void get(Context ctx) {
    ctx.json(servers.get(ctx.pathParam("name"), requests.scope(ctx)));
  }

  private void update(Context ctx) {
    var patch = requests.body(ctx, McpServerRequests.Patch.class);
    ctx.json(servers.update(ctx.pathParam("name"), patch, requests.scope(ctx)));
  }

  private void delete(Context ctx) {
    servers.delete(ctx.pathParam("name"), requests.scope(ctx));
    ctx.status(204);
  }
}
