package dev.cogent.http.routes;

import dev.cogent.http.Authentication;
import dev.cogent.identity.IdentityActivity;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/**
 * {@code /api/v1/activity}: the tenant's users, its agents and the trace buffer (the anchor's
 * activity router). Pipeline runs and the dataset export belong to the memory feature's routes.
 */
public final class ActivityRoutes {

  private final IdentityActivity activity;
  private final Authentication authentication;

  public ActivityRoutes(IdentityActivity activity, Authentication authentication) {
    this.activity = activity;
    this.authentication = authentication;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get(
        "/api/v1/activity/users",
        ctx -> ctx.json(activity.listUsers(authentication.principal(ctx))));
    routes.get(
        "/api/v1/activity/agents",
        ctx -> ctx.json(activity.listAgents(authentication.principal(ctx))));
    routes.get("/api/v1/activity/spans", this::spans);
  }

  /**
   * The in-memory trace buffer of {@code observability.tracing_enabled} arrives with the
   * observability issue (#9); until then there is nothing to show, whether tracing is on or off.
   */
  private void spans(Context ctx) {
    ctx.json(List.of());
  }
}
