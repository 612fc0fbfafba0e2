package dev.cogent.identity;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import java.util.Map;

/**
 * The client errors of identity. Reasons in {@code details.reason} keep the anchor's names ({@code
 * LOGIN_BAD_CREDENTIALS}, {@code REGISTER_USER_ALREADY_EXISTS}, {@code REGISTER_INVALID_PASSWORD})
 * so that its clients can tell the cases apart.
 */
public final class IdentityErrors {

  private IdentityErrors() {}

  /** 401: credentials are missing, malformed, wrong, revoked or expired. */
  public static ApiException unauthenticated(String message) {
    return new ApiException(ErrorCode.UNAUTHENTICATED, message);
  }

  /** 403: the caller is known but may not do this. */
  public static ApiException permissionDenied(String message) {
    return new ApiException(ErrorCode.PERMISSION_DENIED, message);
  }

  /** 400, as the anchor answers a failed login (never says which part was wrong). */
  public static ApiException badCredentials() {
    return new ApiException(
        ErrorCode.BAD_REQUEST,
        "Login failed: wrong email or password",
        Map.of("reason", "LOGIN_BAD_CREDENTIALS"));
  }

  static ApiException userAlreadyExists() {
    return new ApiException(
        ErrorCode.BAD_REQUEST,
        "A user with this email already exists",
        Map.of("reason", "REGISTER_USER_ALREADY_EXISTS"));
  }

  static ApiException invalidPassword(String problem) {
    return new ApiException(
        ErrorCode.BAD_REQUEST,
        "Invalid password: " + problem,
        Map.of("reason", "REGISTER_INVALID_PASSWORD", "field", "password"));
  }

  /** 400: an agent identity tried to log in with a password (the anchor's message). */
  static ApiException agentPasswordLogin() {
    return new ApiException(
        ErrorCode.BAD_REQUEST,
        "This user does not have a password. Use API key authentication.",
        Map.of("reason", "LOGIN_AGENT_NO_PASSWORD"));
  }
}
