package dev.cogent.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallPrefixesTest {

  @TempDir Path dir;

  @Test
  void the_prefix_is_the_folder_above_bin_or_the_programs_own_folder() {
    assertThat(InstallPrefixes.prefix(Path.of("/opt/python-3.12/bin/python3")))
        .contains(Path.of("/opt/python-3.12"));
    assertThat(InstallPrefixes.prefix(Path.of("/opt/tools/node"))).contains(Path.of("/opt/tools"));
  }

  @Test
  void system_folders_and_the_root_are_never_a_prefix() {
    assertThat(InstallPrefixes.prefix(Path.of("/usr/local/bin/python3"))).isEmpty();
    assertThat(InstallPrefixes.prefix(Path.of("/usr/bin/node"))).isEmpty();
    assertThat(InstallPrefixes.prefix(Path.of("/bin/python3"))).isEmpty();
    assertThat(InstallPrefixes.prefix(Path.of("/python3"))).isEmpty();
  }

  @Test
  void command_names_need_no_prefix() {
    assertThat(InstallPrefixes.of(List.of("python3", "node"))).isEmpty();
  }

  @Test
  void a_link_adds_the_prefix_of_its_target() throws IOException {
    Path real = Files.createDirectories(dir.resolve("pythons/3.12/bin")).resolve("python3.12");
    Files.writeString(real, "");
    Path venvBin = Files.createDirectories(dir.resolve("venv/bin"));
    Path link = Files.createSymbolicLink(venvBin.resolve("python3"), real);

    assertThat(InstallPrefixes.of(List.of(link.toString())))
        .containsExactly(dir.resolve("venv"), dir.resolve("pythons/3.12").toRealPath());
  }
}
