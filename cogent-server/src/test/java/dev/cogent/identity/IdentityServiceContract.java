package dev.cogent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, logins and API keys in storage; runs on SQLite and on a real PostgreSQL. */
abstract class IdentityServiceContract {

  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private Database database;
  private UserService users;
  private ApiKeyService apiKeys;
  private boolean superKeysEnabled = true;

  abstract DatabaseKind kind();

  @BeforeEach
  void open() {
    database = Database.open(new StoreSettings(dir, kind().newDatabaseUrl(dir), null, null, 10));
    users =
        new UserService(
            database,
            new PasswordHasher(TestServer.PASSWORD_HASH_MEMORY_KIB),
            new AccessTokens(SECRET, Duration.ofMinutes(60), clock),
            clock);
    apiKeys = keys();
  }

  private ApiKeyService keys() {
    return new ApiKeyService(
        database,
        users,
        new ApiKeyService.SuperKeyPolicy(superKeysEnabled, Duration.ofMinutes(15)),
        new SecureRandom(),
        clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static void assertFails(ThrowingCallable call, ErrorCode code, String reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              if (reason != null) {
                assertThat(e.details()).containsEntry("reason", reason);
              }
            });
  }

  private Principal principal(User user) {
    return new Principal(
        CredentialKind.ACCESS_TOKEN, user.id(), user.email(), user.isSuperuser(), null, null);
  }

  @Test
  void the_first_registered_user_is_the_only_superuser_and_the_default_user_does_not_count() {
    users.ensureDefaultUser();
    User first = users.register("Admin@Example.com", "a long password");
    User second = users.register("bob@example.com", "another password");

    assertThat(first.isSuperuser()).isTrue();
    assertThat(first.email()).isEqualTo("admin@example.com");
    assertThat(second.isSuperuser()).isFalse();
    assertThat(users.get(first.id())).isEqualTo(first);
  }

  @Test
  void an_email_registers_once_whatever_its_case() {
    users.register("ann@example.com", "a long password");

    assertFails(
        () -> users.register("ANN@example.com", "another password"),
        ErrorCode.BAD_REQUEST,
        "REGISTER_USER_ALREADY_EXISTS");
  }

  @Test
  void passwords_must_follow_the_rules() {
    assertFails(
        () -> users.register("ann@example.com", "short"),
        ErrorCode.BAD_REQUEST,
        "REGISTER_INVALID_PASSWORD");
    assertFails(
        () -> users.register("ann@example.com", "my ann@example.com"),
        ErrorCode.BAD_REQUEST,
        "REGISTER_INVALID_PASSWORD");
    assertFails(
        () -> users.register("not-an-email", "a long password"), ErrorCode.VALIDATION_ERROR, null);
  }

  @Test
  void login_issues_a_token_for_the_right_password_only() {
    User ann = users.register("ann@example.com", "a long password");

    AccessTokens.Issued issued = users.login("ANN@example.com", "a long password");

    assertThat(users.findByToken(issued.token())).contains(ann);
    assertFails(
        () -> users.login("ann@example.com", "a wrong password"),
        ErrorCode.BAD_REQUEST,
        "LOGIN_BAD_CREDENTIALS");
    assertFails(
        () -> users.login("nobody@example.com", "a long password"),
        ErrorCode.BAD_REQUEST,
        "LOGIN_BAD_CREDENTIALS");
  }

  @Test
  void the_default_user_exists_once_and_cannot_log_in() {
    User first = users.ensureDefaultUser();
    User again = users.ensureDefaultUser();

    assertThat(again).isEqualTo(first);
    assertThat(first.email()).isEqualTo(UserService.DEFAULT_USER_EMAIL);
    assertThat(first.isDefault()).isTrue();
    assertFails(
        () -> users.login(UserService.DEFAULT_USER_EMAIL, "default_password"),
        ErrorCode.BAD_REQUEST,
        "LOGIN_BAD_CREDENTIALS");
  }

  @Test
  void a_created_key_authenticates_its_owner_and_is_shown_only_once() {
    User ann = users.register("ann@example.com", "a long password");

    CreatedApiKey created = apiKeys.create(principal(ann), "ci");

    assertThat(created.key()).startsWith("cog_").hasSizeGreaterThan(40);
    assertThat(created.label()).isEqualTo(created.key().substring(0, 12) + "****");
    Principal caller = apiKeys.authenticate(created.key());
    assertThat(caller.userId()).isEqualTo(ann.id());
    assertThat(caller.kind()).isEqualTo(CredentialKind.API_KEY);
    assertThat(caller.apiKeyId()).isEqualTo(created.id());
    assertThat(apiKeys.list(principal(ann)))
        .singleElement()
        .satisfies(
            key -> {
              assertThat(key.id()).isEqualTo(created.id());
              assertThat(key.name()).isEqualTo("ci");
              assertThat(key.key()).isEqualTo(ApiKey.MASK);
              assertThat(key.toString()).doesNotContain(created.key());
            });
  }

  @Test
  void only_the_sha256_of_a_key_is_stored() throws Exception {
    User ann = users.register("ann@example.com", "a long password");
    CreatedApiKey created = apiKeys.create(principal(ann), "ci");

    Map<String, Object> row =
        database.withHandle(
            handle ->
                handle
                    .createQuery("SELECT prefix, key_hash FROM api_keys WHERE id = :id")
                    .bind("id", created.id())
                    .mapToMap()
                    .one());

    String sha256 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(created.key().getBytes(StandardCharsets.UTF_8)));
    assertThat(row).containsEntry("key_hash", sha256);
    assertThat(row.get("prefix")).isEqualTo(created.key().substring(0, 12));
    String everything =
        database.withHandle(
            handle -> handle.createQuery("SELECT * FROM api_keys").mapToMap().list().toString());
    assertThat(everything).doesNotContain(created.key());
  }

  @Test
  void a_wrong_or_revoked_key_is_refused() {
    User ann = users.register("ann@example.com", "a long password");
    CreatedApiKey created = apiKeys.create(principal(ann), null);
    String almost =
        created.key().substring(0, created.key().length() - 1)
            + (created.key().endsWith("A") ? "B" : "A");

    assertFails(() -> apiKeys.authenticate(almost), ErrorCode.UNAUTHENTICATED, null);
    assertFails(() -> apiKeys.authenticate("cog_short"), ErrorCode.UNAUTHENTICATED, null);

    apiKeys.revoke(principal(ann), created.id());

    assertFails(() -> apiKeys.authenticate(created.key()), ErrorCode.UNAUTHENTICATED, null);
    assertThat(apiKeys.list(principal(ann))).isEmpty();
  }

  @Test
  void a_user_cannot_see_or_revoke_another_users_key() {
    User ann = users.register("ann@example.com", "a long password");
    User bob = users.register("bob@example.com", "a long password");
    CreatedApiKey annsKey = apiKeys.create(principal(ann), null);

    assertThat(apiKeys.list(principal(bob))).isEmpty();
    assertFails(() -> apiKeys.revoke(principal(bob), annsKey.id()), ErrorCode.NOT_FOUND, null);
    assertThat(apiKeys.authenticate(annsKey.key()).userId()).isEqualTo(ann.id());
  }

  @Test
  void last_used_at_is_recorded_at_most_once_a_minute() {
    User ann = users.register("ann@example.com", "a long password");
    CreatedApiKey created = apiKeys.create(principal(ann), null);
    Instant start = clock.instant();

    assertThat(apiKeys.list(principal(ann)).get(0).lastUsedAt()).isNull();
    apiKeys.authenticate(created.key());
    assertThat(apiKeys.list(principal(ann)).get(0).lastUsedAt()).isEqualTo(start);

    clock.advance(Duration.ofSeconds(30));
    apiKeys.authenticate(created.key());
    assertThat(apiKeys.list(principal(ann)).get(0).lastUsedAt()).isEqualTo(start);

    clock.advance(Duration.ofSeconds(31));
    apiKeys.authenticate(created.key());
    assertThat(apiKeys.list(principal(ann)).get(0).lastUsedAt())
        .isEqualTo(start.plus(Duration.ofSeconds(61)));
  }

  @Test
  void a_user_holds_at_most_ten_keys() {
    User ann = users.register("ann@example.com", "a long password");
    for (int i = 0; i < ApiKeyService.MAX_KEYS_PER_USER; i++) {
      apiKeys.create(principal(ann), "key " + i);
    }

    assertFails(() -> apiKeys.create(principal(ann), "one more"), ErrorCode.BAD_REQUEST, null);
  }

  @Test
  void a_super_key_acts_for_the_organisation_until_it_expires() {
    User admin = users.register("admin@example.com", "a long password");

    CreatedApiKey created = apiKeys.createSuperKey(principal(admin), "migration");

    assertThat(created.key()).startsWith("cogs_");
    assertThat(created.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    Principal caller = apiKeys.authenticate(created.key());
    assertThat(caller.kind()).isEqualTo(CredentialKind.SUPER_API_KEY);
    assertThat(caller.isSuperuser()).isTrue();
    assertThat(caller.scopeValues()).isEmpty();

    clock.advance(Duration.ofMinutes(14).plusSeconds(59));
    assertThat(apiKeys.authenticate(created.key()).kind()).isEqualTo(CredentialKind.SUPER_API_KEY);
    clock.advance(Duration.ofSeconds(1));
    assertFails(() -> apiKeys.authenticate(created.key()), ErrorCode.UNAUTHENTICATED, null);
  }

  @Test
  void only_an_administrator_creates_super_keys_and_only_when_enabled() {
    User admin = users.register("admin@example.com", "a long password");
    User bob = users.register("bob@example.com", "a long password");

    assertFails(
        () -> apiKeys.createSuperKey(principal(bob), null), ErrorCode.PERMISSION_DENIED, null);

    superKeysEnabled = false;
    ApiKeyService disabled = keys();
    assertFails(
        () -> disabled.createSuperKey(principal(admin), null), ErrorCode.PERMISSION_DENIED, null);
  }

  @Test
  void a_super_key_stops_working_when_super_keys_are_disabled() {
    User admin = users.register("admin@example.com", "a long password");
    CreatedApiKey created = apiKeys.createSuperKey(principal(admin), null);

    superKeysEnabled = false;
    ApiKeyService disabled = keys();

    assertFails(() -> disabled.authenticate(created.key()), ErrorCode.UNAUTHENTICATED, null);
  }
}
