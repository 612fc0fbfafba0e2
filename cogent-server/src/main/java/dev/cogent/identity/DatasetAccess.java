package dev.cogent.identity;

import java.util.List;
import java.util.Set;

/**
 * Everything that decides who may do what with one dataset: its owner (null when the memory feature
 * has not recorded one) and the grants on it. {@link #allows} is the one rule of dataset access.
 *
 * @param ownerId the user who created the dataset, or null
 * @param grants every grant on the dataset
 */
record DatasetAccess(String ownerId, List<Grant> grants) {

  DatasetAccess {
    grants = List.copyOf(grants);
  }

  /**
   * The caller as the rule sees it.
   *
   * @param userId the user (or agent identity) asking
   * @param isAdministrator a superuser, or a super API key acting for the organisation
   * @param roleIds the roles the user is a member of
   * @param tenantIds the tenants the user is a member of
   */
  record Caller(
      String userId, boolean isAdministrator, Set<String> roleIds, Set<String> tenantIds) {
    Caller {
      roleIds = Set.copyOf(roleIds);
      tenantIds = Set.copyOf(tenantIds);
    }
  }

  /**
   * Whether the caller may use the dataset with this permission: the server's administrator may do
   * everything, the owner holds every permission, anyone else needs a grant of exactly that
   * permission to them, to one of their roles or to one of their tenants.
   */
  boolean allows(Caller caller, Permission permission) {
    if (caller.isAdministrator() || caller.userId().equals(ownerId)) {
      return true;
    }
    return grants.stream()
        .filter(grant -> grant.permission() == permission)
        .anyMatch(
            grant ->
                switch (grant.principalType()) {
                  case USER -> grant.principalId().equals(caller.userId());
                  case ROLE -> caller.roleIds().contains(grant.principalId());
                  case TENANT -> caller.tenantIds().contains(grant.principalId());
                });
  }
}
