package dev.cogent.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@code PATCH /config}.
 *
 * @param changes the new values by dotted path, in request order; a value is null when a setting
 *     was cleared
 * @param backupCreated whether the previous project config was backed up (so a rollback can undo
 *     this change)
 */
public record ConfigChange(
    @JsonProperty("updated") boolean updated,
    @JsonProperty("changes") Map<String, Object> changes,
    @JsonProperty("backup_created") boolean backupCreated,
    @JsonProperty("timestamp") Instant timestamp) {

  public ConfigChange {
    if (changes == null || timestamp == null) {
      throw new IllegalArgumentException("changes and timestamp are required");
    }
    // Not Map.copyOf: the order is part of the answer and cleared settings map to null.
    changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
  }
}
