package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The answer to creating an API key: the only time the key itself is shown. The server keeps only
 * its SHA-256 hash.
 */
public record CreatedApiKey(
    @JsonProperty("id") String id,
    @JsonProperty("key") String key,
    @JsonProperty("name") String name,
    @JsonProperty("kind") String kind,
    @JsonProperty("prefix") String prefix,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("expires_at") Instant expiresAt) {

  static CreatedApiKey of(ApiKey stored, String key) {
    return new CreatedApiKey(
        stored.id(),
        key,
        stored.name(),
        stored.kind(),
        stored.prefix(),
        stored.createdAt(),
        stored.expiresAt());
  }

  @JsonProperty("label")
  public String label() {
    return prefix + "****";
  }
}
