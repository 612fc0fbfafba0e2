package dev.cogent.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one worker observed: a latency histogram per operation (microseconds) and its failures. Each
 * worker owns its tally and is its only writer, so recording takes no lock; the tallies are merged
 * once the workers have stopped. Only operations that started inside the {@link Window} count.
 */
final class Tally {

  /** Longer latencies are recorded as this; the client's request timeout is far below it. */
  static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

  private static final int SIGNIFICANT_DIGITS = 3;
  private static final int EXAMPLE_LENGTH = 200;

  private final Window window;
  private final List<String> operations;
  private final Map<String, Histogram> latencies = new LinkedHashMap<>();
  private final Map<String, Map<String, Failures>> failures = new LinkedHashMap<>();

  /**
   * @param operations the operation names, in the order reports list them
   */
  Tally(Window window, List<String> operations) {
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("at least one operation is required");
    }
    this.window = window;
    this.operations = List.copyOf(operations);
    for (String operation : this.operations) {
      latencies.put(operation, new Histogram(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS));
      failures.put(operation, new LinkedHashMap<>());
    }
  }

  /** Records a successful operation that ran from {@code startNanos} to {@code endNanos}. */
  void success(String operation, long startNanos, long endNanos) {
    Histogram histogram = histogram(operation);
    if (window.isMeasured(startNanos)) {
      long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(endNanos - startNanos));
      histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }
  }

  /** Records a failed operation that started at {@code startNanos}. */
  void failure(String operation, long startNanos, String reason, String example) {
    Map<String, Failures> byReason = failuresOf(operation);
    if (window.isMeasured(startNanos)) {
      byReason.computeIfAbsent(reason, key -> new Failures(shorten(example))).count++;
    }
  }

  /** A new tally holding everything {@code tallies} recorded; they must share operations. */
  static Tally merge(List<Tally> tallies) {
    if (tallies.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    Tally first = tallies.get(0);
    Tally merged = new Tally(first.window, first.operations);
    for (Tally tally : tallies) {
      if (!tally.operations.equals(merged.operations)) {
        throw new IllegalArgumentException(
            "cannot merge " + tally.operations + " into " + merged.operations);
      }
      for (String operation : merged.operations) {
        merged.latencies.get(operation).add(tally.latencies.get(operation));
        Map<String, Failures> into = merged.failures.get(operation);
        tally
            .failures
            .get(operation)
            .forEach(
                (reason, counted) ->
                    into.computeIfAbsent(reason, key -> new Failures(counted.example)).count +=
                        counted.count);
      }
    }
    return merged;
  }

  /** One row per operation, in the order given at construction. */
  List<OperationStats> stats(double measuredSeconds) {
    List<OperationStats> stats = new ArrayList<>();
    for (String operation : operations) {
      long errors =
          failures.get(operation).values().stream().mapToLong(counted -> counted.count).sum();
      stats.add(OperationStats.of(operation, latencies.get(operation), errors, measuredSeconds));
    }
    return List.copyOf(stats);
  }

  List<ErrorCount> errors() {
    List<ErrorCount> errors = new ArrayList<>();
    failures.forEach(
        (operation, byReason) ->
            byReason.forEach(
                (reason, counted) ->
                    errors.add(new ErrorCount(operation, reason, counted.count, counted.example))));
    return List.copyOf(errors);
  }

  private Histogram histogram(String operation) {
    Histogram histogram = latencies.get(operation);
    if (histogram == null) {
      throw new IllegalArgumentException("unknown operation " + operation);
    }
    return histogram;
  }

  private Map<String, Failures> failuresOf(String operation) {
    Map<String, Failures> byReason = failures.get(operation);
    if (byReason == null) {
      throw new IllegalArgumentException("unknown operation " + operation);
    }
    return byReason;
  }

  private static String shorten(String example) {
    String oneLine = String.valueOf(example).replaceAll("\\s+", " ").strip();
    return oneLine.length() <= EXAMPLE_LENGTH
        ? oneLine
        : oneLine.substring(0, EXAMPLE_LENGTH - 1) + "…";
  }

  /** The failures of one reason: a count and the first example. */
  private static final class Failures {
    private final String example;
    private long count;

    private Failures(String example) {
      this.example = example;
    }
  }
}
