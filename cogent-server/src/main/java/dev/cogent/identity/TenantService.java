package dev.cogent.identity;

import dev.cogent.ApiException;
import dev.cogent.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Tenants and roles (the anchor's multi-tenant operations): create a tenant (its creator owns it
 * and it becomes their current tenant), add users to it, create roles in it and assign users to
 * them. Thread-safe.
 *
 * <p>Who may do what: a tenant is visible to its members (and to users whose current tenant it is,
 * such as agent identities) and to the server's administrator; anyone else gets 404, so nothing of
 * a tenant leaks to outsiders. Managing a tenant (adding users, creating and assigning roles,
 * listing users) needs its owner, a member of its role named {@value #ADMIN_ROLE}, or the server's
 * administrator; other members get 403.
 */
public final class TenantService {

  /** Members of a role with this name manage their tenant, as in the anchor. */
  public static final String ADMIN_ROLE = "admin";

  static final int MAX_NAME_LENGTH = 200;

  private final TenantRepository repository;
  private final UserService users;
  private final InstantSource clock;

  public TenantService(Database database, UserService users, InstantSource clock) {
    this.repository = new TenantRepository(database);
    this.users = users;
    this.clock = clock;
  }

  /**
   * Creates a tenant owned by the caller; it becomes the caller's current tenant.
   *
   * @throws ApiException 422 for a blank or too long name, 409 when the name is taken, 403 for an
   *     agent identity or a super API key
   */
  public Tenant createTenant(Principal caller, String name) {
    String userId = requirePerson(caller);
    String checked = checkName("tenant_name", name);
    Tenant tenant = new Tenant(UUID.randomUUID().toString(), checked, userId, now());
    try {
      repository.insertTenant(tenant);
      return tenant;
    } catch (RuntimeException e) {
      if (repository.isUniqueViolation(e)) {
        throw ApiException.conflict("Tenant '" + checked + "' already exists");
      }
      throw e;
    }
  }

  /**
   * Adds a user to a tenant; it becomes their current tenant when they had none.
   *
   * @throws ApiException 404 for a tenant the caller cannot see or an unknown user, 403 when the
   *     caller does not manage the tenant, 409 when the user is a member already
   */
  public void addUser(Principal caller, String userId, String tenantId) {
    Tenant tenant = visibleTenant(caller, tenantId);
    requireManager(caller, tenant, "Only the tenant owner can add users to the organisation");
    User user = users.get(userId);
    if (user.isAgent()) {
      throw ApiException.invalid("user_id", "is an agent identity; agents follow their user");
    }
    try {
      repository.addMember(tenant.id(), user.id(), now());
    } catch (RuntimeException e) {
      if (repository.isUniqueViolation(e)) {
        throw ApiException.conflict("User is already a member of the tenant");
      }
      throw e;
    }
  }

  /**
   * Makes one of the caller's tenants their current one (and their agents').
   *
   * @throws ApiException 404 unless the caller is a member of the tenant
   */
  public Tenant selectTenant(Principal caller, String tenantId) {
    String userId = requirePerson(caller);
    Tenant tenant =
        repository
            .findTenant(tenantId)
            .filter(found -> repository.isMember(found.id(), userId))
            .orElseThrow(() -> ApiException.notFound("tenant", tenantId));
    repository.selectTenant(userId, tenant.id());
    return tenant;
  }

  /** The tenants the caller is a member of, by name. */
  public List<Tenant> listMyTenants(Principal caller) {
    return repository.listTenantsOf(caller.requireUserId());
  }

  /**
   * Creates a role in the caller's current tenant.
   *
   * @throws ApiException 403 when the caller has no current tenant or does not manage it, 422 for a
   *     bad name, 409 when the tenant has a role of that name
   */
  public Role createRole(Principal caller, String name, String description) {
    caller.requireUserId();
    if (caller.tenantId() == null) {
      throw IdentityErrors.permissionDenied(
          "You belong to no tenant; create one (POST /api/v1/permissions/tenants) first");
    }
    Tenant tenant = visibleTenant(caller, caller.tenantId());
    requireManager(caller, tenant, "Only the tenant owner can create roles");
    String checked = checkName("role_name", name);
    Role role = new Role(UUID.randomUUID().toString(), tenant.id(), checked, description, 0);
    try {
      repository.insertRole(role, now());
      return role;
    } catch (RuntimeException e) {
      if (repository.isUniqueViolation(e)) {
        throw ApiException.conflict("Role '" + checked + "' already exists in the tenant");
      }
      throw e;
    }
  }

  /**
   * Makes a user a member of a role.
   *
   * @throws ApiException 404 for a role the caller cannot see or an unknown user, 403 when the
   *     caller does not manage the role's tenant or the user is not a member of it, 409 when the
   *     user has the role already
   */
  public void assignRole(Principal caller, String userId, String roleId) {
    Role role =
        findVisibleRole(caller, roleId).orElseThrow(() -> ApiException.notFound("role", roleId));
    Tenant tenant = visibleTenant(caller, role.tenantId());
    requireManager(caller, tenant, "Only the tenant owner can assign roles");
    User user = users.get(userId);
    if (!repository.isMember(tenant.id(), user.id())) {
      throw IdentityErrors.permissionDenied("The user is not a member of the role's tenant");
    }
    try {
      repository.addRoleMember(role.id(), user.id(), now());
    } catch (RuntimeException e) {
      if (repository.isUniqueViolation(e)) {
        throw ApiException.conflict("User already has the role");
      }
      throw e;
    }
  }

  /**
   * Deletes a role; its members lose it and the dataset grants to it are revoked.
   *
   * @throws ApiException 404 for a role the caller cannot see, 403 unless the caller manages its
   *     tenant
   */
  public void deleteRole(Principal caller, String roleId) {
    Role role =
        findVisibleRole(caller, roleId).orElseThrow(() -> ApiException.notFound("role", roleId));
    requireManager(
        caller, visibleTenant(caller, role.tenantId()), "Only the tenant owner can delete roles");
    repository.deleteRole(role.id());
  }

  /**
   * Takes a role from a user.
   *
   * @throws ApiException 404 for a role the caller cannot see or a user without the role, 403
   *     unless the caller manages the role's tenant
   */
  public void removeRole(Principal caller, String userId, String roleId) {
    Role role =
        findVisibleRole(caller, roleId).orElseThrow(() -> ApiException.notFound("role", roleId));
    requireManager(
        caller, visibleTenant(caller, role.tenantId()), "Only the tenant owner can remove roles");
    if (!repository.removeRoleMember(role.id(), userId)) {
      throw ApiException.notFound("role_member", userId);
    }
  }

  /**
   * Removes a user from a tenant, with their roles in it. When it was their current tenant, they
   * (and their agents) have none afterwards.
   *
   * @throws ApiException 404 for a tenant the caller cannot see or a user who is not a member, 403
   *     unless the caller manages the tenant, 400 for the tenant's owner
   */
  public void removeUser(Principal caller, String tenantId, String userId) {
    Tenant tenant = visibleTenant(caller, tenantId);
    requireManager(caller, tenant, "Only the tenant owner can remove users from the organisation");
    if (tenant.ownerId().equals(userId)) {
      throw ApiException.badRequest("The tenant owner cannot be removed from the tenant");
    }
    if (!repository.removeMember(tenant.id(), userId)) {
      throw ApiException.notFound("tenant_member", userId);
    }
  }

  /**
   * The tenant's roles: all of them for its managers, the caller's own for other members.
   *
   * @throws ApiException 404 for a tenant the caller cannot see
   */
  public List<Role> listRoles(Principal caller, String tenantId) {
    Tenant tenant = visibleTenant(caller, tenantId);
    List<Role> roles = repository.listRoles(tenant.id());
    if (isManager(caller, tenant)) {
      return roles;
    }
    List<String> own = repository.listRolesOf(caller.userId()).stream().map(Role::id).toList();
    return roles.stream().filter(role -> own.contains(role.id())).toList();
  }

  /**
   * The holders of one of the tenant's roles, as {@code id} and {@code name} (their email).
   *
   * @throws ApiException 404 for a tenant the caller cannot see or a role not of that tenant, 403
   *     unless the caller manages the tenant
   */
  public List<TenantMember.RoleRef> listRoleUsers(
      Principal caller, String tenantId, String roleId) {
    Tenant tenant = visibleTenant(caller, tenantId);
    Role role =
        repository
            .findRole(roleId)
            .filter(found -> found.tenantId().equals(tenant.id()))
            .orElseThrow(() -> ApiException.notFound("role", roleId));
    requireManager(caller, tenant, "Only the tenant owner can list who holds a role");
    return repository.listRoleMembers(role.id());
  }

  /**
   * The tenant's users with their roles.
   *
   * @throws ApiException 404 for a tenant the caller cannot see, 403 unless the caller manages it
   */
  public List<TenantMember> listUsers(Principal caller, String tenantId) {
    Tenant tenant = visibleTenant(caller, tenantId);
    requireManager(caller, tenant, "Only the tenant owner can list its users");
    return repository.listMembers(tenant.id());
  }

  /** A tenant the caller can see; empty when it does not exist or the caller is an outsider. */
  Optional<Tenant> findVisibleTenant(Principal caller, String tenantId) {
    return repository
        .findTenant(tenantId)
        .filter(
            tenant ->
                caller.isSuperuser()
                    || tenant.id().equals(caller.tenantId())
                    || repository.isMember(tenant.id(), caller.userId()));
  }

  /** A role of a tenant the caller can see. */
  Optional<Role> findVisibleRole(Principal caller, String roleId) {
    return repository
        .findRole(roleId)
        .filter(role -> findVisibleTenant(caller, role.tenantId()).isPresent());
  }

  /** The tenants the user belongs to: memberships plus the current one. */
  Set<String> tenantIdsOf(String userId, String currentTenantId) {
    Set<String> ids = new TreeSet<>(repository.tenantIdsOf(userId));
    if (currentTenantId != null) {
      ids.add(currentTenantId);
    }
    return ids;
  }

  Set<String> roleIdsOf(String userId) {
    return new TreeSet<>(repository.listRolesOf(userId).stream().map(Role::id).toList());
  }

  private Tenant visibleTenant(Principal caller, String tenantId) {
    return findVisibleTenant(caller, tenantId)
        .orElseThrow(() -> ApiException.notFound("tenant", tenantId));
  }

  private boolean isManager(Principal caller, Tenant tenant) {
    if (caller.isSuperuser() || Objects.equals(tenant.ownerId(), caller.userId())) {
      return true;
    }
    return repository.listRolesOf(caller.userId()).stream()
        .anyMatch(role -> role.tenantId().equals(tenant.id()) && ADMIN_ROLE.equals(role.name()));
  }

  private void requireManager(Principal caller, Tenant tenant, String message) {
    caller.requireUserId();
    if (!isManager(caller, tenant)) {
      throw IdentityErrors.permissionDenied(message);
    }
  }

  private String requirePerson(Principal caller) {
    String userId = caller.requireUserId();
    if (users.find(userId).map(User::isAgent).orElse(false)) {
      throw IdentityErrors.permissionDenied("An agent identity cannot create or select tenants");
    }
    return userId;
  }

  private static String checkName(String field, String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.invalid(field, "is required");
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_NAME_LENGTH) {
      throw ApiException.invalid(field, "must be at most " + MAX_NAME_LENGTH + " characters");
    }
    return stripped;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
