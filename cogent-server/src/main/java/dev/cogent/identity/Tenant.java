package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An organisation: users, their roles and what is shared with all of them. */
public record Tenant(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("owner_id") String ownerId,
    @JsonProperty("created_at") Instant createdAt) {}
