package dev.cogent.http.routes;

import dev.cogent.http.Requests;
import dev.cogent.http.SseWriter;
import dev.cogent.runtime.AgentRuntime;
import dev.cogent.runtime.ResumeRequest;
import dev.cogent.session.EventLog;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code POST /sessions/{id}/resume}: the human's answer to an {@code interrupt}. With {@code
 * Accept: text/event-stream} the continuation of the run is streamed (from the log sequence the
 * resume started at, until the run's next terminal event); otherwise the run continues in the
 * background and a JSON acknowledgement comes back at once.
 */
public final class ResumeRoutes {

  private final AgentRuntime runtime;
  private final EventLog events;
  private final SseWriter sse;
  private final Requests requests;

  public ResumeRoutes(AgentRuntime runtime, EventLog events, SseWriter sse, Requests requests) {
    this.runtime = runtime;
    this.events = events;
    this.sse = sse;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.post("/sessions/{session_id}/resume", this::resume);
  }

  private void resume(Context ctx) {
    String sessionId = ctx.pathParam("session_id");
    ResumeRequest request = requests.body(ctx, ResumeRequest.class);
    AgentRuntime.Resumed resumed = runtime.resume(sessionId, requests.scope(ctx), request);
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/event-stream")) {
      sse.respond(ctx, events.subscribe(sessionId, resumed.afterSequence()), resumed.runId());
      return;
    }
    ctx.json(new RunRoutes.ActionResult(true, "Session resumed"));
  }
}
