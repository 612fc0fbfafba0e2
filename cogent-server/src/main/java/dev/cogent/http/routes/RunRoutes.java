package dev.cogent.http.routes;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.http.Requests;
import dev.cogent.runtime.AgentRuntime;
import dev.cogent.session.RunService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code GET /sessions/{id}/runs}, {@code GET /sessions/{id}/runs/{run_id}}, {@code GET
 * /sessions/{id}/events} and {@code POST /sessions/{id}/abort}.
 */
public final class RunRoutes {

  private static final int EVENTS_DEFAULT_LIMIT = 100;
  private static final int EVENTS_MAX_LIMIT = 1000;

  private final RunService runs;
  private final AgentRuntime runtime;
  private final Requests requests;

  public RunRoutes(RunService runs, AgentRuntime runtime, Requests requests) {
    this.runs = runs;
    this.runtime = runtime;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/sessions/{session_id}/runs", this::list);
    routes.get("/sessions/{session_id}/runs/{run_id}", this::get);
    routes.get("/sessions/{session_id}/events", this::events);
    routes.post("/sessions/{session_id}/abort", this::abort);
  }

  private void list(Context ctx) {
    int limit = requests.intQuery(ctx, "limit", RunService.DEFAULT_LIMIT, 1, RunService.MAX_LIMIT);
    int offset = requests.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ctx.json(runs.list(ctx.pathParam("session_id"), requests.scope(ctx), limit, offset));
  }

  private void get(Context ctx) {
    ctx.json(runs.get(ctx.pathParam("session_id"), ctx.pathParam("run_id"), requests.scope(ctx)));
  }

  private void events(Context ctx) {
    int after = requests.intQuery(ctx, "after", 0, 0, Integer.MAX_VALUE);
    int limit = requests.intQuery(ctx, "limit", EVENTS_DEFAULT_LIMIT, 1, EVENTS_MAX_LIMIT);
    ctx.json(runs.events(ctx.pathParam("session_id"), requests.scope(ctx), after, limit));
  }

  private void abort(Context ctx) {
    boolean wasRunning = runtime.abort(ctx.pathParam("session_id"), requests.scope(ctx));
    ctx.json(new ActionResult(true, wasRunning ? "Operation aborted" : "No operation was running"));
  }

  record ActionResult(
      @JsonProperty("success") boolean success, @JsonProperty("message") String message) {}
}
