package dev.cogent.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs a closed loop: a fixed number of workers, each on its own platform thread, repeat their
 * iteration back to back through a warm-up and then a measured window, and stop starting new
 * iterations when the window closes. Every run is bounded: at most {@code concurrency} requests are
 * in flight, and a worker still busy {@code stopGrace} after the window closed fails the run.
 */
final class LoadRunner {

  /** One worker's loop body; it records into the tally it is given and owns. */
  @FunctionalInterface
  interface Iteration {
    void run(Tally tally, Window window) throws InterruptedException;
  }

  /**
   * @param tally every worker's tally, merged
   * @param measuredSeconds from the start of the measurement until the last worker stopped
   */
  record Result(Tally tally, double measuredSeconds) {}

  private final int concurrency;
  private final Duration warmup;
  private final Duration duration;
  private final Duration stopGrace;

  LoadRunner(int concurrency, Duration warmup, Duration duration, Duration stopGrace) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    if (warmup.isNegative() || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("warm-up must not be negative, duration must be positive");
    }
    this.concurrency = concurrency;
    this.warmup = warmup;
    this.duration = duration;
    this.stopGrace = stopGrace;
  }

  /**
   * Runs the workers and waits for them.
   *
   * @param operations the operation names each tally holds
   * @param workers makes worker {@code i}'s iteration; each worker gets its own
   * @throws IllegalStateException when a worker failed unexpectedly or did not stop in time
   */
  Result run(List<String> operations, IntFunction<Iteration> workers) throws InterruptedException {
    Window window = Window.after(System.nanoTime(), warmup, duration);
    Queue<Throwable> crashes = new ConcurrentLinkedQueue<>();
    List<Tally> tallies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Tally tally = new Tally(window, operations);
      Iteration iteration = workers.apply(i);
      Thread thread = new Thread(() -> loop(iteration, tally, window), "bench-worker-" + i);
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler((t, e) -> crashes.add(e));
      tallies.add(tally);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    long deadline = window.endNanos() + stopGrace.toNanos();
    for (Thread thread : threads) {
      long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (remainingMillis > 0) {
        thread.join(remainingMillis);
      }
    }
    long stoppedNanos = System.nanoTime();
    List<Thread> stuck = threads.stream().filter(Thread::isAlive).toList();
    if (!stuck.isEmpty()) {
      stuck.forEach(Thread::interrupt);
      throw new IllegalStateException(
          stuck.size() + " workers were still busy " + stopGrace + " after the measurement ended");
    }
    if (!crashes.isEmpty()) {
      IllegalStateException failure = new IllegalStateException("a worker failed unexpectedly");
      crashes.forEach(failure::addSuppressed);
      throw failure;
    }
    double measuredSeconds = (stoppedNanos - window.startNanos()) / 1e9;
    return new Result(Tally.merge(tallies), measuredSeconds);
  }

  private static void loop(Iteration iteration, Tally tally, Window window) {
    try {
      while (!window.isOver(System.nanoTime())) {
        iteration.run(tally, window);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
