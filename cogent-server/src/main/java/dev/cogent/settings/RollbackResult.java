package dev.cogent.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The result of {@code POST /config/rollback}. */
public record RollbackResult(
    @JsonProperty("rolled_back") boolean rolledBack, @JsonProperty("timestamp") Instant timestamp) {

  public RollbackResult {
    if (timestamp == null) {
      throw new IllegalArgumentException("timestamp is required");
    }
  }
}
