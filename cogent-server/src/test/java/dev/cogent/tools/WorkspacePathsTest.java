package dev.cogent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspacePathsTest {

  @TempDir Path dir;
  Path workspace;
  Path outside;
  WorkspacePaths paths;

  @BeforeEach
  void create_workspace() throws IOException {
    workspace = Files.createDirectories(dir.resolve("ws")).toRealPath();
    outside = Files.createDirectories(dir.resolve("outside")).toRealPath();
    Files.writeString(outside.resolve("secret.txt"), "secret");
    paths = new WorkspacePaths(workspace);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", ".", "./", "//", "a/.."})
  void the_root_has_many_spellings(String spelling) {
    ConfinedPath root = paths.resolve(spelling);

    assertThat(root.host()).isEqualTo(workspace);
    assertThat(root.shown()).isEqualTo("/");
  }

  @Test
  void a_leading_slash_means_the_workspace_root_not_the_host_root() {
    ConfinedPath passwd = paths.resolve("/etc/passwd");

    assertThat(passwd.host()).isEqualTo(workspace.resolve("etc/passwd"));
    assertThat(passwd.shown()).isEqualTo("/etc/passwd");
    assertThat(paths.resolve("etc/passwd")).isEqualTo(passwd);
  }

  @Test
  void an_absolute_host_path_stays_inside_the_workspace() {
    ConfinedPath host = paths.resolve(outside.resolve("secret.txt").toString());

    assertThat(host.host().startsWith(workspace)).isTrue();
    assertThat(host.shown()).isEqualTo(outside.resolve("secret.txt").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../../etc/passwd", "/../outside/secret.txt", "a/../../b", "./.."})
  void dot_dot_above_the_root_is_refused(String attack) {
    assertThatThrownBy(() -> paths.resolve(attack))
        .isInstanceOf(ToolFailure.class)
        .hasMessageContaining("leads outside the workspace");
  }

  @Test
  void dot_dot_that_stays_inside_is_allowed() {
    assertThat(paths.resolve("a/b/../c").shown()).isEqualTo("/a/c");
  }

  @Test
  void a_symlink_to_a_host_directory_is_refused() throws IOException {
    Files.createSymbolicLink(workspace.resolve("etc"), Path.of("/etc"));

    assertThatThrownBy(() -> paths.resolve("/etc/passwd"))
        .isInstanceOf(ToolFailure.class)
        .hasMessageContaining("symbolic link that leads outside the workspace (/etc)");
    assertThatThrownBy(() -> paths.resolve("etc"))
        .hasMessageContaining("leads outside the workspace");
  }

  @Test
  void a_symlink_to_a_host_file_is_refused() throws IOException {
    Files.createSymbolicLink(workspace.resolve("notes.txt"), outside.resolve("secret.txt"));

    assertThatThrownBy(() -> paths.resolve("notes.txt"))
        .isInstanceOf(ToolFailure.class)
        .hasMessageContaining("leads outside the workspace");
  }

  @Test
  void a_relative_symlink_that_climbs_out_is_refused() throws IOException {
    Files.createDirectories(workspace.resolve("a"));
    Files.createSymbolicLink(workspace.resolve("a/up"), Path.of("../../outside"));

    assertThatThrownBy(() -> paths.resolve("a/up/secret.txt"))
        .hasMessageContaining("leads outside the workspace");
    assertThatThrownBy(() -> paths.resolve("a/up/new-file.txt"))
        .hasMessageContaining("leads outside the workspace");
  }

  @Test
  void a_dangling_symlink_is_refused_so_nothing_is_written_through_it() throws IOException {
    Files.createSymbolicLink(workspace.resolve("trap"), outside.resolve("created-by-agent"));

    assertThatThrownBy(() -> paths.resolve("trap"))
        .isInstanceOf(ToolFailure.class)
        .hasMessageContaining("leads nowhere");
  }

  @Test
  void a_symlink_inside_the_workspace_is_followed_to_its_real_path() throws IOException {
    Files.createDirectories(workspace.resolve("real/dir"));
    Files.createSymbolicLink(workspace.resolve("alias"), Path.of("real/dir"));

    ConfinedPath file = paths.resolve("/alias/file.txt");

    assertThat(file.host()).isEqualTo(workspace.resolve("real/dir/file.txt"));
    assertThat(file.shown()).isEqualTo("/real/dir/file.txt");
  }

  @Test
  void a_nul_byte_is_refused() {
    assertThatThrownBy(() -> paths.resolve("notes.txt\0.png"))
        .isInstanceOf(ToolFailure.class)
        .hasMessageContaining("NUL byte");
  }

  @Test
  void very_long_paths_and_names_are_refused() {
    assertThatThrownBy(() -> paths.resolve("a/".repeat(3000)))
        .isInstanceOf(ToolFailure.class)
        .hasMessageContaining("longer than 4096 characters");
    assertThatThrownBy(() -> paths.resolve("x".repeat(256)))
        .isInstanceOf(ToolFailure.class)
        .hasMessageContaining("longer than 255 bytes");
  }
}
