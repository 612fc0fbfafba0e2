package dev.cogent.identity;

import dev.cogent.scope.ScopeResolver;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authenticated caller of one request.
 *
 * @param userId the user the credentials belong to; for a super API key, the administrator who
 *     created it (kept for the audit trail; the key acts for the organisation, not for them)
 * @param tenantId the user's tenant, or null
 * @param apiKeyId the key used, or null when the caller did not use an API key
 */
public record Principal(
    CredentialKind kind,
    String userId,
    String email,
    boolean isSuperuser,
    String tenantId,
    String apiKeyId) {

  public Principal {
    if (kind == null || userId == null || email == null) {
      throw new IllegalArgumentException("kind, userId and email are required");
    }
  }

  static Principal of(User user, CredentialKind kind, String apiKeyId) {
    return new Principal(
        kind, user.id(), user.email(), user.isSuperuser(), user.tenantId(), apiKeyId);
  }

  /** Whether the caller sent credentials (as opposed to acting as the default user). */
  public boolean isAuthenticated() {
    return kind != CredentialKind.DEFAULT_USER;
  }

  /** Whether the caller acts for the organisation (a super API key) rather than for a user. */
  public boolean isOrganisation() {
    return kind == CredentialKind.SUPER_API_KEY;
  }

  /**
   * The identity part of the caller's scope: {@code user} = the user id and {@code tenant} = the
   * tenant id when there is one; a super API key has only the tenant (the organisation).
   */
  public Map<String, String> scopeValues() {
    Map<String, String> values = new LinkedHashMap<>();
    if (!isOrganisation()) {
      values.put(ScopeResolver.USER_KEY, userId);
    }
    if (tenantId != null) {
      values.put(ScopeResolver.TENANT_KEY, tenantId);
    }
    return values;
  }

  /**
   * @throws dev.cogent.ApiException 403 when the caller is a super API key, which has no user
   */
  public String requireUserId() {
    if (isOrganisation()) {
      throw IdentityErrors.permissionDenied(
          "A super API key acts for the organisation, not for a user; use a user's credentials");
    }
    return userId;
  }
}
