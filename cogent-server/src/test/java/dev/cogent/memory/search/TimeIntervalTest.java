package dev.cogent.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeIntervalTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "What happened between 1850 and 1840? | 1840 | 1850",
        "from 1900 to 1910 | 1900 | 1910",
        "What was built before 1850? | -2147483648 | 1849",
        "What happened after 1843? | 1844 | 2147483647",
        "in 1843 | 1843 | 1843",
        "1815 and 1852 | 1815 | 1852"
      })
  void reads_the_interval_a_query_asks_about(String query, int from, int to) {
    assertThat(TimeInterval.parse(query)).contains(new TimeInterval(from, to));
  }

  @Test
  void a_query_without_a_year_has_no_interval() {
    assertThat(TimeInterval.parse("When did it happen?")).isEmpty();
  }

  @Test
  void a_text_matches_when_it_names_a_year_inside() {
    TimeInterval forties = new TimeInterval(1840, 1849);

    assertThat(forties.mentionedIn("In 1843 she published the notes.")).isTrue();
    assertThat(forties.mentionedIn("Born in 1815, she died in 1852.")).isFalse();
  }
}
