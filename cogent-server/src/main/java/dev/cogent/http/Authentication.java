package dev.cogent.http;

import dev.cogent.identity.Authenticator;
import dev.cogent.identity.Credentials;
import dev.cogent.identity.IdentityErrors;
import dev.cogent.identity.Principal;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The authentication filter: reads the credentials of a request ({@code X-API-Key} header, {@code
 * api_key} query parameter, {@code Authorization: Bearer}, {@code auth_token} cookie), turns them
 * into the request's {@link Principal}, and answers 401 {@code UNAUTHENTICATED} when they are
 * invalid, or missing while authentication is required. Without credentials and with authentication
 * off, the caller is the built-in default user. Open routes (probes, API documents, login,
 * register) are not checked at all, so a stale cookie never blocks a login.
 *
 * <p>The {@code api_key} query parameter never reaches a log: the access log writes the path
 * without the query string.
 */
public final class Authentication {

  /** The cookie that carries the access token, as in the anchor. */
  public static final String COOKIE = "auth_token";

  static final String PRINCIPAL_ATTRIBUTE = "cogent.principal";

  private static final Set<String> OPEN =
      Set.of(
          "/health",
          "/ready",
          "/docs",
          "/openapi.json",
          "/api/v1/auth/login",
          "/api/v1/auth/register");

  private static final String BEARER = "bearer ";

  private final Authenticator authenticator;

  public Authentication(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** Runs before every matched route, ahead of the scope filter. */
  void authenticate(Context ctx) {
    if (isOpen(ctx.path())) {
      return;
    }
    Credentials credentials = credentials(ctx);
    if (credentials.isEmpty()) {
      if (authenticator.isRequired()) {
        throw challenge(
            ctx,
            IdentityErrors.unauthenticated(
                "Authentication required: send an access token (Authorization: Bearer, or the"
                    + " auth_token cookie from /api/v1/auth/login) or an API key (X-API-Key)"));
      }
      ctx.attribute(PRINCIPAL_ATTRIBUTE, authenticator.defaultPrincipal());
      return;
    }
    try {
      ctx.attribute(PRINCIPAL_ATTRIBUTE, authenticator.authenticate(credentials));
    } catch (dev.cogent.ApiException e) {
      throw challenge(ctx, e);
    }
  }

  /**
   * The caller of this request.
   *
   * @throws dev.cogent.ApiException 401 on a route that was not authenticated
   */
  public Principal principal(Context ctx) {
    Principal principal = ctx.attribute(PRINCIPAL_ATTRIBUTE);
    if (principal == null) {
      throw IdentityErrors.unauthenticated("Authentication required");
    }
    return principal;
  }

  /**
   * The caller of this request, who must be the server's administrator (a superuser, a super API
   * key, or the default user while authentication is off).
   *
   * @throws dev.cogent.ApiException 403 {@code PERMISSION_DENIED} for anyone else
   */
  public Principal administrator(Context ctx) {
    Principal principal = principal(ctx);
    if (!principal.isSuperuser()) {
      throw IdentityErrors.permissionDenied("Only the server's administrator may do this");
    }
    return principal;
  }

  /** The {@code Set-Cookie} value that stores an access token: HttpOnly, SameSite=Lax. */
  public static String tokenCookie(String token, Duration maxAge) {
    return COOKIE
        + "="
        + token
        + "; Path=/; Max-Age="
        + maxAge.toSeconds()
        + "; HttpOnly;"
        + " SameSite=Lax";
  }

  /** The {@code Set-Cookie} value that deletes the access token cookie. */
  public static String clearedCookie() {
    return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
  }

  private static dev.cogent.ApiException challenge(Context ctx, dev.cogent.ApiException e) {
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    return e;
  }

  private static Credentials credentials(Context ctx) {
    String apiKey = blankToNull(ctx.header("X-API-Key"));
    if (apiKey == null) {
      apiKey = blankToNull(ctx.queryParam("api_key"));
    }
    String bearer = null;
    String authorization = ctx.header("Authorization");
    if (authorization != null
        && authorization.length() > BEARER.length()
        && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      bearer = blankToNull(authorization.substring(BEARER.length()));
    }
    return new Credentials(apiKey, bearer, blankToNull(ctx.cookie(COOKIE)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static boolean isOpen(String path) {
    return OPEN.contains(path) || path.startsWith("/webjars/");
  }
}
