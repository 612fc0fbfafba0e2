package dev.cogent.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholdersTest {

  private final Placeholders placeholders =
      new Placeholders(Map.of("HOST", "db", "EMPTY", "", "LOOP", "${HOST}"));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain text | plain text",
        "${HOST} | db",
        "jdbc:postgresql://${HOST}:${PORT:-5432}/x | jdbc:postgresql://db:5432/x",
        "${EMPTY:-fallback} | fallback",
        "${MISSING:-} | ''",
        "${MISSING:-a:-b} | a:-b",
        "${LOOP} | ${HOST}",
        "$HOST and $ | $HOST and $",
      })
  void expands_variables_and_defaults_once(String text, String expected) {
    assertThat(placeholders.expand(text)).isEqualTo(expected);
  }

  @Test
  void an_unset_variable_without_default_is_named() {
    assertThatThrownBy(() -> placeholders.expand("x ${NOPE} y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NOPE is not set");
  }

  @Test
  void malformed_placeholders_are_errors() {
    assertThatThrownBy(() -> placeholders.expand("${1BAD}")).hasMessageContaining("malformed");
    assertThatThrownBy(() -> placeholders.expand("${}")).hasMessageContaining("malformed");
    assertThatThrownBy(() -> placeholders.expand("${HOST")).hasMessageContaining("unclosed");
  }
}
