package dev.cogent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.testing.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgentModeWatchdogTest {

  private static final Duration INTERVAL = Duration.ofSeconds(60);

  private final ManualScheduler scheduler = new ManualScheduler();

  /** The connections the database holds as active, registered in this process or not. */
  private final Set<String> active = new HashSet<>();

  private final AtomicInteger stops = new AtomicInteger();
  private final AtomicInteger counts = new AtomicInteger();

  private final AgentModeWatchdog watchdog =
      new AgentModeWatchdog(
          scheduler,
          INTERVAL,
          ids -> {
            counts.incrementAndGet();
            return (int) ids.stream().filter(active::contains).count();
          },
          stops::incrementAndGet);

  private void register(String id) {
    active.add(id);
    watchdog.registered(connection(id));
  }

  private static AgentConnection connection(String id) {
    return new AgentConnection(
        id,
        id,
        "api",
        "unknown",
        null,
        "user-1",
        null,
        List.of(),
        Instant.EPOCH,
        "active",
        "api",
        null,
        Map.of(),
        Instant.EPOCH);
  }

  @Test
  void it_never_checks_before_the_first_registration() {
    scheduler.advance(Duration.ofDays(7));

    assertThat(watchdog.isArmed()).isFalse();
    assertThat(counts).hasValue(0);
    assertThat(stops).hasValue(0);
  }

  @Test
  void it_checks_every_interval_and_asks_for_a_stop_once_no_connection_is_active() {
    register("a");
    register("b");
    assertThat(watchdog.isArmed()).isTrue();

    scheduler.advance(INTERVAL.minusSeconds(1));
    assertThat(counts).hasValue(0);
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(counts).hasValue(1);

    active.remove("a");
    scheduler.advance(INTERVAL);
    assertThat(stops).hasValue(0);

    active.remove("b");
    scheduler.advance(Duration.ofSeconds(59));
    assertThat(stops).as("not before the next check").hasValue(0);
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(stops).hasValue(1);
  }

  @Test
  void it_asks_for_a_stop_only_once() {
    register("a");
    active.clear();

    scheduler.advance(INTERVAL.multipliedBy(5));

    assertThat(stops).hasValue(1);
  }

  @Test
  void registering_again_arms_only_one_check() {
    register("a");
    register("a");
    register("b");

    assertThat(scheduler.pending()).isEqualTo(1);
  }

  @Test
  void connections_left_active_by_an_earlier_run_do_not_keep_the_server_alive() {
    active.add("stale-from-yesterday");
    register("a");
    active.remove("a");

    scheduler.advance(INTERVAL);

    assertThat(stops).hasValue(1);
  }

  @Test
  void a_failed_count_neither_stops_the_server_nor_ends_the_checks() {
    AtomicInteger calls = new AtomicInteger();
    AgentModeWatchdog flaky =
        new AgentModeWatchdog(
            scheduler,
            INTERVAL,
            ids -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database unreachable");
              }
              return 0;
            },
            stops::incrementAndGet);
    flaky.registered(connection("a"));

    scheduler.advance(INTERVAL);
    assertThat(stops).hasValue(0);

    scheduler.advance(INTERVAL);
    assertThat(stops).hasValue(1);
  }
}
