package dev.cogent.http.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.identity.Permission;
import dev.cogent.identity.Permissions;
import dev.cogent.identity.Role;
import dev.cogent.identity.Tenant;
import dev.cogent.identity.TenantService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/permissions}: tenants, roles and dataset permissions. Paths, query parameters and
 * messages follow the anchor (cognee) so that its clients work; see docs/security.md.
 */
public final class PermissionRoutes {

  private final TenantService tenants;
  private final Permissions permissions;
  private final Authentication authentication;
  private final Requests requests;
  private final Json json;

  public PermissionRoutes(
      TenantService tenants,
      Permissions permissions,
      Authentication authentication,
      Requests requests,
      Json json) {
    this.tenants = tenants;
    this.permissions = permissions;
    this.authentication = authentication;
    this.requests = requests;
    this.json = json;
  }

  /** The anchor's acknowledgement: a message and the ids it concerns. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Acknowledgement(
      @JsonProperty("message") String message,
      @JsonProperty("tenant_id") String tenantId,
      @JsonProperty("role_id") String roleId) {}

  /** {@code POST /api/v1/permissions/tenants/select}. */
  record SelectTenant(@JsonProperty("tenant_id") String tenantId) {}

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/permissions/tenants", this::createTenant);
    routes.post("/api/v1/permissions/tenants/select", this::selectTenant);
    routes.get("/api/v1/permissions/tenants/me", this::myTenants);
    routes.get("/api/v1/permissions/tenants/{tenant_id}/roles", this::listRoles);
    routes.get("/api/v1/permissions/tenants/{tenant_id}/users", this::listUsers);
    routes.get(
        "/api/v1/permissions/tenants/{tenant_id}/roles/{role_id}/users", this::listRoleUsers);
    routes.post("/api/v1/permissions/users/{user_id}/tenants", this::addUserToTenant);
    routes.delete("/api/v1/permissions/tenants/{tenant_id}/users/{user_id}", this::removeUser);
    routes.post("/api/v1/permissions/roles", this::createRole);
    routes.delete("/api/v1/permissions/roles/{role_id}", this::deleteRole);
    routes.post("/api/v1/permissions/users/{user_id}/roles", this::assignRole);
    routes.delete("/api/v1/permissions/users/{user_id}/roles", this::removeRole);
    routes.post("/api/v1/permissions/datasets/{principal_id}", this::grant);
    routes.delete("/api/v1/permissions/datasets/{principal_id}", this::revoke);
    routes.get("/api/v1/permissions/principals/{principal_id}/grants", this::listGrants);
  }

  private void createTenant(Context ctx) {
    Tenant tenant =
        tenants.createTenant(authentication.principal(ctx), ctx.queryParam("tenant_name"));
    ctx.json(new Acknowledgement("Tenant created.", tenant.id(), null));
  }

  private void selectTenant(Context ctx) {
    var request = requests.body(ctx, SelectTenant.class);
    if (request.tenantId() == null) {
      throw ApiException.invalid("tenant_id", "is required");
    }
    Tenant tenant = tenants.selectTenant(authentication.principal(ctx), request.tenantId());
    ctx.json(new Acknowledgement("Tenant selected.", tenant.id(), null));
  }

  private void myTenants(Context ctx) {
    ctx.json(tenants.listMyTenants(authentication.principal(ctx)));
  }

  private void listRoles(Context ctx) {
    ctx.json(tenants.listRoles(authentication.principal(ctx), ctx.pathParam("tenant_id")));
  }

  private void listUsers(Context ctx) {
    ctx.json(tenants.listUsers(authentication.principal(ctx), ctx.pathParam("tenant_id")));
  }

  private void listRoleUsers(Context ctx) {
    ctx.json(
        tenants.listRoleUsers(
            authentication.principal(ctx), ctx.pathParam("tenant_id"), ctx.pathParam("role_id")));
  }

  private void addUserToTenant(Context ctx) {
    tenants.addUser(
        authentication.principal(ctx), ctx.pathParam("user_id"), required(ctx, "tenant_id"));
    ctx.json(new Acknowledgement("User added to tenant", null, null));
  }

  private void removeUser(Context ctx) {
    tenants.removeUser(
        authentication.principal(ctx), ctx.pathParam("tenant_id"), ctx.pathParam("user_id"));
    ctx.json(new Acknowledgement("User removed from tenant", null, null));
  }

  private void deleteRole(Context ctx) {
    tenants.deleteRole(authentication.principal(ctx), ctx.pathParam("role_id"));
    ctx.json(new Acknowledgement("Role deleted", null, null));
  }

  private void removeRole(Context ctx) {
    tenants.removeRole(
        authentication.principal(ctx), ctx.pathParam("user_id"), required(ctx, "role_id"));
    ctx.json(new Acknowledgement("User removed from role", null, null));
  }

  private void createRole(Context ctx) {
    Role role =
        tenants.createRole(
            authentication.principal(ctx),
            ctx.queryParam("role_name"),
            ctx.queryParam("description"));
    ctx.json(new Acknowledgement("Role created for tenant", role.tenantId(), role.id()));
  }

  private void assignRole(Context ctx) {
    tenants.assignRole(
        authentication.principal(ctx), ctx.pathParam("user_id"), required(ctx, "role_id"));
    ctx.json(new Acknowledgement("User added to role", null, null));
  }

  private void grant(Context ctx) {
    permissions.grant(
        authentication.principal(ctx),
        ctx.pathParam("principal_id"),
        permission(ctx),
        datasetIds(ctx));
    ctx.json(new Acknowledgement("Permission assigned to principal", null, null));
  }

  private void revoke(Context ctx) {
    permissions.revoke(
        authentication.principal(ctx),
        ctx.pathParam("principal_id"),
        permission(ctx),
        datasetIds(ctx));
    ctx.json(new Acknowledgement("Permission revoked from principal", null, null));
  }

  private void listGrants(Context ctx) {
    ctx.json(permissions.listGrants(authentication.principal(ctx), ctx.pathParam("principal_id")));
  }

  private static Permission permission(Context ctx) {
    return Permission.parse(required(ctx, "permission_name"), "permission_name");
  }

  private static String required(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(name, "is required");
    }
    return value.strip();
  }

  /** The body: a bare JSON array of dataset ids, as the anchor takes it. */
  private List<String> datasetIds(Context ctx) {
    JsonNode tree;
    try {
      tree = json.mapper().readTree(ctx.bodyAsBytes());
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("Malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("Unreadable request body");
    }
    if (tree == null || !tree.isArray()) {
      throw ApiException.invalid("body", "must be a JSON array of dataset ids");
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      if (!tree.get(i).isTextual()) {
        throw ApiException.invalid("body[" + i + "]", "must be a string");
      }
      ids.add(tree.get(i).asText());
    }
    return ids;
  }
}
