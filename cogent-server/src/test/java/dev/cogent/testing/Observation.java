package dev.cogent.testing;

import dev.cogent.observability.BreakerPolicy;
import dev.cogent.observability.CircuitBreakers;
import dev.cogent.observability.Metrics;
import dev.cogent.observability.RunTracer;
import dev.cogent.observability.Telemetry;
import dev.cogent.settings.ObservabilitySettings;
import java.time.Duration;
import java.time.InstantSource;

/** Observability for tests that build services by hand and are not about it. */
public final class Observation {

  private Observation() {}

  /** A tracer with tracing off; its metrics go to a registry nobody reads. */
  public static RunTracer untraced() {
    return new RunTracer(
        new Telemetry(
            new ObservabilitySettings(
                false, null, null, false, 3, Duration.ofSeconds(30), Duration.ofSeconds(30)),
            "test"),
        new Metrics());
  }

  /** Breakers that open after 3 failures for 30 s, as the server's. */
  public static CircuitBreakers breakers(InstantSource clock) {
    return new CircuitBreakers(
        clock, new BreakerPolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(30)));
  }
}
