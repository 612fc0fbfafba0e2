package dev.cogent.settings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Authentication (docs/security.md).
 *
 * @param requireAuthentication whether every route but the probes, the API documents, login and
 *     register needs credentials; when false, callers without credentials act as the built-in
 *     default user
 * @param jwtSecret the HS256 key of access tokens, at least 32 bytes; null means the key generated
 *     on first start and kept in {@code <data dir>/jwt-secret}. A secret: never logged or shown
 * @param jwtTtlMinutes how long an access token (and its cookie) is valid
 * @param superApiKeyEnabled whether an administrator may create organisation-wide super API keys
 * @param superApiKeyTtlMinutes how long a super API key is valid after it is created
 * @param passwordHashMemoryKib the memory cost of new Argon2id password hashes; stored hashes name
 *     their own cost, so changing it never locks anyone out
 */
public record AuthSettings(
    boolean requireAuthentication,
    String jwtSecret,
    int jwtTtlMinutes,
    boolean superApiKeyEnabled,
    int superApiKeyTtlMinutes,
    int passwordHashMemoryKib) {

  /** HS256 needs a key of at least 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  /** The OWASP baseline for Argon2id with 2 iterations and 1 lane. */
  public static final int DEFAULT_PASSWORD_HASH_MEMORY_KIB = 19_456;

  /** Argon2 needs 8 KiB per lane. */
  public static final int MIN_PASSWORD_HASH_MEMORY_KIB = 8;

  public AuthSettings {
    if (jwtSecret != null && jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "auth.jwt_secret must be at least " + MIN_SECRET_BYTES + " bytes (256 bits)");
    }
    if (jwtTtlMinutes < 1) {
      throw new IllegalArgumentException("auth.jwt_ttl_minutes must be at least 1");
    }
    if (superApiKeyTtlMinutes < 1) {
      throw new IllegalArgumentException("auth.super_api_key_ttl_minutes must be at least 1");
    }
    if (passwordHashMemoryKib < MIN_PASSWORD_HASH_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "auth.password_hash_memory_kib must be at least " + MIN_PASSWORD_HASH_MEMORY_KIB);
    }
  }

  /**
   * The built-in defaults: authentication off, a generated secret, 60 and 15 minutes, 19 MiB per
   * password hash.
   */
  public static AuthSettings defaults() {
    return new AuthSettings(false, null, 60, false, 15, DEFAULT_PASSWORD_HASH_MEMORY_KIB);
  }

  public Duration jwtTtl() {
    return Duration.ofMinutes(jwtTtlMinutes);
  }

  public Duration superApiKeyTtl() {
    return Duration.ofMinutes(superApiKeyTtlMinutes);
  }
}
