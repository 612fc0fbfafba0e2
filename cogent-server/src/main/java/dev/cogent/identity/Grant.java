package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One permission on one dataset, granted to a user, a role or a tenant.
 *
 * @param grantedBy the user who granted it
 */
public record Grant(
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("principal_id") String principalId,
    @JsonProperty("principal_type") PrincipalType principalType,
    @JsonProperty("permission") Permission permission,
    @JsonProperty("granted_by") String grantedBy,
    @JsonProperty("created_at") Instant createdAt) {}
