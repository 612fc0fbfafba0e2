package dev.cogent.identity;

import dev.cogent.ApiException;

/**
 * Turns the credentials of a request into its {@link Principal}. Credentials that are sent must be
 * valid, whether or not authentication is required: a wrong key is a 401, never a silent fall-back
 * to the default user. Thread-safe.
 */
public final class Authenticator {

  private final UserService users;
  private final ApiKeyService apiKeys;
  private final User defaultUser;
  private final boolean required;

  /**
   * @param defaultUser the built-in user of calls without credentials when authentication is off
   * @param required {@code auth.require_authentication}
   */
  public Authenticator(
      UserService users, ApiKeyService apiKeys, User defaultUser, boolean required) {
    this.users = users;
    this.apiKeys = apiKeys;
    this.defaultUser = defaultUser;
    this.required = required;
  }

  /** Whether every protected route needs credentials. */
  public boolean isRequired() {
    return required;
  }

  /** The caller of a request without credentials while authentication is off. */
  public Principal defaultPrincipal() {
    return Principal.of(defaultUser, CredentialKind.DEFAULT_USER, null);
  }

  /**
   * @param credentials not empty
   * @throws ApiException 401 when the credentials are not valid
   */
  public Principal authenticate(Credentials credentials) {
    if (credentials.apiKey() != null) {
      return apiKeys.authenticate(credentials.apiKey());
    }
    if (credentials.bearer() != null) {
      return ApiKeyService.isApiKey(credentials.bearer())
          ? apiKeys.authenticate(credentials.bearer())
          : token(credentials.bearer());
    }
    if (credentials.cookieToken() != null) {
      return token(credentials.cookieToken());
    }
    throw IdentityErrors.unauthenticated("No credentials");
  }

  private Principal token(String token) {
    return users
        .findByToken(token)
        .map(user -> Principal.of(user, CredentialKind.ACCESS_TOKEN, null))
        .orElseThrow(
            () -> IdentityErrors.unauthenticated("Invalid or expired access token; log in again"));
  }
}
