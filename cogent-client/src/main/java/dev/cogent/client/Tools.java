package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code /tools} registry. Obtain it from {@link CogentClient#tools()}. Thread-safe. */
public final class Tools {

  private final Transport transport;

  Tools(Transport transport) {
    this.transport = transport;
  }

  /** Built-in, file-discovered and API-registered tools. */
  public List<Tool> list() {
    return transport.call("GET", "/tools", null, ToolList.class).tools();
  }

  /**
   * @throws CogentException {@code NOT_FOUND} (404)
   */
  public Tool get(String name) {
    return transport.call("GET", path(name), null, Tool.class);
  }

  /**
   * Registers a tool from code or a module path.
   *
   * @throws CogentException {@code VALIDATION_ERROR} (422) unless exactly one of code and path is
   *     set; {@code CONFLICT} (409) for a file-managed name
   */
  public Tool create(ToolRequest request) {
    return transport.call("POST", "/tools", request, Tool.class);
  }

  /**
   * @throws CogentException {@code CONFLICT} (409) for a file-managed tool
   */
  public void delete(String name) {
    transport.call("DELETE", path(name), null, Void.class);
  }

  private static String path(String name) {
    return "/tools/" + Transport.encode(name);
  }

  record ToolList(@JsonProperty("tools") List<Tool> tools) {}
}
