package dev.cogent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A live run's range of events counts the ones it published and not yet committed. */
class RunRangeTest {

  static final Instant AT = Instant.parse("2026-03-02T12:00:00Z");

  static Run run(String id, Long first, Long last, Instant finishedAt) {
    RunStatus status = finishedAt == null ? RunStatus.RUNNING : RunStatus.COMPLETED;
    return new Run(id, "s1", status, AT, AT, finishedAt, "m1", null, first, last, null);
  }

  static LoggedEvent event(long sequence, String runId) {
    return new LoggedEvent(sequence, "s1", runId, "token", Map.of(), AT);
  }

  @Test
  void a_live_run_without_stored_events_spans_its_unstored_ones() {
    Run live = run("r2", null, null, null);

    Run seen = RunService.withUnstored(live, List.of(event(7, "r2"), event(8, "r2")));

    assertThat(seen.firstSequence()).isEqualTo(7L);
    assertThat(seen.lastSequence()).isEqualTo(8L);
  }

  @Test
  void a_live_run_s_stored_range_grows_by_its_unstored_events_only() {
    Run live = run("r2", 5L, 6L, null);

    Run seen =
        RunService.withUnstored(live, List.of(event(4, "r1"), event(7, "r2"), event(9, "r3")));

    assertThat(seen.firstSequence()).isEqualTo(5L);
    assertThat(seen.lastSequence()).isEqualTo(7L);
  }

  @Test
  void a_finished_run_keeps_its_stored_range() {
    Run finished = run("r2", 5L, 6L, AT);

    assertThat(RunService.withUnstored(finished, List.of(event(7, "r2")))).isSameAs(finished);
  }
}
