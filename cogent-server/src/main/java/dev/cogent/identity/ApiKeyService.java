package dev.cogent.identity;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys: created for a user (shown once), listed without the key, revoked, and checked on every
 * call that presents one; plus the time-limited super API key of spec 003 that an administrator
 * creates for the organisation. Thread-safe.
 *
 * <p>A key is {@code cog_} (user) or {@code cogs_} (super) followed by 256 random bits in
 * base64url. Only its SHA-256 is stored: a slow password hash (Argon2, PBKDF2) protects low-entropy
 * secrets against guessing, but nobody can enumerate 2^256 keys, so one fast hash is as safe here
 * and keeps every authenticated call cheap. The row is found by the key's first characters (not
 * secret) and the hash is compared in constant time.
 */
public final class ApiKeyService {

  public static final String USER_KEY_PREFIX = "cog_";
  public static final String SUPER_KEY_PREFIX = "cogs_";

  /** Keys a user may hold at once, as in the anchor. */
  static final int MAX_KEYS_PER_USER = 10;

  /** A key's use is recorded at most this often, to spare a write on every call. */
  static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

  private static final int PREFIX_LENGTH = 12;
  private static final int RANDOM_BYTES = 32;
  private static final int MAX_KEY_LENGTH = 100;
  private static final int MAX_NAME_LENGTH = 200;

  private final ApiKeyRepository repository;
  private final UserService users;
  private final SuperKeyPolicy superKeys;
  private final SecureRandom random;
  private final InstantSource clock;

  /** Whether super API keys may be created and used, and how long they live. */
  public record SuperKeyPolicy(boolean enabled, Duration ttl) {}

  public ApiKeyService(
      Database database,
      UserService users,
      SuperKeyPolicy superKeys,
      SecureRandom random,
      InstantSource clock) {
    this.repository = new ApiKeyRepository(database);
    this.users = users;
    this.superKeys = superKeys;
    this.random = random;
    this.clock = clock;
  }

  /**
   * Creates a key for the caller.
   *
   * @throws ApiException 400 when the caller already holds {@value #MAX_KEYS_PER_USER} keys, 422
   *     for a name longer than 200 characters, 403 for a super API key caller
   */
  public CreatedApiKey create(Principal owner, String name) {
    String userId = owner.requireUserId();
    checkName(name);
    if (repository.listActive(userId, ApiKey.USER_KIND).size() >= MAX_KEYS_PER_USER) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST,
          "You have reached the maximum number of API keys (" + MAX_KEYS_PER_USER + ")",
          Map.of("limit", MAX_KEYS_PER_USER));
    }
    return insert(userId, name, ApiKey.USER_KIND, USER_KEY_PREFIX, null);
  }

  /** The caller's keys that are not revoked, oldest first; never the keys themselves. */
  public List<ApiKey> list(Principal owner) {
    return repository.listActive(owner.requireUserId(), ApiKey.USER_KIND);
  }

  /**
   * Revokes one of the caller's keys; it stops working at once.
   *
   * @throws ApiException 404 when the caller has no such active key
   */
  public void revoke(Principal owner, String id) {
    if (!repository.revoke(id, owner.requireUserId(), now())) {
      throw ApiException.notFound("api_key", id);
    }
  }

  /**
   * Creates a super API key (spec 003): it acts for the organisation (the caller's tenant) with
   * administrator rights, and expires after the configured TTL.
   *
   * @throws ApiException 403 when super API keys are disabled or the caller is not a superuser
   */
  public CreatedApiKey createSuperKey(Principal admin, String name) {
    if (!superKeys.enabled()) {
      throw IdentityErrors.permissionDenied(
          "Super API keys are disabled; enable them with COGENT_SUPER_API_KEY_ENABLED=true");
    }
    String userId = admin.requireUserId();
    if (!admin.isSuperuser()) {
      throw IdentityErrors.permissionDenied("Only an administrator may create a super API key");
    }
    checkName(name);
    return insert(userId, name, ApiKey.SUPER_KIND, SUPER_KEY_PREFIX, now().plus(superKeys.ttl()));
  }

  /** Whether a presented secret looks like one of our API keys (as opposed to a JWT). */
  public static boolean isApiKey(String secret) {
    return secret.startsWith(USER_KEY_PREFIX) || secret.startsWith(SUPER_KEY_PREFIX);
  }

  /**
   * The caller a key belongs to.
   *
   * @throws ApiException 401 when the key is unknown, revoked or expired, or its owner is gone
   */
  public Principal authenticate(String key) {
    if (!isApiKey(key) || key.length() < PREFIX_LENGTH || key.length() > MAX_KEY_LENGTH) {
      throw IdentityErrors.unauthenticated("Invalid API key");
    }
    byte[] hash = sha256(key);
    Optional<ApiKeyRepository.Stored> match =
        repository.listByPrefix(key.substring(0, PREFIX_LENGTH)).stream()
            .filter(
                stored -> MessageDigest.isEqual(hash, HexFormat.of().parseHex(stored.keyHash())))
            .findFirst();
    if (match.isEmpty()) {
      throw IdentityErrors.unauthenticated("Invalid API key");
    }
    ApiKey apiKey = match.get().key();
    Instant now = now();
    if (apiKey.revokedAt() != null) {
      throw IdentityErrors.unauthenticated("This API key has been revoked");
    }
    boolean isSuper = ApiKey.SUPER_KIND.equals(apiKey.kind());
    if (apiKey.expiresAt() != null && !now.isBefore(apiKey.expiresAt())) {
      throw IdentityErrors.unauthenticated("This API key has expired");
    }
    if (isSuper && !superKeys.enabled()) {
      throw IdentityErrors.unauthenticated("Super API keys are disabled");
    }
    User user =
        users
            .find(match.get().userId())
            .orElseThrow(() -> IdentityErrors.unauthenticated("Invalid API key"));
    if (apiKey.lastUsedAt() == null
        || !apiKey.lastUsedAt().isAfter(now.minus(LAST_USED_GRANULARITY))) {
      repository.touch(apiKey.id(), now, now.minus(LAST_USED_GRANULARITY));
    }
    return isSuper
        ? new Principal(
            CredentialKind.SUPER_API_KEY,
            user.id(),
            user.email(),
            true,
            user.tenantId(),
            apiKey.id())
        : Principal.of(user, CredentialKind.API_KEY, apiKey.id());
  }

  private CreatedApiKey insert(
      String userId, String name, String kind, String keyPrefix, Instant expiresAt) {
    byte[] secret = new byte[RANDOM_BYTES];
    random.nextBytes(secret);
    String key = keyPrefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiKey stored =
        new ApiKey(
            UUID.randomUUID().toString(),
            name,
            kind,
            key.substring(0, PREFIX_LENGTH),
            now(),
            null,
            expiresAt,
            null);
    repository.insert(
        new ApiKeyRepository.Stored(stored, userId, HexFormat.of().formatHex(sha256(key))));
    return CreatedApiKey.of(stored, key);
  }

  private static void checkName(String name) {
    if (name != null && name.length() > MAX_NAME_LENGTH) {
      throw ApiException.invalid("name", "must be at most " + MAX_NAME_LENGTH + " characters");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
