package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An API key as listed: never the key itself. {@code key} is always the mask, as the anchor shows
 * hashed keys; {@code label} is the recognisable start of the key followed by {@code ****}.
 *
 * @param name the caller's name for it, or null
 * @param kind {@code user} or {@code super}
 * @param expiresAt null for user keys, which do not expire
 * @param revokedAt null unless revoked
 */
public record ApiKey(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("kind") String kind,
    @JsonProperty("prefix") String prefix,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("last_used_at") Instant lastUsedAt,
    @JsonProperty("expires_at") Instant expiresAt,
    @JsonProperty("revoked_at") Instant revokedAt) {

  public static final String MASK = "************";
  static final String USER_KIND = "user";
  static final String SUPER_KIND = "super";

  @JsonProperty("label")
  public String label() {
    return prefix + "****";
  }

  @JsonProperty("key")
  public String key() {
    return MASK;
  }
}
