package dev.cogent.tools;

/** The cancellation signal of one run, as tools see it. Thread-safe. */
public interface Cancellation {

  boolean isCancelled();

  /**
   * Runs {@code action} once when the run is cancelled, at once if it already is; for example to
   * kill a subprocess tree.
   *
   * @return a handle that unregisters the action (call it when the tool finishes)
   */
  Registration onCancel(Runnable action);

  /** Undoes an {@link #onCancel} registration. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
