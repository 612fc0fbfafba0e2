package dev.cogent.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * A reader of one session's event log from a sequence on: first what is stored, then what is
 * appended live, each event exactly once and in sequence order.
 *
 * <p>It registers for live events <em>before</em> it reads the stored ones, so nothing appended in
 * between is lost; events seen twice are dropped by sequence, and a gap in the live events (a
 * publication that overtook another, or an overflow of the live buffer) is filled from the store.
 * So live publication only has to be fast, not complete, which is what lets a PostgreSQL
 * LISTEN/NOTIFY bus replace the in-process one later.
 *
 * <p>A reader either waits in {@link #next}, or {@link #poll polls} whenever the listener given to
 * {@link #onLive} tells it that live events came (on the publishing thread, so the listener must
 * not block). {@code next} and {@code poll} are for one reading thread at a time; live events may
 * be offered from any thread. Close it to unregister.
 */
public final class EventSubscription implements AutoCloseable {

  /** Live events buffered for a slow reader before it falls back to reading the store. */
  static final int LIVE_BUFFER = 1024;

  private static final int STORE_PAGE = 500;

  private final LongFunction<java.util.List<LoggedEvent>> storedAfter;
  private final Runnable unregister;
  private final LinkedBlockingQueue<LoggedEvent> live = new LinkedBlockingQueue<>(LIVE_BUFFER);
  private final ArrayDeque<LoggedEvent> pending = new ArrayDeque<>();
  private volatile boolean overflowed;
  private volatile boolean closed;
  private volatile Runnable onLive = () -> {};

  /** The last store read filled a whole page: more may be stored than was read. */
  private boolean catchingUp;

  private long lastDelivered;

  /**
   * @param storedAfter reads one page of the log after a sequence (stored events and those not yet
   *     committed)
   * @param unregister removes this subscription from the publisher
   */
  EventSubscription(
      long after, LongFunction<java.util.List<LoggedEvent>> storedAfter, Runnable unregister) {
    this.lastDelivered = after;
    this.storedAfter = storedAfter;
    this.unregister = unregister;
  }

  /**
   * Called by the publisher for every event appended to the session, in sequence order; never
   * blocks. The publisher {@link #wake wakes} the reader afterwards.
   */
  void offer(LoggedEvent event) {
    if (!live.offer(event)) {
      overflowed = true;
    }
  }

  /** Called by the publisher after offering, outside any lock of the log. */
  void wake() {
    onLive.run();
  }

  /**
   * Runs {@code listener} on the publishing thread after each live event, for a reader that polls
   * instead of waiting; call it before the first {@link #poll}, so that no wake-up is missed.
   */
  public void onLive(Runnable listener) {
    onLive = listener;
  }

  /** Reads the first page of stored events; called once, after registration. */
  void replay() {
    fillFromStore();
  }

  /**
   * The next event after the last one returned, waiting up to {@code timeout} for it.
   *
   * @return empty when nothing arrived in time
   */
  public Optional<LoggedEvent> next(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    return read(() -> live.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
  }

  /**
   * The next event after the last one returned if there is one now; never waits, and is not
   * interrupted (it may run on a run's thread that was cancelled).
   */
  public Optional<LoggedEvent> poll() {
    try {
      return read(live::poll);
    } catch (InterruptedException e) {
      throw new AssertionError("a poll does not wait", e);
    }
  }

  /** Takes the next live event, or null when none came in time. */
  private interface LiveRead {
    LoggedEvent take() throws InterruptedException;
  }

  private Optional<LoggedEvent> read(LiveRead takeLive) throws InterruptedException {
    while (!closed) {
      LoggedEvent stored = pending.poll();
      if (stored != null) {
        if (stored.sequence() > lastDelivered) {
          return deliver(stored);
        }
        continue;
      }
      if (overflowed) {
        overflowed = false;
        live.clear();
        fillFromStore();
        continue;
      }
      if (catchingUp) {
        fillFromStore();
        if (!pending.isEmpty()) {
          continue;
        }
      }
      LoggedEvent event = takeLive.take();
      if (event == null) {
        return Optional.empty();
      }
      if (event.sequence() <= lastDelivered) {
        continue;
      }
      if (event.sequence() == lastDelivered + 1) {
        return deliver(event);
      }
      // A gap: what is missing was published before this one, so the log (its store or its
      // in-memory tail) has it: read it.
      fillFromStore();
      if (pending.isEmpty()) {
        return deliver(event);
      }
      pending.add(event);
    }
    return Optional.empty();
  }

  /** The sequence of the last event returned (the starting point before the first). */
  public long lastSequence() {
    return lastDelivered;
  }

  private void fillFromStore() {
    pending.clear();
    java.util.List<LoggedEvent> page = storedAfter.apply(lastDelivered);
    pending.addAll(page);
    catchingUp = page.size() >= STORE_PAGE;
  }

  private Optional<LoggedEvent> deliver(LoggedEvent event) {
    lastDelivered = event.sequence();
    return Optional.of(event);
  }

  static int storePage() {
    return STORE_PAGE;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      unregister.run();
    }
  }
}
