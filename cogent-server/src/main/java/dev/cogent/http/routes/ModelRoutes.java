package dev.cogent.http.routes;

import dev.cogent.ApiException;
import dev.cogent.http.Requests;
import dev.cogent.llm.CatalogModel;
import dev.cogent.llm.ModelService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;

/** {@code /models} and {@code /models/providers/{provider_id}/models}: the model catalog. */
public final class ModelRoutes {

  private final ModelService models;
  private final Requests requests;

  public ModelRoutes(ModelService models, Requests requests) {
    this.models = models;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/models", this::list);
    routes.get("/models/providers/{provider_id}/models", this::listForProvider);
  }

  private void list(Context ctx) {
    var query =
        new ModelService.Query(
            blankToNull(ctx.queryParam("provider")),
            toolCall(ctx.queryParam("tool_call")),
            blankToNull(ctx.queryParam("q")));
    render(ctx, models.list(query, requests.scope(ctx)));
  }

  private void listForProvider(Context ctx) {
    render(ctx, models.listForProvider(ctx.pathParam("provider_id"), requests.scope(ctx)));
  }

  private static void render(Context ctx, List<CatalogModel> list) {
    ctx.json(Map.of("models", list));
  }

  private static Boolean toolCall(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw ApiException.invalid("tool_call", "must be true or false");
    };
  }

  private static String blankToNull(String raw) {
    return raw == null || raw.isBlank() ? null : raw.strip();
  }
}
