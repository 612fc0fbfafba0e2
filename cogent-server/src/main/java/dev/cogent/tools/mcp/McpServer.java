package dev.cogent.tools.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.registry.RegistryEntry;
import dev.cogent.registry.Source;
import java.util.Map;

/**
 * An MCP server as the API shows it (spec 001, "MCP Servers"), plus its connection state.
 *
 * @param headers always empty: configured headers often hold credentials and are never returned
 * @param status the outcome of the last connection attempt
 * @param lastError why the last attempt failed; null unless {@code status} is {@code failed}
 */
public record McpServer(
    @JsonProperty("name") String name,
    @JsonProperty("url") String url,
    @JsonProperty("headers") Map<String, String> headers,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("transport") McpTransport transport,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("source") Source source,
    @JsonProperty("status") McpStatus status,
    @JsonProperty("last_error") String lastError) {

  static McpServer of(RegistryEntry<McpServerSpec> entry, McpConnectionState state) {
    McpServerSpec spec = entry.document();
    return new McpServer(
        entry.name(),
        spec.url(),
        Map.of(),
        spec.enabled(),
        spec.transport(),
        entry.scope().values(),
        entry.source(),
        state.status(),
        state.error());
  }
}
