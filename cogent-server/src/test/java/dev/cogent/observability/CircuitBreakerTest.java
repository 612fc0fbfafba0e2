package dev.cogent.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private final CircuitBreaker breaker =
      new CircuitBreaker(
          "local",
          "provider",
          new BreakerPolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(30)),
          clock);

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.recordFailure();
    }
  }

  @Test
  void stays_closed_below_the_threshold_and_a_success_resets_the_count() {
    fail(2);
    breaker.recordSuccess();
    fail(2);

    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.state().state()).isEqualTo("closed");
    assertThat(breaker.state().consecutiveFailures()).isEqualTo(2);
  }

  @Test
  void opens_after_the_threshold_of_consecutive_failures_and_refuses_calls() {
    fail(3);

    assertThat(breaker.tryAcquire()).isFalse();
    BreakerState state = breaker.state();
    assertThat(state.state()).isEqualTo("open");
    assertThat(state.consecutiveFailures()).isEqualTo(3);
    assertThat(state.openedAt()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
    assertThat(state.retryAt()).isEqualTo(Instant.parse("2026-03-02T12:00:30Z"));
  }

  @Test
  void after_the_cool_down_exactly_one_trial_goes_through() {
    fail(3);
    clock.advance(Duration.ofSeconds(29));
    assertThat(breaker.tryAcquire()).isFalse();

    clock.advance(Duration.ofSeconds(1));
    assertThat(breaker.state().state()).isEqualTo("half_open");
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.state().state()).isEqualTo("half_open");
  }

  @Test
  void a_successful_trial_closes_the_breaker() {
    fail(3);
    clock.advance(Duration.ofSeconds(30));
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.recordSuccess();

    assertThat(breaker.state().state()).isEqualTo("closed");
    assertThat(breaker.state().consecutiveFailures()).isZero();
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void a_failed_trial_opens_it_for_another_cool_down() {
    fail(3);
    clock.advance(Duration.ofSeconds(30));
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.recordFailure();

    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.state().state()).isEqualTo("open");
    assertThat(breaker.state().retryAt()).isEqualTo(Instant.parse("2026-03-02T12:01:00Z"));
  }

  @Test
  void a_trial_that_never_reports_does_not_block_forever() {
    fail(3);
    clock.advance(Duration.ofSeconds(30));
    assertThat(breaker.tryAcquire()).isTrue();

    clock.advance(Duration.ofSeconds(30));

    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void rejects_a_threshold_below_one() {
    assertThatThrownBy(() -> new BreakerPolicy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failureThreshold must be at least 1");
  }

  @Test
  void the_registry_lists_breakers_by_kind_and_name() {
    CircuitBreakers breakers =
        new CircuitBreakers(
            clock, new BreakerPolicy(1, Duration.ofSeconds(30), Duration.ofSeconds(30)));
    breakers.provider("openai").recordFailure();
    breakers.mcpServer("files", "files\n").tryAcquire();

    assertThat(breakers.provider("openai")).isSameAs(breakers.provider("openai"));
    assertThat(breakers.states())
        .extracting(BreakerState::kind, BreakerState::name, BreakerState::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mcp_server", "files", "closed"),
            org.assertj.core.groups.Tuple.tuple("provider", "openai", "open"));
  }

  @Test
  void open_half_open_and_closed_follow_the_configured_policy() {
    CircuitBreakers breakers =
        new CircuitBreakers(
            clock, new BreakerPolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(4)));
    CircuitBreaker provider = breakers.provider("local");

    provider.tryAcquire();
    provider.recordFailure();
    assertThat(provider.state().state()).as("below the threshold of 2").isEqualTo("closed");
    provider.tryAcquire();
    provider.recordFailure();
    assertThat(provider.state().state()).isEqualTo("open");
    assertThat(provider.state().retryAt()).isEqualTo(Instant.parse("2026-03-02T12:00:10Z"));

    clock.advance(Duration.ofSeconds(9));
    assertThat(provider.tryAcquire()).as("still open after 9 of 10 s").isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(provider.state().state()).isEqualTo("half_open");
    assertThat(provider.tryAcquire()).as("the trial").isTrue();
    clock.advance(Duration.ofSeconds(3));
    assertThat(provider.tryAcquire()).as("the trial runs, 3 of 4 s").isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(provider.tryAcquire()).as("the trial never reported: another one").isTrue();

    provider.recordSuccess();

    assertThat(provider.state().state()).isEqualTo("closed");
  }

  @Test
  void a_new_policy_applies_to_breakers_that_exist_already() {
    CircuitBreakers breakers =
        new CircuitBreakers(
            clock, new BreakerPolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(30)));
    CircuitBreaker provider = breakers.provider("local");
    provider.recordFailure();

    breakers.apply(new BreakerPolicy(2, Duration.ofSeconds(5), Duration.ofSeconds(5)));
    provider.recordFailure();

    assertThat(provider.state().state()).isEqualTo("open");
    assertThat(provider.state().retryAt()).isEqualTo(Instant.parse("2026-03-02T12:00:05Z"));
    assertThat(breakers.mcpServer("files", "files\n").state().state()).isEqualTo("closed");
    clock.advance(Duration.ofSeconds(5));
    assertThat(provider.tryAcquire()).isTrue();
  }
}
