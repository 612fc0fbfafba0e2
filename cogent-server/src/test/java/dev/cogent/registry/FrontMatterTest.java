package dev.cogent.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrontMatterTest {

  @Test
  void splits_the_yaml_mapping_from_the_markdown_body() {
    FrontMatter parsed = FrontMatter.parse("---\nname: x\ndescription: d\n---\n# Title\n\nText\n");

    assertThat(parsed.fields()).isEqualTo(Map.of("name", "x", "description", "d"));
    assertThat(parsed.body()).isEqualTo("# Title\n\nText\n");
  }

  @Test
  void accepts_windows_line_ends_a_byte_order_mark_and_no_body() {
    assertThat(FrontMatter.parse("\uFEFF---\r\nname: x\r\n---\r\nbody").body()).isEqualTo("body");
    assertThat(FrontMatter.parse("---\nname: x\n---").body()).isEmpty();
    assertThat(FrontMatter.parse("---\n---\nbody").fields()).isEmpty();
  }

  @Test
  void a_line_of_more_dashes_does_not_close_the_front_matter() {
    FrontMatter parsed = FrontMatter.parse("---\nname: x\n---\nbody\n----\nmore");

    assertThat(parsed.body()).isEqualTo("body\n----\nmore");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "# no front matter|has no YAML front matter",
        "---\\nname: x\\n|is not closed",
        "---\\n- a list\\n---\\n|must be a YAML mapping",
        "---\\nname: [unclosed\\n---\\n|is not valid YAML"
      })
  void rejects_malformed_front_matter_with_a_reason(String text, String reason) {
    assertThatThrownBy(() -> FrontMatter.parse(text.replace("\\n", "\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
