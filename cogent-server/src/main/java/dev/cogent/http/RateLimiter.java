package dev.cogent.http;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.settings.RateLimitSettings;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Throttles callers with a token bucket each ("Rate Limiting" in spec 001). A caller is its scope
 * when scoping is on, else its client address. The limits are read on every request, so a {@code
 * PATCH /config} of {@code rate_limit.*} applies at once.
 */
final class RateLimiter {

  /** Past this many callers, buckets that have refilled completely are forgotten. */
  private static final int SWEEP_THRESHOLD = 10_000;

  private final Supplier<RateLimitSettings> limits;
  private final InstantSource clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(Supplier<RateLimitSettings> limits, InstantSource clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Takes a token for the caller.
   *
   * @return the decision, with the headers to send
   * @throws ApiException {@code RATE_LIMITED} when the caller has no token left
   */
  TokenBucket.Decision acquire(String caller) {
    RateLimitSettings current = limits.get();
    long now = clock.millis();
    if (buckets.size() > SWEEP_THRESHOLD) {
      buckets.entrySet().removeIf(e -> e.getValue().isFull(current, now));
    }
    TokenBucket bucket = buckets.computeIfAbsent(caller, key -> new TokenBucket(current, now));
    TokenBucket.Decision decision = bucket.tryTake(current, now);
    if (!decision.allowed()) {
      throw new RateLimitedException(current.perMinute(), decision.retryAfterSeconds());
    }
    return decision;
  }

  int limit() {
    return limits.get().perMinute();
  }

  /** A refused request; carries what the {@code Retry-After} header says. */
  static final class RateLimitedException extends ApiException {
    private final int limit;
    private final long retryAfterSeconds;

    RateLimitedException(int limit, long retryAfterSeconds) {
      super(
          ErrorCode.RATE_LIMITED,
          "Rate limit exceeded",
          Map.of("retry_after_seconds", retryAfterSeconds, "limit_per_minute", limit));
      this.limit = limit;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    int limit() {
      return limit;
    }

    long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
