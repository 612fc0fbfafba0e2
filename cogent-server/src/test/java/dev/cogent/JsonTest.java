package dev.cogent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

  private final Json json = new Json();

  /** What the mapper itself writes, bypassing every shortcut of {@link Json#write}. */
  private String byMapper(Object value) throws Exception {
    return json.mapper().writeValueAsString(value);
  }

  @Test
  void a_map_of_strings_is_written_exactly_as_the_mapper_writes_it() throws Exception {
    List<String> texts =
        List.of(
            "",
            "plain words",
            "quote \" and backslash \\ and slash /",
            "new\nline, tab\t, return\r, form\f, back\b",
            "control \u0000 \u0001 \u001f and delete \u007f",
            "é, ß, 漢字, emoji 😀, lone surrogate \ud800 end",
            "</script><!-- & ' >");
    for (String text : texts) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("content", text);
      map.put("key \" with \n escapes", text);
      assertThat(json.write(map)).as(text).isEqualTo(byMapper(map));
    }
    assertThat(json.write(Map.of())).isEqualTo("{}");
  }

  @Test
  void random_strings_are_written_as_the_mapper_writes_them() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder();
      for (int c = random.nextInt(12); c > 0; c--) {
        text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
      }
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("status", text.toString());
      map.put(text.toString() + "!", "x");
      assertThat(json.write(map)).isEqualTo(byMapper(map));
    }
  }

  @Test
  void a_map_with_other_values_keeps_its_order_and_types() throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("content", "Hi");
    map.put("exit_code", 0);
    map.put("output", null);
    map.put("nested", Map.of("a", List.of(1, "b")));

    assertThat(json.write(map))
        .isEqualTo(byMapper(map))
        .startsWith("{\"content\":\"Hi\",\"exit_code\":0,\"output\":null");
  }
}
