package dev.cogent.http.routes;

import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.identity.AccessTokens;
import dev.cogent.identity.ApiKeyService;
import dev.cogent.identity.AuthRequests;
import dev.cogent.identity.IdentityErrors;
import dev.cogent.identity.UserService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/v1/auth}: register, login, logout, me, API keys and super API keys. Paths, fields and
 * codes follow the anchor (cognee) so that its clients work; see docs/security.md.
 */
public final class AuthRoutes {

  private final UserService users;
  private final ApiKeyService apiKeys;
  private final Authentication authentication;
  private final Duration tokenTtl;
  private final Requests requests;

  public AuthRoutes(
      UserService users,
      ApiKeyService apiKeys,
      Authentication authentication,
      Duration tokenTtl,
      Requests requests) {
    this.users = users;
    this.apiKeys = apiKeys;
    this.authentication = authentication;
    this.tokenTtl = tokenTtl;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/auth/register", this::register);
    routes.post("/api/v1/auth/login", this::login);
    routes.post("/api/v1/auth/logout", this::logout);
    routes.get("/api/v1/auth/me", this::me);
    routes.get("/api/v1/auth/api-keys", this::listKeys);
    routes.post("/api/v1/auth/api-keys", this::createKey);
    routes.delete("/api/v1/auth/api-keys/{api_key_id}", this::revokeKey);
    routes.post("/api/v1/auth/super-api-keys", this::createSuperKey);
  }

  private void register(Context ctx) {
    var request = requests.body(ctx, AuthRequests.Register.class);
    ctx.status(201).json(AuthRequests.UserView.of(users.register(request)));
  }

  /**
   * The OAuth2 password flow: a form with {@code username} (the email) and {@code password}, or the
   * same fields as JSON.
   */
  private void login(Context ctx) {
    AuthRequests.Login form =
        isJson(ctx)
            ? requests.body(ctx, AuthRequests.Login.class)
            : new AuthRequests.Login(formParam(ctx, "username"), formParam(ctx, "password"));
    if (form.username() == null || form.password() == null) {
      throw IdentityErrors.badCredentials();
    }
    AccessTokens.Issued issued = users.login(form.username(), form.password());
    ctx.header("Set-Cookie", Authentication.tokenCookie(issued.token(), tokenTtl));
    ctx.header("Cache-Control", "no-store");
    ctx.json(AuthRequests.Token.bearer(issued));
  }

  /** Clears the cookie. An access token stays valid until it expires (tokens are stateless). */
  private void logout(Context ctx) {
    authentication.principal(ctx);
    ctx.header("Set-Cookie", Authentication.clearedCookie());
    ctx.json(Map.of());
  }

  private void me(Context ctx) {
    String userId = authentication.principal(ctx).requireUserId();
    ctx.json(AuthRequests.UserView.of(users.get(userId)));
  }

  private void listKeys(Context ctx) {
    ctx.json(apiKeys.list(authentication.principal(ctx)));
  }

  private void createKey(Context ctx) {
    var request = requests.body(ctx, AuthRequests.CreateKey.class);
    ctx.header("Cache-Control", "no-store");
    ctx.status(201).json(apiKeys.create(authentication.principal(ctx), request.name()));
  }

  private void revokeKey(Context ctx) {
    apiKeys.revoke(authentication.principal(ctx), ctx.pathParam("api_key_id"));
    ctx.status(204);
  }

  private void createSuperKey(Context ctx) {
    var request = requests.body(ctx, AuthRequests.CreateKey.class);
    ctx.header("Cache-Control", "no-store");
    ctx.status(201).json(apiKeys.createSuperKey(authentication.principal(ctx), request.name()));
  }

  private static boolean isJson(Context ctx) {
    String contentType = ctx.contentType();
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /** A field of a urlencoded form; null when absent, empty or the body is not such a form. */
  private static String formParam(Context ctx, String name) {
    String contentType = ctx.contentType();
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return null;
    }
    String value = ctx.formParam(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
