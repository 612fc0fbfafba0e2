package dev.cogent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private final AccessTokens tokens = new AccessTokens(SECRET, Duration.ofMinutes(60), clock);

  @Test
  void a_signed_token_verifies_to_its_user() {
    AccessTokens.Issued issued = tokens.issue("user-1");

    assertThat(tokens.verify(issued.token())).contains("user-1");
    assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));
    assertThat(issued.token().split("\\.")).hasSize(3);
  }

  @Test
  void a_token_expires_after_its_lifetime() {
    String token = tokens.issue("user-1").token();

    clock.advance(Duration.ofMinutes(59));
    assertThat(tokens.verify(token)).contains("user-1");
    clock.advance(Duration.ofMinutes(1));
    assertThat(tokens.verify(token)).isEmpty();
  }

  @Test
  void a_tampered_payload_is_rejected() {
    String[] parts = tokens.issue("user-1").token().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("user-1", "user-2");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(tokens.verify(forged)).isEmpty();
  }

  @Test
  void a_tampered_signature_is_rejected() {
    String token = tokens.issue("user-1").token();
    char last = token.charAt(token.length() - 2);
    String forged =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);

    assertThat(tokens.verify(forged)).isEmpty();
  }

  @Test
  void a_token_of_another_key_is_rejected() {
    byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);
    String token = new AccessTokens(other, Duration.ofMinutes(60), clock).issue("user-1").token();

    assertThat(tokens.verify(token)).isEmpty();
  }

  @Test
  void an_unsigned_token_is_rejected() {
    String[] parts = tokens.issue("user-1").token().split("\\.");
    String none =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(tokens.verify(none + "." + parts[1] + ".")).isEmpty();
  }

  @Test
  void garbage_is_rejected() {
    assertThat(tokens.verify("not-a-token")).isEmpty();
    assertThat(tokens.verify("")).isEmpty();
  }
}
