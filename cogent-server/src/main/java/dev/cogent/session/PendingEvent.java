package dev.cogent.session;

/**
 * An event on its way to the store. It has its sequence and has been published already (see {@link
 * EventLog}); {@link #await} waits until it is committed.
 *
 * <p>Thread-safe.
 */
public final class PendingEvent {

  /** Null when the event was stored before this was made. */
  private final GroupCommit commit;

  private final LoggedEvent event;

  /** When it was queued, on the group commit's monotonic clock. */
  final long queuedAt;

  RuntimeException failure;
  volatile boolean done;

  PendingEvent(GroupCommit commit, LoggedEvent event, long queuedAt) {
    this.commit = commit;
    this.event = event;
    this.queuedAt = queuedAt;
  }

  static PendingEvent stored(LoggedEvent event) {
    PendingEvent pending = new PendingEvent(null, event, 0);
    pending.done = true;
    return pending;
  }

  /** The event, as published. */
  public LoggedEvent event() {
    return event;
  }

  /** Whether the write ended (stored or failed); {@link #await} then returns at once. */
  public boolean isDone() {
    return done;
  }

  /** Whether the write failed (known once it ended). */
  boolean failed() {
    return failure != null;
  }

  /**
   * Returns the event once it is committed.
   *
   * @throws RuntimeException what storing it failed with (its session was deleted, the store
   *     failed)
   */
  public LoggedEvent await() {
    return commit == null ? event : commit.await(this);
  }
}
