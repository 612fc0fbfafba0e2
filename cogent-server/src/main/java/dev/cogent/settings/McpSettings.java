package dev.cogent.settings;

/**
 * Cogent's own MCP server endpoint ({@code /mcp}; issue #9). The {@code mcp} section of a config
 * file also holds {@code mcp.servers}, the remote servers agents use, which that feature reads
 * itself.
 *
 * @param serverEnabled whether {@code /mcp} is mounted; {@code GET /capabilities} reports it as
 *     {@code mcp_server}
 */
public record McpSettings(boolean serverEnabled) {

  /** The built-in defaults: the endpoint on. */
  public static final McpSettings DEFAULTS = new McpSettings(true);
}
