package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An API key as listed: never the key itself, only its {@code label} (first characters and {@code
 * ****}). {@code kind} is {@code user} or {@code super}.
 */
public record ApiKey(
    @JsonProperty("id") String id,
    @JsonProperty("label") String label,
    @JsonProperty("name") String name,
    @JsonProperty("kind") String kind,
    @JsonProperty("prefix") String prefix,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("last_used_at") Instant lastUsedAt,
    @JsonProperty("expires_at") Instant expiresAt) {}
