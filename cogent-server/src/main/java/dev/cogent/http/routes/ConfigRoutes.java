package dev.cogent.http.routes;

import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.llm.ModelService;
import dev.cogent.settings.ConfigEditor;
import dev.cogent.settings.LiveSettings;
import dev.cogent.settings.SettingsView;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET/PATCH /config} and {@code POST /config/rollback}. Anyone may read the (redacted)
 * settings; only the server's administrator may change them, since they hold for every user.
 */
public final class ConfigRoutes {

  private final LiveSettings live;
  private final ConfigEditor editor;
  private final Authentication authentication;
  private final Requests requests;
  private final ModelService models;

  public ConfigRoutes(
      LiveSettings live,
      ConfigEditor editor,
      Authentication authentication,
      Requests requests,
      ModelService models) {
    this.live = live;
    this.editor = editor;
    this.authentication = authentication;
    this.requests = requests;
    this.models = models;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/config", this::get);
    routes.patch("/config", this::patch);
    routes.post("/config/rollback", this::rollback);
  }

  /** The settings view with {@code llm.available_providers} of the caller's scope filled in. */
  private void get(Context ctx) {
    Map<String, Object> view = new LinkedHashMap<>(SettingsView.redactedView(live.current()));
    view.put("llm", Map.of("available_providers", models.available(requests.scope(ctx))));
    ctx.json(view);
  }

  private void patch(Context ctx) {
    authentication.administrator(ctx);
    ctx.json(editor.patch(requests.bodyAsObject(ctx)));
  }

  private void rollback(Context ctx) {
    authentication.administrator(ctx);
    ctx.json(editor.rollback());
  }
}
