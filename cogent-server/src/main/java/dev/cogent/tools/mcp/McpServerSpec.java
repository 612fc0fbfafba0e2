package dev.cogent.tools.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The registry document of an MCP server.
 *
 * @param headers sent with every request to the server (often credentials); stored, never shown
 */
public record McpServerSpec(
    @JsonProperty("url") String url,
    @JsonProperty("transport") McpTransport transport,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("headers") Map<String, String> headers) {

  public McpServerSpec {
    if (url == null || transport == null) {
      throw new IllegalArgumentException("url and transport are required");
    }
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
