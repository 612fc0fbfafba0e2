package dev.cogent.session;

/**
 * An event handed to the log without waiting for its commit ({@link EventLog#appendLater}). It is
 * published to subscribers only once committed, like any other; {@link #await} waits for that.
 *
 * <p>Thread-safe.
 */
public final class PendingEvent {

  /** Null when the event was stored before this was made. */
  private final GroupCommit commit;

  /** What is to be stored; replaced when a later event of the run is merged into it. */
  GroupCommit.Append append;

  /** Whether a later event of its session may be merged into this one while it waits. */
  final boolean mergeable;

  LoggedEvent event;
  RuntimeException failure;
  volatile boolean done;

  PendingEvent(GroupCommit commit, GroupCommit.Append append, boolean mergeable) {
    this.commit = commit;
    this.append = append;
    this.mergeable = mergeable;
  }

  static PendingEvent stored(LoggedEvent event) {
    PendingEvent pending = new PendingEvent(null, null, false);
    pending.event = event;
    pending.done = true;
    return pending;
  }

  /** Whether the event is committed (or failed); {@link #await} then returns at once. */
  public boolean isDone() {
    return done;
  }

  /**
   * Returns the event once it is committed and published; every event of its session handed over
   * before it is then committed too.
   *
   * @throws RuntimeException what storing it failed with (its session was deleted, the store
   *     failed)
   */
  public LoggedEvent await() {
    return commit == null ? event : commit.await(this);
  }
}
