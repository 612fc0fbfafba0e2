package dev.cogent.protocols;

import dev.cogent.session.EventSubscription;
import dev.cogent.session.LoggedEvent;
import java.time.Duration;
import java.util.Optional;

/**
 * The stream of one task for {@code SendStreamingMessage}: first the submitted task, then a status
 * update per event of the run that has an A2A state, ending with the final one. Each item is a
 * JSON-RPC response carrying the request's id. For one reading thread; close it when done.
 */
public final class TaskUpdates implements AutoCloseable {

  private final EventSubscription events;
  private final Object requestId;
  private final String taskId;
  private final String contextId;
  private A2aWire.Task submitted;
  private boolean finished;

  TaskUpdates(
      EventSubscription events,
      Object requestId,
      String taskId,
      String contextId,
      A2aWire.Task submitted) {
    this.events = events;
    this.requestId = requestId;
    this.taskId = taskId;
    this.contextId = contextId;
    this.submitted = submitted;
  }

  /**
   * The next update, waiting up to {@code timeout} for the run's next mapped event.
   *
   * @return empty when nothing arrived in time, or after the final update
   */
  public Optional<JsonRpcResponse> next(Duration timeout) throws InterruptedException {
    if (submitted != null) {
      A2aWire.Task first = submitted;
      submitted = null;
      return Optional.of(JsonRpcResponse.success(requestId, first));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!finished) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return Optional.empty();
      }
      Optional<LoggedEvent> next = events.next(Duration.ofNanos(remaining));
      if (next.isEmpty()) {
        return Optional.empty();
      }
      LoggedEvent event = next.get();
      if (!taskId.equals(event.runId())) {
        continue;
      }
      Optional<A2aWire.Status> status = TaskStates.of(event);
      if (event.isTerminal()) {
        finished = true;
      }
      if (status.isPresent()) {
        return Optional.of(
            JsonRpcResponse.success(
                requestId, A2aWire.StatusUpdate.of(taskId, contextId, status.get())));
      }
    }
    return Optional.empty();
  }

  /** Whether the final update has been returned. */
  public boolean isFinished() {
    return finished;
  }

  @Override
  public void close() {
    events.close();
  }
}
