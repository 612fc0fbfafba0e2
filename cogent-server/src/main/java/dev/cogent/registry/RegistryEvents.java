package dev.cogent.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells in-process listeners about committed registry changes. The registry publishes only after
 * its transaction commits, and listeners run on the writer's thread, so they must be quick (drop a
 * cache entry, no I/O).
 *
 * <p>This is the one seam for a multi-node deployment: a PostgreSQL {@code LISTEN/NOTIFY} bus would
 * keep these two methods, send {@link #publish} as a {@code NOTIFY} and call the listeners from its
 * {@code LISTEN} connection, so listeners of every server see every change.
 *
 * <p>Thread-safe.
 */
public final class RegistryEvents {

  private static final Logger log = LoggerFactory.getLogger(RegistryEvents.class);

  private final List<Consumer<RegistryChange>> listeners = new CopyOnWriteArrayList<>();

  /** Calls {@code listener} for every later change until the returned subscription is closed. */
  public Subscription subscribe(Consumer<RegistryChange> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Delivers a committed change to every listener; a failing listener does not stop the others. */
  public void publish(RegistryChange change) {
    for (Consumer<RegistryChange> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        log.warn("A registry listener failed on {}", change, e);
      }
    }
  }

  /** Ends a subscription; closing twice is harmless. */
  @FunctionalInterface
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
