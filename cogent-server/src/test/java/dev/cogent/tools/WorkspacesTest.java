package dev.cogent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacesTest {

  @TempDir Path root;

  @Test
  void delete_removes_the_workspace_with_its_files_and_keeps_what_a_link_points_to()
      throws Exception {
    Workspaces workspaces = new Workspaces(root.resolve("workspaces"));
    Path workspace = workspaces.forSession("abc-1");
    Files.createDirectories(workspace.resolve("skills/api/x"));
    Files.writeString(workspace.resolve("skills/api/x/SKILL.md"), "body");
    Path outside = Files.writeString(root.resolve("outside.txt"), "keep me");
    Files.createSymbolicLink(workspace.resolve("link"), outside);

    workspaces.delete("abc-1");
    workspaces.delete("never-used");

    assertThat(workspace).doesNotExist();
    assertThat(outside).hasContent("keep me");
  }

  @Test
  void delete_refuses_what_is_not_a_session_id() {
    Workspaces workspaces = new Workspaces(root);

    assertThatThrownBy(() -> workspaces.delete("../etc"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
