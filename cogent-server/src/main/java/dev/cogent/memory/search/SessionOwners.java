package dev.cogent.memory.search;

import dev.cogent.identity.CredentialKind;
import dev.cogent.identity.Principal;
import dev.cogent.identity.User;
import dev.cogent.identity.UserService;
import dev.cogent.scope.Scope;
import dev.cogent.scope.ScopeResolver;
import java.util.Optional;

/**
 * Who owns a session, for the memory tools: the user whose id is the session scope's {@code user}
 * value (an authenticated caller's scope always carries it), else the default user when
 * authentication is off (sessions created without credentials). A session of a super API key has no
 * user and so no memory. Thread-safe.
 */
public final class SessionOwners {

  private final UserService users;
  private final User defaultUser;

  /**
   * @param defaultUser the user of calls without credentials; null when authentication is required
   */
  public SessionOwners(UserService users, User defaultUser) {
    this.users = users;
    this.defaultUser = defaultUser;
  }

  /** The owner acting as itself; empty when the scope names no usable user. */
  public Optional<Principal> owner(Scope scope) {
    String userId = scope.values().get(ScopeResolver.USER_KEY);
    if (userId == null) {
      return Optional.ofNullable(defaultUser)
          .map(user -> principal(user, CredentialKind.DEFAULT_USER));
    }
    // The session was created with the owner's verified credentials; the tool acts for them
    // exactly as their own requests would (same permission checks).
    return users.find(userId).map(user -> principal(user, CredentialKind.ACCESS_TOKEN));
  }

  private static Principal principal(User user, CredentialKind kind) {
    return new Principal(kind, user.id(), user.email(), user.isSuperuser(), user.tenantId(), null);
  }
}
