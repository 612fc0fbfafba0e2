package dev.cogent.http;

import dev.cogent.identity.Principal;
import dev.cogent.scope.ScopeResolver;
import io.javalin.http.Context;
import java.util.Set;

/**
 * The request filters that run before a matched route: authentication, scope resolution and rate
 * limiting, in that order, so that a scoped caller is limited per scope (an authenticated one per
 * user). Probes and the API documents are exempt from scoping and rate limiting: a load balancer
 * must always see {@code /health}, and a client must be able to read {@code /capabilities} to learn
 * which scope headers to send. {@link Authentication} keeps its own list of open routes.
 */
final class Filters {

  private static final Set<String> EXEMPT =
      Set.of("/health", "/ready", "/openapi.json", "/docs", "/capabilities");

  private final Authentication authentication;
  private final ScopeResolver scopes;
  private final RateLimiter rateLimiter;

  Filters(Authentication authentication, ScopeResolver scopes, RateLimiter rateLimiter) {
    this.authentication = authentication;
    this.scopes = scopes;
    this.rateLimiter = rateLimiter;
  }

  void beforeMatched(Context ctx) {
    authentication.authenticate(ctx);
    if (isExempt(ctx.path())) {
      return;
    }
    Principal principal = ctx.attribute(Authentication.PRINCIPAL_ATTRIBUTE);
    String caller;
    if (principal == null) {
      // Login and register: no caller yet, so no scope; limited per address against guessing.
      caller = "ip:" + ctx.ip();
    } else if (principal.isAuthenticated()) {
      // An authenticated caller's scope comes from its principal, never from scope headers.
      ctx.attribute(
          Requests.SCOPE_ATTRIBUTE, scopes.resolveFor(principal.scopeValues(), ctx::header));
      caller = "user:" + principal.userId();
    } else {
      var scope = scopes.resolve(ctx::header);
      ctx.attribute(Requests.SCOPE_ATTRIBUTE, scope);
      caller = scopes.isEnabled() ? "scope:" + scope.canonical() : "ip:" + ctx.ip();
    }
    try {
      TokenBucket.Decision decision = rateLimiter.acquire(caller);
      ctx.header("X-RateLimit-Limit", String.valueOf(rateLimiter.limit()));
      ctx.header("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
    } catch (RateLimiter.RateLimitedException e) {
      ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
      ctx.header("X-RateLimit-Limit", String.valueOf(e.limit()));
      ctx.header("X-RateLimit-Remaining", "0");
      throw e;
    }
  }

  private static boolean isExempt(String path) {
    return EXEMPT.contains(path) || path.startsWith("/webjars/");
  }
}
