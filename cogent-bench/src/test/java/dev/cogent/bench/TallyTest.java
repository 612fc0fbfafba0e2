package dev.cogent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TallyTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
  private static final Window WINDOW = new Window(10 * SECOND, 20 * SECOND);
  private static final List<String> OPERATIONS = List.of("create", "get");

  @Test
  void counts_only_operations_that_start_inside_the_window() {
    Tally tally = new Tally(WINDOW, OPERATIONS);

    tally.success("create", 9 * SECOND, 10 * SECOND + MILLI);
    tally.success("create", 10 * SECOND, 10 * SECOND + 2 * MILLI);
    tally.success("create", 20 * SECOND - 1, 20 * SECOND + MILLI);
    tally.success("create", 20 * SECOND, 20 * SECOND + MILLI);
    tally.failure("get", 5 * SECOND, "HTTP 500", "warm-up");

    assertThat(tally.stats(10))
        .extracting(OperationStats::operation, OperationStats::count, OperationStats::errors)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("create", 2L, 0L),
            org.assertj.core.groups.Tuple.tuple("get", 0L, 0L));
    assertThat(tally.errors()).isEmpty();
  }

  @Test
  void merges_latencies_and_errors_of_every_worker() {
    Tally first = new Tally(WINDOW, OPERATIONS);
    Tally second = new Tally(WINDOW, OPERATIONS);
    for (int i = 1; i <= 100; i++) {
      (i % 2 == 0 ? first : second).success("create", 11 * SECOND, 11 * SECOND + i * MILLI);
    }
    first.failure("get", 12 * SECOND, "HTTP 500", "{\"error\":\n  \"boom\"}");
    second.failure("get", 12 * SECOND, "HTTP 500", "second example");
    second.failure("get", 12 * SECOND, "HttpTimeoutException", "timed out");

    Tally merged = Tally.merge(List.of(first, second));

    OperationStats create = merged.stats(10).get(0);
    assertThat(create.count()).isEqualTo(100);
    assertThat(create.throughputPerSecond()).isEqualTo(10.0);
    assertThat(create.p50Millis()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(create.p90Millis()).isCloseTo(90.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(create.p99Millis()).isCloseTo(99.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(create.maxMillis()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(merged.stats(10).get(1).errors()).isEqualTo(3);
    assertThat(merged.errors())
        .containsExactly(
            new ErrorCount("get", "HTTP 500", 2, "{\"error\": \"boom\"}"),
            new ErrorCount("get", "HttpTimeoutException", 1, "timed out"));
  }

  @Test
  void shortens_long_examples() {
    Tally tally = new Tally(WINDOW, OPERATIONS);

    tally.failure("create", 11 * SECOND, "HTTP 413", "x".repeat(1000));

    assertThat(tally.errors().get(0).example()).hasSize(200).endsWith("…");
  }

  @Test
  void rejects_an_unknown_operation() {
    Tally tally = new Tally(WINDOW, OPERATIONS);

    assertThatThrownBy(() -> tally.success("delete", 11 * SECOND, 12 * SECOND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown operation delete");
  }
}
