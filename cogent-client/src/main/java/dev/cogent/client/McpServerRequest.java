package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@link McpServers#create} ({@code name} and {@code url} required) and of {@link
 * McpServers#update} ({@code name} taken from the path). {@code transport} is {@code sse} (the
 * default) or {@code streamable_http}. Null fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpServerRequest(
    @JsonProperty("name") String name,
    @JsonProperty("url") String url,
    @JsonProperty("transport") String transport,
    @JsonProperty("enabled") Boolean enabled,
    @JsonProperty("headers") Map<String, String> headers,
    @JsonProperty("scope") Map<String, String> scope) {

  public static McpServerRequest of(String name, String url) {
    return new McpServerRequest(name, url, null, null, null, null);
  }

  McpServerRequest withoutName() {
    return new McpServerRequest(null, url, transport, enabled, headers, scope);
  }
}
