package dev.cogent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MockChatModelTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "one",
        "  two words  ",
        "tabs\tand\nnew\r\nlines\u000Band\fform feeds",
        "\u2003em spaces at the ends\u2003",
        "an\u2003em space inside is no separator of \\s",
        "many     spaces   between",
        "/reply w1 w2 w3"
      })
  void counts_the_words_a_whitespace_split_of_the_stripped_text_gives(String text) {
    String stripped = text.strip();
    int split = stripped.isEmpty() ? 0 : stripped.split("\\s+").length;

    assertThat(MockChatModel.count(text)).isEqualTo(split);
  }

  @Test
  void no_text_has_no_words() {
    assertThat(MockChatModel.count(null)).isZero();
  }
}
