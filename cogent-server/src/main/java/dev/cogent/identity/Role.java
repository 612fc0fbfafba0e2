package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A named group of users inside one tenant; dataset permissions granted to it apply to its members.
 *
 * @param description null unless set
 * @param userCount how many users are members
 */
public record Role(
    @JsonProperty("id") String id,
    @JsonProperty("tenant_id") String tenantId,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("user_count") int userCount) {}
