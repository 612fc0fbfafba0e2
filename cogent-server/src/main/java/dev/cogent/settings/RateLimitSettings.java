package dev.cogent.settings;

/**
 * The per-caller token bucket: refills {@code perMinute} tokens a minute and holds at most {@code
 * burst}.
 */
public record RateLimitSettings(int perMinute, int burst) {

  public RateLimitSettings {
    if (perMinute < 1) {
      throw new IllegalArgumentException("rate_limit.per_minute must be at least 1");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("rate_limit.burst must be at least 1");
    }
  }
}
