package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A remote MCP server. Configured headers are never returned; {@code status} is {@code pending},
 * {@code connected}, {@code failed} (see {@code lastError}) or {@code disabled}.
 */
public record McpServer(
    @JsonProperty("name") String name,
    @JsonProperty("url") String url,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("transport") String transport,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("source") String source,
    @JsonProperty("status") String status,
    @JsonProperty("last_error") String lastError) {

  public McpServer {
    scope = scope == null ? Map.of() : Map.copyOf(scope);
  }
}
