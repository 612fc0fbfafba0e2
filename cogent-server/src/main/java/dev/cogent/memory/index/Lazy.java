package dev.cogent.memory.index;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** A value made on its first use, once (models take a second to load). Thread-safe. */
final class Lazy<T> {

  private final Supplier<T> make;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile T value;

  Lazy(Supplier<T> make) {
    this.make = make;
  }

  T get() {
    T made = value;
    if (made == null) {
      lock.lock();
      try {
        if (value == null) {
          value = make.get();
        }
        made = value;
      } finally {
        lock.unlock();
      }
    }
    return made;
  }
}
