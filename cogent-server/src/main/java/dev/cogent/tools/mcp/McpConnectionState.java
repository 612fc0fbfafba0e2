package dev.cogent.tools.mcp;

import java.time.Instant;

/**
 * What the last connection attempt to one MCP server row gave.
 *
 * @param error why it failed; null unless {@code status} is {@link McpStatus#FAILED}
 * @param attemptedAt when it was tried; null when it never was
 */
public record McpConnectionState(McpStatus status, String error, Instant attemptedAt) {

  public McpConnectionState {
    if (status == null) {
      throw new IllegalArgumentException("status is required");
    }
  }

  static final McpConnectionState PENDING = new McpConnectionState(McpStatus.PENDING, null, null);
  static final McpConnectionState DISABLED = new McpConnectionState(McpStatus.DISABLED, null, null);
}
