package dev.cogent.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypeTest {

  @Test
  void text_is_read_by_type() {
    assertThat(ValueType.INTEGER.parse(" 42 ")).isEqualTo(42);
    assertThat(ValueType.LONG.parse("10485760000")).isEqualTo(10485760000L);
    assertThat(ValueType.SECONDS.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(ValueType.LOG_LEVEL.parse("WARN")).isEqualTo("warn");
    assertThat(ValueType.OPTIONAL_INTEGER.parse(" ")).isNull();
    assertThat(ValueType.OPTIONAL_TEXT.parse("")).isNull();
    assertThat(ValueType.OPTIONAL_TEXT.parse(null)).isNull();
    assertThat(ValueType.TEXT.parse(" keeps spaces ")).isEqualTo(" keeps spaces ");
    assertThat(ValueType.KEY_LIST.parse("")).isEqualTo(List.of());
    assertThat(ValueType.KEY_LIST.parse(List.of(" A ", "b", "a"))).isEqualTo(List.of("a", "b"));
  }

  @Test
  void wrong_text_says_what_was_expected() {
    assertThatThrownBy(() -> ValueType.INTEGER.parse("3000000000"))
        .hasMessage("expected an integer, got '3000000000'");
    assertThatThrownBy(() -> ValueType.INTEGER.parse("1.5"))
        .hasMessage("expected an integer, got '1.5'");
    assertThatThrownBy(() -> ValueType.INTEGER.parse(null))
        .hasMessageContaining("requires a value");
    assertThatThrownBy(() -> ValueType.INTEGER.parse(List.of("1")))
        .hasMessageContaining("got a list");
    assertThatThrownBy(() -> ValueType.KEY_LIST.parse("[1, 2]"))
        .hasMessageContaining("must be strings");
    assertThatThrownBy(() -> ValueType.KEY_LIST.parse("[\"a\""))
        .hasMessageContaining("not a valid JSON array");
  }

  @Test
  void json_values_must_have_the_json_type() {
    assertThat(ValueType.INTEGER.fromJson(120)).isEqualTo(120);
    assertThat(ValueType.INTEGER.fromJson(120L)).isEqualTo(120);
    assertThat(ValueType.OPTIONAL_INTEGER.fromJson(null)).isNull();
    assertThat(ValueType.BOOLEAN.fromJson(false)).isEqualTo(false);
    assertThat(ValueType.OPTIONAL_TEXT.fromJson(" ")).isNull();

    assertThatThrownBy(() -> ValueType.INTEGER.fromJson("120"))
        .hasMessage("expected an integer, got a string");
    assertThatThrownBy(() -> ValueType.INTEGER.fromJson(true))
        .hasMessage("expected an integer, got a boolean");
    assertThatThrownBy(() -> ValueType.INTEGER.fromJson(new BigInteger("99999999999")))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> ValueType.INTEGER.fromJson(null)).hasMessageContaining("not be null");
    assertThatThrownBy(() -> ValueType.BOOLEAN.fromJson("true"))
        .hasMessage("expected a boolean, got a string");
    assertThatThrownBy(() -> ValueType.OPTIONAL_TEXT.fromJson(Map.of()))
        .hasMessage("expected a string or null, got an object");
  }
}
