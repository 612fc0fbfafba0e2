package dev.cogent.tools.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The request bodies of the MCP server endpoints, as the client sent them (absent = null). */
public final class McpServerRequests {

  private McpServerRequests() {}

  /**
   * {@code POST /mcp-servers}.
   *
   * @param scope the scope to store the server under; must be within the caller's; absent = the
   *     caller's own scope
   */
  public record Create(
      @JsonProperty("name") String name,
      @JsonProperty("url") String url,
      @JsonProperty("transport") McpTransport transport,
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("headers") Map<String, String> headers,
      @JsonProperty("scope") Map<String, String> scope) {}

  /**
   * {@code PATCH /mcp-servers/{name}}: only the fields present change.
   *
   * @param scope selects the row to change (exactly that scope); it does not move the row
   */
  public record Patch(
      @JsonProperty("url") String url,
      @JsonProperty("transport") McpTransport transport,
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("headers") Map<String, String> headers,
      @JsonProperty("scope") Map<String, String> scope) {}
}
