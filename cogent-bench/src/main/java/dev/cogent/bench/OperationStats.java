package dev.cogent.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The results of one operation over the measured window. Latencies are of successful requests only,
 * in milliseconds; throughput counts successful requests per second.
 */
record OperationStats(
    @JsonProperty("operation") String operation,
    @JsonProperty("count") long count,
    @JsonProperty("errors") long errors,
    @JsonProperty("throughput_per_second") double throughputPerSecond,
    @JsonProperty("p50_ms") double p50Millis,
    @JsonProperty("p90_ms") double p90Millis,
    @JsonProperty("p99_ms") double p99Millis,
    @JsonProperty("max_ms") double maxMillis) {

  private static final double MICROS_PER_MILLI = TimeUnit.MILLISECONDS.toMicros(1);

  OperationStats {
    if (operation == null || operation.isBlank()) {
      throw new IllegalArgumentException("operation is required");
    }
    if (count < 0 || errors < 0) {
      throw new IllegalArgumentException("count and errors must not be negative");
    }
  }

  /**
   * @param latencies successful requests, in microseconds
   * @param measuredSeconds the length of the measured window, for the throughput
   */
  static OperationStats of(
      String operation, Histogram latencies, long errors, double measuredSeconds) {
    if (measuredSeconds <= 0) {
      throw new IllegalArgumentException("measuredSeconds must be positive");
    }
    long count = latencies.getTotalCount();
    return new OperationStats(
        operation,
        count,
        errors,
        count / measuredSeconds,
        millis(latencies, 50.0),
        millis(latencies, 90.0),
        millis(latencies, 99.0),
        count == 0 ? 0 : latencies.getMaxValue() / MICROS_PER_MILLI);
  }

  private static double millis(Histogram latencies, double percentile) {
    return latencies.getTotalCount() == 0
        ? 0
        : latencies.getValueAtPercentile(percentile) / MICROS_PER_MILLI;
  }
}
