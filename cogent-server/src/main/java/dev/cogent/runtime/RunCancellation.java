package dev.cogent.runtime;

import dev.cogent.tools.Cancellation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cancellation signal of one run: {@link #cancel} once, and every registered action runs. */
final class RunCancellation implements Cancellation {

  private static final Logger log = LoggerFactory.getLogger(RunCancellation.class);

  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final List<Runnable> actions = new CopyOnWriteArrayList<>();

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Cancels the run; the first call runs the registered actions, later calls do nothing. */
  void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      for (Runnable action : actions) {
        run(action);
      }
    }
  }

  @Override
  public Registration onCancel(Runnable action) {
    actions.add(action);
    if (cancelled.get() && actions.remove(action)) {
      // Cancelled while registering: run it here, unless cancel() already took it.
      run(action);
      return () -> {};
    }
    return () -> actions.remove(action);
  }

  private static void run(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.warn("A cancellation action failed", e);
    }
  }
}
