package dev.cogent.http.routes;

import dev.cogent.Capabilities;
import io.javalin.router.JavalinDefaultRoutingApi;

/** {@code GET /capabilities}. */
public final class CapabilitiesRoutes {

  private final Capabilities capabilities;

  public CapabilitiesRoutes(Capabilities capabilities) {
    this.capabilities = capabilities;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/capabilities", ctx -> ctx.json(capabilities));
  }
}
