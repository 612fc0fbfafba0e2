package dev.cogent.protocols;

import dev.cogent.identity.Principal;
import dev.cogent.scope.Scope;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;

/**
 * Who sends an MCP request: the principal and scope the HTTP filters resolved for it. It travels
 * from the route to the tool handlers in the SDK's transport context, one per HTTP request, so
 * every call of a session is authorised by its own credentials.
 */
public record McpCaller(Principal principal, Scope scope) {

  static final String KEY = "cogent.mcp.caller";

  public McpCaller {
    if (principal == null || scope == null) {
      throw new IllegalArgumentException("principal and scope are required");
    }
  }

  static McpCaller of(McpTransportContext context) {
    if (context != null && context.get(KEY) instanceof McpCaller caller) {
      return caller;
    }
    // The route sets it on every request; a missing one is a wiring bug, never a client's fault.
    throw new IllegalStateException("MCP request without a caller");
  }

  static McpCaller of(McpSyncServerExchange exchange) {
    return of(exchange.transportContext());
  }
}
