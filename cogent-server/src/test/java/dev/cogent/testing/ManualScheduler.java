package dev.cogent.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose time moves only when a test calls {@link #advance}: due tasks then run on the
 * test's thread, in order, so periodic work is tested without sleeping. {@link #nanoTime} is its
 * clock, for the code under test to measure waits on.
 *
 * <p>Thread-safe: code under test may schedule from threads of its own while the test advances.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {

  private final List<Task> tasks = new ArrayList<>();
  private long nowNanos;
  private boolean shutdown;

  /** Moves time forward, running every task that falls due on the way. */
  public synchronized void advance(Duration duration) {
    long target = nowNanos + duration.toNanos();
    while (true) {
      Task next =
          tasks.stream()
              .filter(task -> !task.isDone() && task.dueNanos <= target)
              .min(Comparator.comparingLong(task -> task.dueNanos))
              .orElse(null);
      if (next == null) {
        break;
      }
      nowNanos = next.dueNanos;
      next.runOnce();
    }
    nowNanos = target;
  }

  /** Now, on this scheduler's clock: the nanoseconds it has been advanced by. */
  public synchronized long nanoTime() {
    return nowNanos;
  }

  /** The tasks still waiting to run (periodic ones until cancelled). */
  public synchronized long pending() {
    return tasks.stream().filter(task -> !task.isDone()).count();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(command, unit.toNanos(delay), 0);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not needed by the tests yet");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return add(command, unit.toNanos(initialDelay), unit.toNanos(period));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return add(command, unit.toNanos(initialDelay), unit.toNanos(delay));
  }

  @Override
  public void execute(Runnable command) {
    add(command, 0, 0);
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    tasks.forEach(task -> task.cancel(false));
    return List.of();
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private synchronized Task add(Runnable command, long delayNanos, long periodNanos) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    Task task = new Task(command, nowNanos + delayNanos, periodNanos);
    tasks.add(task);
    return task;
  }

  private final class Task implements ScheduledFuture<Object> {

    private final Runnable command;
    private final long periodNanos;
    private long dueNanos;
    private volatile boolean cancelled;
    private volatile boolean done;

    Task(Runnable command, long dueNanos, long periodNanos) {
      this.command = command;
      this.dueNanos = dueNanos;
      this.periodNanos = periodNanos;
    }

    void runOnce() {
      try {
        command.run();
      } catch (RuntimeException e) {
        // As a real scheduler does: an exception ends a periodic task.
        done = true;
        return;
      }
      if (periodNanos > 0) {
        dueNanos = nowNanos + periodNanos;
      } else {
        done = true;
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - nowNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled = true;
      return !done;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
