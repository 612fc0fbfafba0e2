package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code /mcp-servers} registry. Obtain it from {@link CogentClient#mcpServers()}. */
public final class McpServers {

  private final Transport transport;

  McpServers(Transport transport) {
    this.transport = transport;
  }

  public List<McpServer> list() {
    return transport.call("GET", "/mcp-servers", null, McpServerList.class).servers();
  }

  /**
   * @throws CogentException {@code NOT_FOUND} (404)
   */
  public McpServer get(String name) {
    return transport.call("GET", path(name), null, McpServer.class);
  }

  /**
   * Registers a server; the connection is tried in the background ({@link McpServer#status()}).
   *
   * @throws CogentException {@code CONFLICT} (409) when the name exists in that scope
   */
  public McpServer create(McpServerRequest request) {
    return transport.call("POST", "/mcp-servers", request, McpServer.class);
  }

  /** Changes the fields set in {@code request} ({@code name} is taken from the path). */
  public McpServer update(String name, McpServerRequest request) {
    return transport.call("PATCH", path(name), request.withoutName(), McpServer.class);
  }

  public void delete(String name) {
    transport.call("DELETE", path(name), null, Void.class);
  }

  private static String path(String name) {
    return "/mcp-servers/" + Transport.encode(name);
  }

  record McpServerList(@JsonProperty("servers") List<McpServer> servers) {}
}
