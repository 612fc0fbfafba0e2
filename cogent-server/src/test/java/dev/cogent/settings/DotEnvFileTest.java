package dev.cogent.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DotEnvFileTest {

  @TempDir Path folder;

  private DotEnvFile read(String text) throws IOException {
    return DotEnvFile.read(Files.writeString(folder.resolve(".env"), text));
  }

  @Test
  void a_missing_file_is_empty() {
    assertThat(DotEnvFile.read(folder.resolve(".env")).entries()).isEmpty();
  }

  @Test
  void values_comments_quotes_and_export_are_read() throws IOException {
    DotEnvFile file =
        read(
            """
            # comment
              PLAIN = value with spaces   # comment after a space
            HASH=a#b
            export EXPORTED=yes
            SINGLE='lit\\eral # kept'
            DOUBLE="line\\none \\"quoted\\" \\\\ # kept" # comment
            EMPTY=
            EMPTY_QUOTED=""
            TWICE=1
            TWICE=2
            """);

    assertThat(file.values())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of(
                "PLAIN", "value with spaces",
                "HASH", "a#b",
                "EXPORTED", "yes",
                "SINGLE", "lit\\eral # kept",
                "DOUBLE", "line\none \"quoted\" \\ # kept",
                "EMPTY", "",
                "EMPTY_QUOTED", "",
                "TWICE", "2"));
    assertThat(file.find("TWICE"))
        .hasValueSatisfying(entry -> assertThat(entry.line()).isEqualTo(10));
    assertThat(file.find("PLAIN"))
        .hasValueSatisfying(entry -> assertThat(entry.line()).isEqualTo(2));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NO_EQUALS_SIGN",
        "1STARTS_WITH_DIGIT=x",
        "HAS-DASH=x",
        "OPEN='never closed",
        "OPEN=\"never closed",
        "TRAILING='x' junk"
      })
  void a_malformed_line_names_the_file_and_line_but_not_the_content(String line)
      throws IOException {
    Path file = Files.writeString(folder.resolve(".env"), "OK=1\n" + line + "\n");

    assertThatThrownBy(() -> DotEnvFile.read(file))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("Malformed .env file (" + file + " line 2)")
        .satisfies(error -> assertThat(error.getMessage()).doesNotContain("never closed", "junk"));
  }
}
