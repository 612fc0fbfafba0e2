package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An agent identity as {@code GET /api/v1/activity/agents} lists it.
 *
 * @param email the displayed {@code <name>@cogent.agent}
 * @param status {@code LIVE} while the agent has an active connection, else {@code INACTIVE}
 * @param apiKeyCount its keys that are not revoked
 * @param lastActive its most recent connection activity, or null when it never connected
 * @param recentlyActive whether that activity lies within the last 30 minutes (the anchor's rule
 *     for LIVE)
 */
public record AgentActivity(
    @JsonProperty("id") String id,
    @JsonProperty("email") String email,
    @JsonProperty("parent_user_id") String parentUserId,
    @JsonProperty("tenant_id") String tenantId,
    @JsonProperty("is_agent") boolean isAgent,
    @JsonProperty("status") String status,
    @JsonProperty("api_key_count") int apiKeyCount,
    @JsonProperty("active_connections") int activeConnections,
    @JsonProperty("last_active") Instant lastActive,
    @JsonProperty("recently_active") boolean recentlyActive,
    @JsonProperty("created_at") Instant createdAt) {}
