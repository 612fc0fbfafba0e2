package dev.cogent.bench;

import java.time.Duration;

/**
 * When a run measures, in {@link System#nanoTime()} terms: operations that start before {@code
 * startNanos} are warm-up, operations that start at or after {@code endNanos} are not started.
 *
 * @param startNanos the end of the warm-up and the start of the measurement
 * @param endNanos the end of the measurement; no operation starts at or after it
 */
record Window(long startNanos, long endNanos) {

  Window {
    if (endNanos - startNanos <= 0) {
      throw new IllegalArgumentException("the measurement must end after it starts");
    }
  }

  /** A window that opens after {@code warmup} and stays open for {@code duration}. */
  static Window after(long nowNanos, Duration warmup, Duration duration) {
    long start = nowNanos + warmup.toNanos();
    return new Window(start, start + duration.toNanos());
  }

  /** Whether an operation that started at {@code nanos} counts in the results. */
  boolean isMeasured(long nanos) {
    return nanos - startNanos >= 0 && nanos - endNanos < 0;
  }

  /** Whether no further operation may start at {@code nanos}. */
  boolean isOver(long nanos) {
    return nanos - endNanos >= 0;
  }
}
