package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A user of the caller's tenant as {@code GET /api/v1/activity/users} lists it (the anchor's). */
public record UserActivity(
    @JsonProperty("id") String id,
    @JsonProperty("email") String email,
    @JsonProperty("is_superuser") boolean isSuperuser,
    @JsonProperty("created_at") Instant createdAt) {}
