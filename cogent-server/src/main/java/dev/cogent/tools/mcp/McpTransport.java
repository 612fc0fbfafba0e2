package dev.cogent.tools.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the client talks to an MCP server; stdio is not supported (servers are remote). */
public enum McpTransport {
  /** The HTTP+SSE transport: an SSE stream at the URL, messages posted to the endpoint it names. */
  @JsonProperty("sse")
  SSE,
  /** The streamable HTTP transport: every message is a POST to the URL. */
  @JsonProperty("streamable_http")
  STREAMABLE_HTTP
}
