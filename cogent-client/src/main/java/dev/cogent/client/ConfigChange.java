package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** The answer to {@code PATCH /config}. */
public record ConfigChange(
    @JsonProperty("updated") boolean updated,
    @JsonProperty("changes") Map<String, Object> changes,
    @JsonProperty("backup_created") boolean backupCreated,
    @JsonProperty("timestamp") Instant timestamp) {}
