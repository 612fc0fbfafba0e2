package dev.cogent.tools.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The outcome of the last connection attempt to an MCP server, as {@code GET /mcp-servers} shows
 * it.
 */
public enum McpStatus {
  /** Enabled, but no connection was tried yet (servers are connected on first use or on write). */
  @JsonProperty("pending")
  PENDING,
  /** The last attempt connected and listed the server's tools. */
  @JsonProperty("connected")
  CONNECTED,
  /** The last attempt failed; {@code last_error} says why. It is retried later. */
  @JsonProperty("failed")
  FAILED,
  /** {@code enabled: false}: never connected. */
  @JsonProperty("disabled")
  DISABLED
}
