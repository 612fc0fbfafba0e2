package dev.cogent.tools.mcp;

import dev.cogent.scope.Scope;
import java.time.Instant;

/** An enabled MCP server whose last connection attempt failed, for {@code GET /tools/errors}. */
public record McpConnectionError(
    String server, Scope scope, String url, String error, Instant attemptedAt) {}
