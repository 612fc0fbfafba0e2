package dev.cogent.identity;

/**
 * What a request presented, each null when absent: an API key ({@code X-API-Key} header or {@code
 * api_key} query parameter), a Bearer token ({@code Authorization: Bearer}: an API key or a JWT,
 * told apart by the key prefix), and the {@code auth_token} cookie. The first present one, in this
 * order, is the one checked (as in the anchor).
 */
public record Credentials(String apiKey, String bearer, String cookieToken) {

  public boolean isEmpty() {
    return apiKey == null && bearer == null && cookieToken == null;
  }
}
