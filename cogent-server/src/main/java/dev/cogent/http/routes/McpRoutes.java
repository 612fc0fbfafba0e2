package dev.cogent.http.routes;

import dev.cogent.ApiException;
import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.protocols.McpCaller;
import dev.cogent.protocols.McpEndpoint;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;

/**
 * {@code POST}, {@code GET} and {@code DELETE /mcp}: Cogent's MCP server endpoint. The request
 * passes the API's filters (authentication, scope, rate limit) like any other, then the MCP SDK's
 * streamable HTTP transport answers it. Mounted only when {@code mcp.server_enabled}.
 */
public final class McpRoutes {

  private final McpEndpoint endpoint;
  private final Authentication authentication;
  private final Requests requests;

  public McpRoutes(McpEndpoint endpoint, Authentication authentication, Requests requests) {
    this.endpoint = endpoint;
    this.authentication = authentication;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.post(McpEndpoint.PATH, this::serve);
    routes.get(McpEndpoint.PATH, this::serve);
    routes.delete(McpEndpoint.PATH, this::serve);
  }

  private void serve(Context ctx) throws IOException {
    checkHeaders(ctx);
    endpoint.serve(
        ctx.req(), ctx.res(), new McpCaller(authentication.principal(ctx), requests.scope(ctx)));
  }

  /**
   * The header rules of the streamable HTTP transport, checked here so that breaking them is
   * answered in the API's error envelope (the SDK would answer its own shape).
   */
  private static void checkHeaders(Context ctx) {
    String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept");
    String session = ctx.header("Mcp-Session-Id");
    String method = ctx.method().name();
    if (method.equals("POST")
        && !(accept.contains("application/json") && accept.contains("text/event-stream"))) {
      throw ApiException.badRequest(
          "Accept must list application/json and text/event-stream (MCP streamable HTTP)");
    }
    if (method.equals("GET") && !accept.contains("text/event-stream")) {
      throw ApiException.badRequest("Accept must list text/event-stream (MCP streamable HTTP)");
    }
    if (!method.equals("POST") && (session == null || session.isBlank())) {
      throw ApiException.badRequest("Mcp-Session-Id is required");
    }
  }
}
