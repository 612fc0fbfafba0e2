package dev.cogent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.settings.AuthSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretTest {

  @TempDir Path dir;

  @Test
  void generates_256_random_bits_into_an_owner_only_file_and_reuses_them() throws Exception {
    byte[] first = JwtSecret.load(AuthSettings.defaults(), dir, new SecureRandom());
    byte[] second = JwtSecret.load(AuthSettings.defaults(), dir, new SecureRandom());

    Path file = dir.resolve("jwt-secret");
    assertThat(first).hasSize(32).isEqualTo(second);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void a_new_data_dir_gets_a_different_secret() {
    byte[] first = JwtSecret.load(AuthSettings.defaults(), dir.resolve("a"), new SecureRandom());
    byte[] second = JwtSecret.load(AuthSettings.defaults(), dir.resolve("b"), new SecureRandom());

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void a_configured_secret_wins_and_no_file_is_written() {
    String configured = "a-configured-secret-of-32-bytes!!";
    var settings =
        new AuthSettings(
            false, configured, 60, false, 15, AuthSettings.DEFAULT_PASSWORD_HASH_MEMORY_KIB);

    assertThat(JwtSecret.load(settings, dir, new SecureRandom()))
        .isEqualTo(configured.getBytes(StandardCharsets.UTF_8));
    assertThat(dir.resolve("jwt-secret")).doesNotExist();
  }

  @Test
  void a_short_configured_secret_is_refused() {
    assertThatThrownBy(
            () ->
                new AuthSettings(
                    false,
                    "super_secret",
                    60,
                    false,
                    15,
                    AuthSettings.DEFAULT_PASSWORD_HASH_MEMORY_KIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auth.jwt_secret must be at least 32 bytes");
  }

  @Test
  void a_truncated_secret_file_stops_start_up() throws Exception {
    Files.writeString(dir.resolve("jwt-secret"), "c2hvcnQ=");

    assertThatThrownBy(() -> JwtSecret.load(AuthSettings.defaults(), dir, new SecureRandom()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fewer than 256 bits");
  }
}
