package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The answer to a login: a bearer token (a JWT) valid until {@code expiresAt}. Treat it as a
 * secret; {@link #toString()} does not show it.
 */
public record AccessToken(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_at") Instant expiresAt) {

  @Override
  public String toString() {
    return "AccessToken[tokenType=" + tokenType + ", expiresAt=" + expiresAt + "]";
  }
}
