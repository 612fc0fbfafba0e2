package dev.cogent.http.routes;

import dev.cogent.http.OpenApiDocument;
import io.javalin.http.ContentType;
import io.javalin.router.JavalinDefaultRoutingApi;

/** {@code GET /openapi.json} and the Swagger UI at {@code GET /docs}. */
public final class DocsRoutes {

  private final OpenApiDocument document;
  private final String swaggerUiPath;

  /**
   * @param swaggerUiPath where the Swagger UI webjar is served, e.g. {@code
   *     /webjars/swagger-ui/5.34.1}
   */
  public DocsRoutes(OpenApiDocument document, String swaggerUiPath) {
    this.document = document;
    this.swaggerUiPath = swaggerUiPath;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get(
        "/openapi.json",
        ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(document.json()));
    routes.get("/docs", ctx -> ctx.html(page()));
  }

  private String page() {
    return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Cogent API</title>
          <link rel="stylesheet" href="%1$s/swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="%1$s/swagger-ui-bundle.js"></script>
          <script>
            window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
          </script>
        </body>
        </html>
        """
        .formatted(swaggerUiPath);
  }
}
