package dev.cogent.settings;

import java.time.Duration;

/**
 * The HTTP listener.
 *
 * @param port 0 picks a free port
 * @param maxBodyBytes larger request bodies are answered with 413
 * @param shutdownGrace how long in-flight requests get to finish on SIGTERM
 * @param allowUnauthenticated whether the server may listen on a non-loopback address while
 *     authentication is off (see {@link ExposureCheck})
 * @param agentMode whether the server stops itself once the agents that registered have all
 *     unregistered (docs/security.md, "Agent mode"); its default port is then {@value
 *     #AGENT_MODE_PORT}
 * @param agentModeCheckInterval how often agent mode counts the active agent connections
 * @param sseHeartbeat the silence after which an SSE stream gets a keep-alive comment, so proxies
 *     and clients keep an idle stream open
 */
public record ServerSettings(
    String host,
    int port,
    String logLevel,
    long maxBodyBytes,
    Duration shutdownGrace,
    boolean allowUnauthenticated,
    boolean agentMode,
    Duration agentModeCheckInterval,
    Duration sseHeartbeat) {

  /** The port of agent mode when none is set explicitly, as in the anchor. */
  public static final int AGENT_MODE_PORT = 8011;

  public ServerSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("server.host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("server.port must be between 0 and 65535");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("server.max_body_bytes must be positive");
    }
    if (agentModeCheckInterval == null
        || agentModeCheckInterval.isNegative()
        || agentModeCheckInterval.isZero()) {
      throw new IllegalArgumentException("server.agent_mode_check_seconds must be at least 1");
    }
    if (sseHeartbeat == null || sseHeartbeat.isNegative() || sseHeartbeat.isZero()) {
      throw new IllegalArgumentException("server.sse_heartbeat_seconds must be at least 1");
    }
  }
}
