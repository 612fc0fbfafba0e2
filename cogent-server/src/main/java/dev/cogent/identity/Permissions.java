package dev.cogent.identity;

import dev.cogent.ApiException;
import dev.cogent.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dataset permissions: the one check every dataset access goes through, the record of who owns a
 * dataset, and grants of {@code read}, {@code write}, {@code delete} or {@code share} to a user, a
 * role or a tenant. Thread-safe.
 *
 * <p>The rule ({@link DatasetAccess#allows}): the server's administrator may do everything; a
 * dataset's owner holds every permission; anyone else needs a grant of that permission to
 * themselves, to one of their roles or to one of their tenants. Datasets live in the memory
 * feature, which calls {@link #recordOwner} when it creates one and {@link #check} on every access;
 * grants are stored by dataset id.
 */
public final class Permissions {

  static final int MAX_DATASET_ID_LENGTH = 64;
  static final int MAX_DATASETS_PER_CALL = 100;

  private final PermissionRepository repository;
  private final TenantService tenants;
  private final UserService users;
  private final InstantSource clock;

  public Permissions(
      Database database, TenantService tenants, UserService users, InstantSource clock) {
    this.repository = new PermissionRepository(database);
    this.tenants = tenants;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Checks that the caller may use the dataset with the permission.
   *
   * @throws ApiException 403 {@code PERMISSION_DENIED} when the caller may not
   */
  public void check(Principal caller, String datasetId, Permission permission) {
    if (!isAllowed(caller, datasetId, permission)) {
      throw new ApiException(
          dev.cogent.ErrorCode.PERMISSION_DENIED,
          "You do not have " + permission.wireName() + " permission on dataset " + datasetId,
          Map.of("dataset_id", datasetId, "permission", permission.wireName()));
    }
  }

  /** Whether the caller may use the dataset with the permission; see the class comment. */
  public boolean isAllowed(Principal caller, String datasetId, Permission permission) {
    return repository.access(datasetId).allows(callerOf(caller), permission);
  }

  /**
   * Records the caller as the owner of a dataset they just created, with its tenant the caller's
   * current one. A dataset keeps its first owner: later calls change nothing.
   *
   * @return whether the caller became the owner
   */
  public boolean recordOwner(Principal caller, String datasetId) {
    checkDatasetId(datasetId, "dataset_id");
    return repository.insertOwner(datasetId, caller.userId(), caller.tenantId(), now());
  }

  /**
   * Grants a permission on datasets to a user, role or tenant; existing grants stay as they are.
   *
   * @throws ApiException 404 for a principal the caller cannot see, 422 for bad dataset ids, 403
   *     unless the caller may {@code share} every one of the datasets
   */
  public List<Grant> grant(
      Principal caller, String principalId, Permission permission, List<String> datasetIds) {
    PrincipalType type = visiblePrincipal(caller, principalId);
    List<String> ids = checkDatasetIds(datasetIds);
    requireShare(caller, ids);
    Instant now = now();
    List<Grant> grants =
        ids.stream()
            .map(id -> new Grant(id, principalId, type, permission, caller.userId(), now))
            .toList();
    repository.insertGrants(grants);
    return grants;
  }

  /**
   * Revokes a permission on datasets from a user, role or tenant.
   *
   * @throws ApiException as {@link #grant}
   */
  public void revoke(
      Principal caller, String principalId, Permission permission, List<String> datasetIds) {
    visiblePrincipal(caller, principalId);
    List<String> ids = checkDatasetIds(datasetIds);
    requireShare(caller, ids);
    repository.deleteGrants(principalId, permission, ids);
  }

  /**
   * The grants to a user, role or tenant.
   *
   * @throws ApiException 404 for a principal the caller cannot see
   */
  public List<Grant> listGrants(Principal caller, String principalId) {
    visiblePrincipal(caller, principalId);
    return repository.listGrants(principalId);
  }

  DatasetAccess.Caller callerOf(Principal caller) {
    return new DatasetAccess.Caller(
        caller.userId(),
        caller.isSuperuser(),
        tenants.roleIdsOf(caller.userId()),
        tenants.tenantIdsOf(caller.userId(), caller.tenantId()));
  }

  private void requireShare(Principal caller, List<String> datasetIds) {
    DatasetAccess.Caller who = callerOf(caller);
    for (String id : datasetIds) {
      if (!repository.access(id).allows(who, Permission.SHARE)) {
        throw new ApiException(
            dev.cogent.ErrorCode.PERMISSION_DENIED,
            "You need share permission on dataset " + id + " to change who may use it",
            Map.of("dataset_id", id, "permission", Permission.SHARE.wireName()));
      }
    }
  }

  /**
   * What kind of principal the id names: a role or tenant the caller can see, or a user who is the
   * caller, one of the caller's agents or shares a tenant with the caller.
   */
  private PrincipalType visiblePrincipal(Principal caller, String principalId) {
    if (tenants.findVisibleRole(caller, principalId).isPresent()) {
      return PrincipalType.ROLE;
    }
    if (tenants.findVisibleTenant(caller, principalId).isPresent()) {
      return PrincipalType.TENANT;
    }
    Optional<User> user = users.find(principalId);
    if (user.isPresent() && isVisibleUser(caller, user.get())) {
      return PrincipalType.USER;
    }
    throw ApiException.notFound("principal", principalId);
  }

  private boolean isVisibleUser(Principal caller, User user) {
    if (caller.isSuperuser()
        || user.id().equals(caller.userId())
        || caller.userId().equals(user.parentUserId())) {
      return true;
    }
    Set<String> shared =
        new LinkedHashSet<>(tenants.tenantIdsOf(caller.userId(), caller.tenantId()));
    shared.retainAll(tenants.tenantIdsOf(user.id(), user.tenantId()));
    return !shared.isEmpty();
  }

  private static List<String> checkDatasetIds(List<String> datasetIds) {
    if (datasetIds == null || datasetIds.isEmpty()) {
      throw ApiException.invalid("body", "must list at least one dataset id");
    }
    if (datasetIds.size() > MAX_DATASETS_PER_CALL) {
      throw ApiException.invalid(
          "body", "must list at most " + MAX_DATASETS_PER_CALL + " dataset ids");
    }
    for (int i = 0; i < datasetIds.size(); i++) {
      checkDatasetId(datasetIds.get(i), "body[" + i + "]");
    }
    return List.copyOf(new LinkedHashSet<>(datasetIds));
  }

  private static void checkDatasetId(String id, String field) {
    if (id == null || id.isBlank()) {
      throw ApiException.invalid(field, "must be a dataset id");
    }
    if (id.length() > MAX_DATASET_ID_LENGTH) {
      throw ApiException.invalid(field, "must be at most " + MAX_DATASET_ID_LENGTH + " characters");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
