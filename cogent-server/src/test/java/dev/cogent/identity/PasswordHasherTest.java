package dev.cogent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.settings.AuthSettings;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher =
      new PasswordHasher(AuthSettings.DEFAULT_PASSWORD_HASH_MEMORY_KIB);

  @Test
  void hashes_with_argon2id_in_the_phc_format() {
    String hash = hasher.hash("correct horse battery");

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct");
  }

  @Test
  void hashes_with_the_configured_memory_and_verifies_any_stored_cost() {
    PasswordHasher cheap = new PasswordHasher(64);
    String hash = cheap.hash("correct horse battery");

    assertThat(hash).startsWith("$argon2id$v=19$m=64,t=2,p=1$");
    assertThat(hasher.verify("correct horse battery", hash)).isTrue();
    assertThat(cheap.verify("correct horse battery", hasher.hash("correct horse battery")))
        .isTrue();
  }

  @Test
  void verifies_the_right_password_and_rejects_a_wrong_one() {
    String hash = hasher.hash("correct horse battery");

    assertThat(hasher.verify("correct horse battery", hash)).isTrue();
    assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }

  @Test
  void salts_every_hash() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  void rejects_a_missing_or_foreign_hash() {
    assertThat(hasher.verify("password", null)).isFalse();
    assertThat(hasher.verify("password", "!")).isFalse();
    assertThat(hasher.verify("password", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
  }
}
