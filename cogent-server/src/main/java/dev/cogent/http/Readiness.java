package dev.cogent.http;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether start-up has finished; {@code GET /ready} answers 503 until it has. */
public final class Readiness {

  private final AtomicBoolean ready = new AtomicBoolean();

  public void markReady() {
    ready.set(true);
  }

  public void markNotReady() {
    ready.set(false);
  }

  public boolean isReady() {
    return ready.get();
  }
}
