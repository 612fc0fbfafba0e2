package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A user of a tenant as listed by {@code GET /api/v1/permissions/tenants/{id}/users}. */
public record TenantMember(
    @JsonProperty("id") String id,
    @JsonProperty("email") String email,
    @JsonProperty("roles") List<RoleRef> roles) {

  public TenantMember {
    roles = List.copyOf(roles);
  }

  /** A role's id and name. */
  public record RoleRef(@JsonProperty("id") String id, @JsonProperty("name") String name) {}
}
