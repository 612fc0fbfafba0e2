package dev.cogent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code GET/PATCH /config} and {@code POST /config/rollback}. */
public final class ServerConfig {

  private final Transport transport;

  ServerConfig(Transport transport) {
    this.transport = transport;
  }

  /** The server's configuration, secrets redacted, as a JSON tree. */
  public JsonNode get() {
    return transport.callTree("GET", "/config", null);
  }

  /**
   * Changes runtime-changeable settings, e.g. {@code Map.of("rate_limit", Map.of("burst", 20))}.
   *
   * @throws CogentException {@code VALIDATION_ERROR} for a path that cannot change at runtime
   */
  public ConfigChange patch(Map<String, Object> changes) {
    return transport.call("PATCH", "/config", changes, ConfigChange.class);
  }

  /**
   * Restores the configuration before the last change.
   *
   * @throws CogentException {@code NOT_FOUND} when there is no backup
   */
  public void rollback() {
    transport.call("POST", "/config/rollback", null, Void.class);
  }
}
