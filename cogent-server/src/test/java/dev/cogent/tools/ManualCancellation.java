package dev.cogent.tools;

import java.util.ArrayList;
import java.util.List;

/** A {@link Cancellation} a test cancels by hand. Thread-safe. */
public final class ManualCancellation implements Cancellation {

  private final List<Runnable> actions = new ArrayList<>();
  private boolean cancelled;

  @Override
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  @Override
  public Registration onCancel(Runnable action) {
    synchronized (this) {
      if (!cancelled) {
        actions.add(action);
        return () -> {
          synchronized (this) {
            actions.remove(action);
          }
        };
      }
    }
    action.run();
    return () -> {};
  }

  /** Cancels and runs the registered actions on the calling thread. */
  public void cancel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = List.copyOf(actions);
      actions.clear();
    }
    toRun.forEach(Runnable::run);
  }

  /** How many actions wait for a cancellation. */
  public synchronized int waiting() {
    return actions.size();
  }
}
