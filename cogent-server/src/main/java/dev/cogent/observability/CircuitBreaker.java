package dev.cogent.observability;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Guards calls to one external dependency (a model provider, an MCP server). It opens after the
 * policy's {@code failureThreshold} consecutive failures and then refuses calls; once its {@code
 * openDuration} has passed on the injected clock it lets exactly one trial call through
 * (half-open), and another only when the trial has not reported within {@code probeTimeout}. The
 * trial's success closes it, its failure opens it again. A new policy applies from the next call.
 *
 * <p>Callers ask {@link #tryAcquire} before a call and report its outcome with {@link
 * #recordSuccess} or {@link #recordFailure}. Thread-safe.
 */
public final class CircuitBreaker {

  /** The three states of a breaker, named as {@code GET /health} shows them. */
  public enum State {
    CLOSED("closed"),
    OPEN("open"),
    HALF_OPEN("half_open");

    private final String wireName;

    State(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  private final String name;
  private final String kind;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();
  private BreakerPolicy policy;
  private State state = State.CLOSED;
  private int consecutiveFailures;
  private Instant openedAt;
  private boolean trialInFlight;
  private Instant trialStartedAt;

  /**
   * @param kind what the dependency is ({@code provider}, {@code mcp_server})
   */
  public CircuitBreaker(String name, String kind, BreakerPolicy policy, InstantSource clock) {
    if (name == null || kind == null || policy == null || clock == null) {
      throw new IllegalArgumentException("name, kind, policy and clock are required");
    }
    this.name = name;
    this.kind = kind;
    this.policy = policy;
    this.clock = clock;
  }

  /** Uses {@code next} from now on; an open breaker's retry time follows its open duration. */
  void apply(BreakerPolicy next) {
    lock.lock();
    try {
      policy = next;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether a call may go ahead now. Closed: always. Open: no, until the cool-down has passed, then
   * the breaker turns half-open and this caller gets the one trial. Half-open: no while the trial
   * runs.
   */
  public boolean tryAcquire() {
    lock.lock();
    try {
      switch (state) {
        case CLOSED -> {
          return true;
        }
        case OPEN -> {
          if (clock.instant().isBefore(openedAt.plus(policy.openDuration()))) {
            return false;
          }
          state = State.HALF_OPEN;
          return startTrial();
        }
        default -> {
          // A trial whose outcome never came (its caller was cancelled) must not block forever.
          if (trialInFlight
              && clock.instant().isBefore(trialStartedAt.plus(policy.probeTimeout()))) {
            return false;
          }
          return startTrial();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private boolean startTrial() {
    trialInFlight = true;
    trialStartedAt = clock.instant();
    return true;
  }

  /** The call succeeded: the breaker closes and the failure count starts again. */
  public void recordSuccess() {
    lock.lock();
    try {
      state = State.CLOSED;
      consecutiveFailures = 0;
      openedAt = null;
      trialInFlight = false;
    } finally {
      lock.unlock();
    }
  }

  /** The call failed: a failed trial, or the threshold's failure, opens the breaker. */
  public void recordFailure() {
    lock.lock();
    try {
      consecutiveFailures++;
      trialInFlight = false;
      if (state == State.HALF_OPEN || consecutiveFailures >= policy.failureThreshold()) {
        state = State.OPEN;
        openedAt = clock.instant();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The state now, for {@code GET /health}; an open breaker past its cool-down shows half-open. */
  public BreakerState state() {
    lock.lock();
    try {
      State shown = state;
      Instant retryAt = openedAt == null ? null : openedAt.plus(policy.openDuration());
      if (state == State.OPEN && !clock.instant().isBefore(retryAt)) {
        shown = State.HALF_OPEN;
      }
      return new BreakerState(name, kind, shown.wireName(), consecutiveFailures, openedAt, retryAt);
    } finally {
      lock.unlock();
    }
  }
}
