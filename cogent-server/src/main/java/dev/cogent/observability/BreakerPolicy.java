package dev.cogent.observability;

import dev.cogent.settings.ObservabilitySettings;
import java.time.Duration;

/**
 * When a circuit breaker opens and how it recovers.
 *
 * @param failureThreshold consecutive failures that open a breaker (at least 1)
 * @param openDuration how long an open breaker refuses calls before it lets one trial through
 * @param probeTimeout how long a half-open breaker waits for its trial call's outcome before it
 *     lets another trial through (a trial whose caller was cancelled never reports)
 */
public record BreakerPolicy(int failureThreshold, Duration openDuration, Duration probeTimeout) {

  public BreakerPolicy {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1");
    }
    if (openDuration == null || openDuration.isNegative()) {
      throw new IllegalArgumentException("openDuration must not be negative");
    }
    if (probeTimeout == null || probeTimeout.isNegative()) {
      throw new IllegalArgumentException("probeTimeout must not be negative");
    }
  }

  /** The policy the {@code observability.breaker_*} settings describe. */
  public static BreakerPolicy of(ObservabilitySettings settings) {
    return new BreakerPolicy(
        settings.breakerFailureThreshold(),
        settings.breakerOpenDuration(),
        settings.breakerProbeTimeout());
  }
}
