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
 */
public record ServerSettings(
    String host,
    int port,
    String logLevel,
    long maxBodyBytes,
    Duration shutdownGrace,
    boolean allowUnauthenticated) {

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
  }
}
