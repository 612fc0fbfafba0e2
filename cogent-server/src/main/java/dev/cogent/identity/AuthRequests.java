package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The bodies of the {@code /api/v1/auth} endpoints. Absent fields are null. */
public final class AuthRequests {

  private AuthRequests() {}

  /**
   * {@code POST /api/v1/auth/register}: the anchor's {@code UserCreate}. {@code is_active} and
   * {@code is_verified} are accepted for its clients and ignored (every user is both); {@code
   * is_superuser: true} and a {@code parent_user_id} cannot be set by registering and are rejected.
   */
  public record Register(
      @JsonProperty("email") String email,
      @JsonProperty("password") String password,
      @JsonProperty("is_active") Boolean isActive,
      @JsonProperty("is_superuser") Boolean isSuperuser,
      @JsonProperty("is_verified") Boolean isVerified,
      @JsonProperty("parent_user_id") String parentUserId) {}

  /** {@code POST /api/v1/auth/login} sent as JSON rather than a form. */
  public record Login(
      @JsonProperty("username") String username, @JsonProperty("password") String password) {}

  /** {@code POST /api/v1/auth/api-keys} and {@code POST /api/v1/auth/super-api-keys}. */
  public record CreateKey(@JsonProperty("name") String name) {}

  /** The answer to a login (the OAuth2 password flow's token response). */
  public record Token(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_at") Instant expiresAt) {

    public static Token bearer(AccessTokens.Issued issued) {
      return new Token(issued.token(), "bearer", issued.expiresAt());
    }
  }

  /** A user on the wire: the anchor's {@code UserRead}, plus {@code created_at}. */
  public record UserView(
      @JsonProperty("id") String id,
      @JsonProperty("email") String email,
      @JsonProperty("is_active") boolean isActive,
      @JsonProperty("is_superuser") boolean isSuperuser,
      @JsonProperty("is_verified") boolean isVerified,
      @JsonProperty("tenant_id") String tenantId,
      @JsonProperty("parent_user_id") String parentUserId,
      @JsonProperty("created_at") Instant createdAt) {

    public static UserView of(User user) {
      return new UserView(
          user.id(),
          user.email(),
          true,
          user.isSuperuser(),
          true,
          user.tenantId(),
          user.parentUserId(),
          user.createdAt());
    }
  }
}
