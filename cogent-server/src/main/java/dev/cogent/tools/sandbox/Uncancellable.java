package dev.cogent.tools.sandbox;

import dev.cogent.tools.Cancellation;

/** The cancellation of work no run owns, such as the start-up probe: it is never cancelled. */
public final class Uncancellable implements Cancellation {

  @Override
  public boolean isCancelled() {
    return false;
  }

  @Override
  public Registration onCancel(Runnable action) {
    return () -> {};
  }
}
