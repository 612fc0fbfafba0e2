package dev.cogent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandPathsTest {

  @TempDir Path dir;

  private List<CommandPaths.Named> named(String command) throws IOException {
    return CommandPaths.of(command, Files.createDirectories(dir.resolve("workspace")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          cat /etc/passwd                 | /etc/passwd
          ls ../other                     | ../other
          cat a/../../b                   | a/../../b
          cat ~root/.profile              | ~root/.profile
          python3 -c 'open("/etc/x")'     | /etc/x
          tar --file=/tmp/x.tar -c .      | /tmp/x.tar
          ls /                            | /
          """)
  void words_outside_the_workspace_are_named_outside(String command, String word)
      throws IOException {
    assertThat(named(command.strip()))
        .filteredOn(CommandPaths.Named::isOutside)
        .extracting(CommandPaths.Named::word)
        .contains(word.strip());
  }

  @Test
  void relative_home_device_and_absolute_workspace_paths_are_inside() throws IOException {
    Path workspace = Files.createDirectories(dir.resolve("workspace"));
    String command =
        "cat ./a/../b.txt ~/c.txt "
            + workspace.resolve("d/e.txt")
            + " 2>/dev/null | grep -c x > /dev/stdout";

    List<CommandPaths.Named> named = named(command);

    assertThat(named).noneMatch(CommandPaths.Named::isOutside);
    assertThat(named)
        .extracting(CommandPaths.Named::relative)
        .contains("b.txt", "c.txt", "d/e.txt")
        .doesNotContain("/dev/null", "dev/null");
  }

  @Test
  void words_of_nested_commands_and_values_after_equals_are_read_too() throws IOException {
    assertThat(named("sh -c \"bash -c 'cat secrets/k'\" && make DIR=.cogent/x"))
        .extracting(CommandPaths.Named::relative)
        .contains("secrets/k", ".cogent/x");
  }
}
