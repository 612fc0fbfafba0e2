package dev.cogent.http;

import dev.cogent.settings.RateLimitSettings;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One caller's token bucket: holds at most {@code burst} tokens and refills {@code per_minute} of
 * them a minute, continuously. Time comes from the caller so that tests control it.
 */
final class TokenBucket {

  private static final double MILLIS_PER_MINUTE = 60_000.0;

  private final ReentrantLock lock = new ReentrantLock();
  private double tokens;
  private long lastRefillMillis;

  TokenBucket(RateLimitSettings limits, long nowMillis) {
    this.tokens = limits.burst();
    this.lastRefillMillis = nowMillis;
  }

  /** Takes one token if there is one; the limits are passed in so a change applies at once. */
  Decision tryTake(RateLimitSettings limits, long nowMillis) {
    lock.lock();
    try {
      refill(limits, nowMillis);
      if (tokens >= 1.0) {
        tokens -= 1.0;
        return new Decision(true, (int) Math.floor(tokens), 0);
      }
      double perMilli = limits.perMinute() / MILLIS_PER_MINUTE;
      long waitMillis = (long) Math.ceil((1.0 - tokens) / perMilli);
      return new Decision(false, 0, Math.max(1, (waitMillis + 999) / 1000));
    } finally {
      lock.unlock();
    }
  }

  /** Whether the bucket has refilled completely, so forgetting it changes nothing. */
  boolean isFull(RateLimitSettings limits, long nowMillis) {
    lock.lock();
    try {
      refill(limits, nowMillis);
      return tokens >= limits.burst();
    } finally {
      lock.unlock();
    }
  }

  private void refill(RateLimitSettings limits, long nowMillis) {
    long elapsed = Math.max(0, nowMillis - lastRefillMillis);
    tokens = Math.min(limits.burst(), tokens + elapsed * limits.perMinute() / MILLIS_PER_MINUTE);
    lastRefillMillis = nowMillis;
  }

  /**
   * @param remaining whole tokens left after this request
   * @param retryAfterSeconds when refused, how long until one token is back
   */
  record Decision(boolean allowed, int remaining, long retryAfterSeconds) {}
}
