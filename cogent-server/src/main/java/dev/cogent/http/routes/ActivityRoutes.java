package dev.cogent.http.routes;

import dev.cogent.http.Authentication;
import dev.cogent.identity.IdentityActivity;
import dev.cogent.observability.SpanBuffer;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code /api/v1/activity}: the tenant's users, its agents and the trace buffer (the anchor's
 * activity router). Pipeline runs and the dataset export belong to the memory feature's routes.
 */
public final class ActivityRoutes {

  private final IdentityActivity activity;
  private final Authentication authentication;
  private final SpanBuffer spans;

  public ActivityRoutes(
      IdentityActivity activity, Authentication authentication, SpanBuffer spans) {
    this.activity = activity;
    this.authentication = authentication;
    this.spans = spans;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get(
        "/api/v1/activity/users",
        ctx -> ctx.json(activity.listUsers(authentication.principal(ctx))));
    routes.get(
        "/api/v1/activity/agents",
        ctx -> ctx.json(activity.listAgents(authentication.principal(ctx))));
    // The buffer stays empty while tracing is off, so this answers [] then.
    routes.get("/api/v1/activity/spans", ctx -> ctx.json(spans.summaries()));
  }
}
