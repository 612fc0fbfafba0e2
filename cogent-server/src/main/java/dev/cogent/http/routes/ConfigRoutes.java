package dev.cogent.http.routes;

import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.settings.ConfigEditor;
import dev.cogent.settings.LiveSettings;
import dev.cogent.settings.SettingsView;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code GET/PATCH /config} and {@code POST /config/rollback}. Anyone may read the (redacted)
 * settings; only the server's administrator may change them, since they hold for every user.
 */
public final class ConfigRoutes {

  private final LiveSettings live;
  private final ConfigEditor editor;
  private final Authentication authentication;
  private final Requests requests;

  public ConfigRoutes(
      LiveSettings live, ConfigEditor editor, Authentication authentication, Requests requests) {
    this.live = live;
    this.editor = editor;
    this.authentication = authentication;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/config", ctx -> ctx.json(SettingsView.redactedView(live.current())));
    routes.patch("/config", this::patch);
    routes.post("/config/rollback", this::rollback);
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
