package dev.cogent.settings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings in force now. Start-up puts the loaded {@link Settings} here; {@code PATCH /config}
 * and {@code POST /config/rollback} swap in a new instance. Readers call {@link #current()} each
 * time they need a value that may change at runtime (rate limits, observability) instead of keeping
 * their own copy.
 *
 * <p>Thread-safe: {@link #current()} never blocks; replacements are serialized, so listeners see
 * them in the order they happened.
 */
public final class LiveSettings {

  private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);

  private final AtomicReference<Settings> current;
  private final List<Consumer<Settings>> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock replaceLock = new ReentrantLock();

  public LiveSettings(Settings initial) {
    if (initial == null) {
      throw new IllegalArgumentException("initial settings are required");
    }
    this.current = new AtomicReference<>(initial);
  }

  public Settings current() {
    return current.get();
  }

  /**
   * Makes {@code settings} current, then tells every listener, on the calling thread. A listener
   * that throws is logged and does not stop the others or undo the change.
   */
  public void replace(Settings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings are required");
    }
    replaceLock.lock();
    try {
      current.set(settings);
      for (Consumer<Settings> listener : listeners) {
        try {
          listener.accept(settings);
        } catch (RuntimeException e) {
          log.warn("A settings listener failed; the new settings stay in force", e);
        }
      }
    } finally {
      replaceLock.unlock();
    }
  }

  /** Calls {@code listener} with the new settings after every {@link #replace}. */
  public void addListener(Consumer<Settings> listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener is required");
    }
    listeners.add(listener);
  }
}
