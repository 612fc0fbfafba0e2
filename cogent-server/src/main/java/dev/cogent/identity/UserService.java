package dev.cogent.identity;

import dev.cogent.ApiException;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users: registration with Argon2id passwords, password login that issues access tokens, and the
 * built-in default user. The first user who registers becomes a superuser (the administrator);
 * everyone after is a regular user. Thread-safe.
 */
public final class UserService {

  /** The built-in user of calls without credentials while authentication is off (the anchor's). */
  public static final String DEFAULT_USER_EMAIL = "default_user@example.com";

  static final int MIN_PASSWORD_LENGTH = 8;
  static final int MAX_PASSWORD_LENGTH = 1024;
  private static final int MAX_EMAIL_LENGTH = 320;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Logger log = LoggerFactory.getLogger(UserService.class);

  private final UserRepository repository;
  private final PasswordHasher hasher;
  private final AccessTokens tokens;
  private final InstantSource clock;

  public UserService(
      dev.cogent.store.Database database,
      PasswordHasher hasher,
      AccessTokens tokens,
      InstantSource clock) {
    this.repository = new UserRepository(database);
    this.hasher = hasher;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * Creates a user. The first one to register becomes a superuser.
   *
   * @throws ApiException 422 for a malformed email or a privilege asked for, 400 {@code
   *     REGISTER_INVALID_PASSWORD} for a password that breaks the rules, 400 {@code
   *     REGISTER_USER_ALREADY_EXISTS} for a taken email
   */
  public User register(AuthRequests.Register request) {
    if (Boolean.TRUE.equals(request.isSuperuser())) {
      throw ApiException.invalid("is_superuser", "cannot be set when registering");
    }
    if (request.parentUserId() != null) {
      throw ApiException.invalid("parent_user_id", "cannot be set when registering");
    }
    return register(request.email(), request.password());
  }

  /** See {@link #register(AuthRequests.Register)}. */
  public User register(String email, String password) {
    String normalized = normalizeEmail(email);
    checkPassword(password, normalized);
    String hash = hasher.hash(password);
    User user =
        new User(
            UUID.randomUUID().toString(),
            normalized,
            true,
            false,
            null,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            null);
    try {
      repository.insert(user, hash, true);
      log.info("Registered the first user {} as superuser", user.id());
      return user;
    } catch (RuntimeException e) {
      if (!repository.isUniqueViolation(e)) {
        throw e;
      }
    }
    if (repository.findByEmail(normalized).isPresent()) {
      throw IdentityErrors.userAlreadyExists();
    }
    User regular = new User(user.id(), normalized, false, false, null, user.createdAt(), null);
    try {
      repository.insert(regular, hash, false);
      return regular;
    } catch (RuntimeException e) {
      if (repository.isUniqueViolation(e)) {
        throw IdentityErrors.userAlreadyExists();
      }
      throw e;
    }
  }

  /**
   * Checks a password and issues an access token.
   *
   * @throws ApiException 400 {@code LOGIN_BAD_CREDENTIALS} for an unknown email, a wrong password
   *     or a user without a password (the default user); the answer never says which
   */
  public AccessTokens.Issued login(String email, String password) {
    if (email == null || password == null || password.length() > MAX_PASSWORD_LENGTH) {
      throw IdentityErrors.badCredentials();
    }
    String normalized = email.strip().toLowerCase(Locale.ROOT);
    if (AgentIdentities.isAgentEmail(normalized)) {
      // Agent identities have no password (spec "Agent Management"); say so plainly. Answered for
      // every agent address, existing or not, so the answer reveals nothing.
      throw IdentityErrors.agentPasswordLogin();
    }
    Optional<UserRepository.Stored> stored = repository.findByEmail(normalized);
    if (stored.isEmpty() || stored.get().passwordHash() == null) {
      hasher.verifyDecoy(password);
      throw IdentityErrors.badCredentials();
    }
    if (!hasher.verify(password, stored.get().passwordHash())) {
      throw IdentityErrors.badCredentials();
    }
    return tokens.issue(stored.get().user().id());
  }

  /** The user of a valid access token; empty when the token is invalid or its user is gone. */
  public Optional<User> findByToken(String token) {
    return tokens.verify(token).flatMap(repository::findById);
  }

  /**
   * Creates an agent identity: a user without a password, child of {@code parent}, in the parent's
   * current tenant.
   *
   * @throws RuntimeException a unique violation when the email is taken
   */
  User createAgentUser(User parent, String email) {
    User agent =
        new User(
            UUID.randomUUID().toString(),
            email,
            false,
            false,
            parent.tenantId(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            parent.id());
    repository.insert(agent, null, false);
    return agent;
  }

  boolean isUniqueViolation(RuntimeException e) {
    return repository.isUniqueViolation(e);
  }

  java.util.List<User> listAgents(String parentUserId) {
    return repository.listByParent(parentUserId);
  }

  void delete(String id) {
    repository.delete(id);
  }

  public Optional<User> find(String id) {
    return repository.findById(id);
  }

  /** The user with this id; 404 when it does not exist. */
  public User get(String id) {
    return repository.findById(id).orElseThrow(() -> ApiException.notFound("user", id));
  }

  /**
   * The built-in default user, created on first use. It is a superuser (as in the anchor) but has
   * no password: it can only be acted as while authentication is off, never logged in as.
   */
  public User ensureDefaultUser() {
    Optional<User> existing = repository.findDefault();
    if (existing.isPresent()) {
      return existing.get();
    }
    User user =
        new User(
            UUID.randomUUID().toString(),
            DEFAULT_USER_EMAIL,
            true,
            true,
            null,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            null);
    try {
      repository.insert(user, null, false);
      return user;
    } catch (RuntimeException e) {
      if (repository.isUniqueViolation(e)) {
        // A concurrent start (or a registered user with that email) got there first.
        return repository
            .findDefault()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        DEFAULT_USER_EMAIL + " is registered as a regular user", e));
      }
      throw e;
    }
  }

  private static String normalizeEmail(String email) {
    if (email == null || email.isBlank()) {
      throw ApiException.invalid("email", "is required");
    }
    String normalized = email.strip().toLowerCase(Locale.ROOT);
    if (normalized.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normalized).matches()) {
      throw ApiException.invalid("email", "must be an email address");
    }
    if (AgentIdentities.isAgentEmail(normalized)) {
      throw ApiException.invalid("email", "is reserved for agent identities");
    }
    return normalized;
  }

  private static void checkPassword(String password, String email) {
    if (password == null) {
      throw ApiException.invalid("password", "is required");
    }
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw IdentityErrors.invalidPassword(
          "must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > MAX_PASSWORD_LENGTH) {
      throw IdentityErrors.invalidPassword(
          "must be at most " + MAX_PASSWORD_LENGTH + " characters");
    }
    if (password.toLowerCase(Locale.ROOT).contains(email)) {
      throw IdentityErrors.invalidPassword("must not contain the email address");
    }
  }
}
