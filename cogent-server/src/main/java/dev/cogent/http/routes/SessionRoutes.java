package dev.cogent.http.routes;

import dev.cogent.ApiException;
import dev.cogent.http.Requests;
import dev.cogent.session.SessionQuery;
import dev.cogent.session.SessionRequests;
import dev.cogent.session.SessionService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /sessions} and {@code /sessions/{session_id}}. */
public final class SessionRoutes {

  private static final String METADATA_PREFIX = "metadata.";

  private final SessionService sessions;
  private final Requests requests;

  public SessionRoutes(SessionService sessions, Requests requests) {
    this.sessions = sessions;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.post("/sessions", this::create);
    routes.get("/sessions", this::list);
    routes.get("/sessions/{session_id}", this::get);
    routes.patch("/sessions/{session_id}", this::update);
    routes.delete("/sessions/{session_id}", this::delete);
  }

  private void create(Context ctx) {
    var request = requests.body(ctx, SessionRequests.Create.class);
    ctx.status(201).json(sessions.create(request, requests.scope(ctx)));
  }

  private void list(Context ctx) {
    int limit =
        requests.intQuery(ctx, "limit", SessionQuery.DEFAULT_LIMIT, 1, SessionQuery.MAX_LIMIT);
    int offset = requests.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    var query = new SessionQuery(requests.scope(ctx), metadataFilters(ctx), limit, offset);
    ctx.json(sessions.list(query));
  }

  private void get(Context ctx) {
    ctx.json(sessions.get(ctx.pathParam("session_id"), requests.scope(ctx)));
  }

  private void update(Context ctx) {
    var request = requests.body(ctx, SessionRequests.Update.class);
    ctx.json(sessions.update(ctx.pathParam("session_id"), request, requests.scope(ctx)));
  }

  private void delete(Context ctx) {
    sessions.delete(ctx.pathParam("session_id"), requests.scope(ctx));
    ctx.status(204);
  }

  /** {@code ?metadata.repository=myorg/myrepo&metadata.pr_number=42}: every pair must match. */
  private static Map<String, String> metadataFilters(Context ctx) {
    Map<String, String> filters = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
      String name = param.getKey();
      if (!name.startsWith(METADATA_PREFIX)) {
        continue;
      }
      String key = name.substring(METADATA_PREFIX.length());
      if (key.isEmpty()) {
        throw ApiException.invalid(name, "needs a key: metadata.<key>=<value>");
      }
      if (param.getValue().size() > 1) {
        throw ApiException.invalid(name, "may be given once");
      }
      filters.put(key, param.getValue().get(0));
    }
    return filters;
  }
}
