package dev.cogent.http.routes;

import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.identity.AgentConnections;
import dev.cogent.identity.AgentIdentities;
import dev.cogent.identity.ConnectionQuery;
import dev.cogent.identity.ConnectionViews;
import dev.cogent.identity.RegisterAgentRequest;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code /api/v1/agents}: agent identities and their connections (spec "Agent Management"; the
 * anchor's paths and casing). Not to be confused with {@code /agents}, the agent-runtime registry.
 */
public final class AgentIdentityRoutes {

  private final AgentIdentities identities;
  private final AgentConnections connections;
  private final Authentication authentication;
  private final Requests requests;

  public AgentIdentityRoutes(
      AgentIdentities identities,
      AgentConnections connections,
      Authentication authentication,
      Requests requests) {
    this.identities = identities;
    this.connections = connections;
    this.authentication = authentication;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    // Literal paths first: they must win over /api/v1/agents/{agent_id}.
    routes.post("/api/v1/agents/create", this::create);
    routes.get("/api/v1/agents/list", this::list);
    routes.post("/api/v1/agents/register", this::register);
    routes.post("/api/v1/agents/unregister", this::unregister);
    routes.get("/api/v1/agents/connections", this::listConnections);
    routes.get("/api/v1/agents/connections/me", this::myConnection);
    routes.get("/api/v1/agents/connections/{agent_id}", this::agentConnection);
    routes.get("/api/v1/agents/{agent_id}", this::get);
    routes.delete("/api/v1/agents/{agent_id}", this::delete);
  }

  private void create(Context ctx) {
    var created = identities.create(authentication.principal(ctx), ctx.queryParam("name"));
    ctx.header("Cache-Control", "no-store");
    ctx.json(created);
  }

  private void list(Context ctx) {
    ctx.json(identities.list(authentication.principal(ctx)));
  }

  private void get(Context ctx) {
    ctx.json(identities.get(authentication.principal(ctx), ctx.pathParam("agent_id")));
  }

  private void delete(Context ctx) {
    identities.delete(authentication.principal(ctx), ctx.pathParam("agent_id"));
    ctx.status(204);
  }

  private void register(Context ctx) {
    var request = requests.body(ctx, RegisterAgentRequest.class);
    ctx.status(201).json(connections.register(authentication.principal(ctx), request));
  }

  private void unregister(Context ctx) {
    var request = requests.body(ctx, RegisterAgentRequest.Unregister.class);
    int active = connections.unregister(authentication.principal(ctx), request.agentSessionName());
    ctx.json(new ConnectionViews.ActiveAgents(active));
  }

  private void listConnections(Context ctx) {
    var query =
        ConnectionQuery.parse(
            ctx.queryParam("agent_id"),
            ctx.queryParam("range"),
            ctx.queryParam("status"),
            ctx.queryParam("include_sources"),
            ctx.queryParam("active_only"),
            ctx.queryParam("limit"),
            ctx.queryParam("offset"));
    ctx.json(connections.list(authentication.principal(ctx), query));
  }

  private void myConnection(Context ctx) {
    ctx.json(connections.me(authentication.principal(ctx), ctx.queryParam("agent_session_name")));
  }

  private void agentConnection(Context ctx) {
    ctx.json(
        connections.forAgent(
            authentication.principal(ctx),
            ctx.pathParam("agent_id"),
            ctx.queryParam("agent_session_name")));
  }
}
