package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A new API key: the only time the server shows {@code key}. {@link #toString()} does not show it.
 */
public record CreatedApiKey(
    @JsonProperty("id") String id,
    @JsonProperty("key") String key,
    @JsonProperty("label") String label,
    @JsonProperty("name") String name,
    @JsonProperty("kind") String kind,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("expires_at") Instant expiresAt) {

  @Override
  public String toString() {
    return "CreatedApiKey[id=" + id + ", label=" + label + ", name=" + name + "]";
  }
}
