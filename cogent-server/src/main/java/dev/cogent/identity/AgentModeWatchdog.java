package dev.cogent.identity;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agent mode's watchdog (spec "Agent Mode"): an ephemeral server that an orchestrator starts for
 * its agents stops itself once they have all left. It arms at the first successful registration,
 * then counts the active connections every interval and asks for a stop when none is left. Before
 * the first registration it never checks, so the server waits indefinitely for its first agent.
 * Thread-safe.
 *
 * <p>Only connections registered while this process runs count, as the anchor's in-process counter
 * does: a connection some earlier run of the server left marked active (its agent crashed) must not
 * keep an ephemeral server alive forever.
 */
public final class AgentModeWatchdog {

  private static final Logger log = LoggerFactory.getLogger(AgentModeWatchdog.class);

  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private final ToIntFunction<Set<String>> activeAmong;
  private final Runnable requestStop;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean armed = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();

  /**
   * @param activeAmong how many of these connection ids are still active
   * @param requestStop asks the server to stop gracefully; called at most once, on the scheduler
   */
  public AgentModeWatchdog(
      ScheduledExecutorService scheduler,
      Duration interval,
      ToIntFunction<Set<String>> activeAmong,
      Runnable requestStop) {
    this.scheduler = scheduler;
    this.interval = interval;
    this.activeAmong = activeAmong;
    this.requestStop = requestStop;
  }

  /** Notes a successful registration; the first one arms the watchdog. */
  public void registered(AgentConnection connection) {
    registered.add(connection.id());
    if (armed.compareAndSet(false, true)) {
      log.info(
          "Agent mode: first agent registered; the server stops once no agent connection is"
              + " active (checked every {} s)",
          interval.toSeconds());
      scheduler.scheduleWithFixedDelay(
          this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Whether the first registration has armed the watchdog. */
  public boolean isArmed() {
    return armed.get();
  }

  private void check() {
    if (stopping.get()) {
      return;
    }
    int active;
    try {
      active = activeAmong.applyAsInt(Set.copyOf(registered));
    } catch (RuntimeException e) {
      // A failed count (the database is briefly unreachable) must neither stop the server nor
      // kill the periodic check, which a thrown exception would cancel.
      log.warn("Agent mode: could not count the active agent connections", e);
      return;
    }
    if (active <= 0 && stopping.compareAndSet(false, true)) {
      log.info("Agent mode: no agent connection is active any more; stopping the server");
      requestStop.run();
    }
  }
}
