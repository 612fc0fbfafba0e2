package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** {@code GET /health}. */
public record Health(
    @JsonProperty("status") String status,
    @JsonProperty("version") String version,
    @JsonProperty("active_sessions") int activeSessions,
    @JsonProperty("timestamp") Instant timestamp) {}
