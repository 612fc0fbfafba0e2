package dev.cogent.identity;

/** How a caller proved who it is. */
public enum CredentialKind {
  /** No credentials while authentication is off: the built-in default user. */
  DEFAULT_USER,
  /** A JWT access token, as a Bearer token or the {@code auth_token} cookie. */
  ACCESS_TOKEN,
  /** A user's API key. */
  API_KEY,
  /** A time-limited super API key, acting for the organisation rather than a user. */
  SUPER_API_KEY
}
