package dev.cogent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamsCommandTest {

  @Test
  void a_ramp_up_spreads_the_first_messages_evenly_and_starts_the_first_stream_at_once() {
    List<Long> delays =
        IntStream.range(0, 4).mapToObj(i -> StreamsCommand.startDelayMillis(i, 4, 4000)).toList();

    assertThat(delays).containsExactly(0L, 1000L, 2000L, 3000L);
    assertThat(StreamsCommand.startDelayMillis(199, 200, 4000)).isEqualTo(3980L);
    assertThat(StreamsCommand.startDelayMillis(7, 200, 0)).isZero();
  }

  @Test
  void the_report_says_how_the_streams_started() {
    StreamsCommand.Level level =
        new StreamsCommand.Level(
            200, 1000, 0, 26.0, 38.5, 7700, 150.0, 130.0, 290.0, 330.0, 130, 90.0, 230.0, 126, 29.0,
            960, Map.of());

    String staggered =
        StreamsCommand.render(
            new StreamsCommand.Result(
                "2026-12-02T02:00:00Z", "17", "sqlite", 2, 0.5, 200, 20, 5, 4000, List.of(level)));
    String atOnce =
        StreamsCommand.render(
            new StreamsCommand.Result(
                "2026-12-02T02:00:00Z", "17", "sqlite", 2, 0.5, 200, 0, 3, 0, List.of(level)));

    assertThat(staggered)
        .contains(
            "each stream sends 5 messages of 200 tokens, one after another, 20 ms between tokens;"
                + " streams start over 4000 ms");
    assertThat(atOnce)
        .contains(
            "each stream sends 3 messages of 200 tokens, one after another, tokens as fast as the"
                + " server takes them; streams start at once");
  }
}
