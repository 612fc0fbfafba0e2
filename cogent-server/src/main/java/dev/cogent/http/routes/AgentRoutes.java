package dev.cogent.http.routes;

import dev.cogent.http.Requests;
import dev.cogent.registry.AgentRequests;
import dev.cogent.registry.AgentService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/** {@code /agents} and {@code /agents/{name}}. */
public final class AgentRoutes {

  private final AgentService agents;
  private final Requests requests;

  public AgentRoutes(AgentService agents, Requests requests) {
    this.agents = agents;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/agents", this::list);
    routes.post("/agents", this::create);
    routes.get("/agents/{name}", this::get);
    routes.put("/agents/{name}", this::replace);
    routes.patch("/agents/{name}", this::update);
    routes.delete("/agents/{name}", this::delete);
  }

  private void list(Context ctx) {
    ctx.json(Map.of("agents", agents.list(requests.scope(ctx))));
  }

  private void create(Context ctx) {
    var request = requests.body(ctx, AgentRequests.Write.class);
    ctx.status(201).json(agents.create(request, requests.scope(ctx)));
  }

  private void get(Context ctx) {
    ctx.json(agents.get(ctx.pathParam("name"), requests.scope(ctx)));
  }

  private void replace(Context ctx) {
    var request = requests.body(ctx, AgentRequests.Write.class);
    ctx.json(agents.replace(ctx.pathParam("name"), request, requests.scope(ctx)));
  }

  private void update(Context ctx) {
    var patch = requests.body(ctx, AgentRequests.Patch.class);
    var given = requests.bodyAsObject(ctx).keySet();
    ctx.json(agents.update(ctx.pathParam("name"), patch, given, requests.scope(ctx)));
  }

  private void delete(Context ctx) {
    agents.delete(ctx.pathParam("name"), requests.scope(ctx));
    ctx.status(204);
  }
}
