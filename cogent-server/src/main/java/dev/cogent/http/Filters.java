package dev.cogent.http;

import dev.cogent.scope.ScopeResolver;
import io.javalin.http.Context;
import java.util.Set;

/**
 * The request filters that run before a matched route: scope resolution and rate limiting, in that
 * order, so that a scoped caller is limited per scope. Probes and the API documents are exempt from
 * both: a load balancer must always see {@code /health}, and a client must be able to read {@code
 * /capabilities} to learn which scope headers to send.
 */
final class Filters {

  private static final Set<String> EXEMPT =
      Set.of("/health", "/ready", "/openapi.json", "/docs", "/capabilities");

  private final ScopeResolver scopes;
  private final RateLimiter rateLimiter;

  Filters(ScopeResolver scopes, RateLimiter rateLimiter) {
    this.scopes = scopes;
    this.rateLimiter = rateLimiter;
  }

  void beforeMatched(Context ctx) {
    if (isExempt(ctx.path())) {
      return;
    }
    var scope = scopes.resolve(ctx::header);
    ctx.attribute(Requests.SCOPE_ATTRIBUTE, scope);
    String caller = scopes.isEnabled() ? "scope:" + scope.canonical() : "ip:" + ctx.ip();
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
