package dev.cogent.identity;

import java.time.Instant;

/**
 * A person (or the built-in default user) who can call the server.
 *
 * @param email lower-cased
 * @param isDefault the built-in user that unauthenticated calls act as when authentication is off;
 *     it has no password and cannot log in
 * @param tenantId the user's current tenant, or null when it belongs to none
 * @param parentUserId for an agent identity, the user who created it; null for people
 */
public record User(
    String id,
    String email,
    boolean isSuperuser,
    boolean isDefault,
    String tenantId,
    Instant createdAt,
    String parentUserId) {

  public User {
    if (id == null || email == null || createdAt == null) {
      throw new IllegalArgumentException("id, email and createdAt are required");
    }
  }

  /** Whether this is an agent identity (a child user without a password). */
  public boolean isAgent() {
    return parentUserId != null;
  }
}
