package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A user account. */
public record User(
    @JsonProperty("id") String id,
    @JsonProperty("email") String email,
    @JsonProperty("is_active") boolean isActive,
    @JsonProperty("is_superuser") boolean isSuperuser,
    @JsonProperty("is_verified") boolean isVerified,
    @JsonProperty("tenant_id") String tenantId,
    @JsonProperty("parent_user_id") String parentUserId,
    @JsonProperty("created_at") Instant createdAt) {}
