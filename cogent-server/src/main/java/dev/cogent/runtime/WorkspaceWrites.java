package dev.cogent.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The runtime's own writes into a session workspace (mounted skills, saved tool results). The agent
 * can create links in its workspace, so these never write through a link to outside it.
 */
final class WorkspaceWrites {

  private WorkspaceWrites() {}

  /** Thrown when the target folder leads outside the workspace through a link. */
  static final class OutsideWorkspaceException extends IOException {
    OutsideWorkspaceException(Path dir) {
      super(dir + " links outside the workspace");
    }
  }

  /**
   * Writes {@code content} to {@code relative} (a path without {@code ..}) inside {@code
   * workspace}, creating folders and replacing a link at the file itself.
   *
   * @throws OutsideWorkspaceException when a folder on the way links outside the workspace
   */
  static void write(Path workspace, Path relative, byte[] content) throws IOException {
    Path file = workspace.resolve(relative);
    Path dir = file.getParent();
    Files.createDirectories(dir);
    if (!dir.toRealPath().startsWith(workspace.toRealPath())) {
      throw new OutsideWorkspaceException(dir);
    }
    if (Files.isSymbolicLink(file)) {
      Files.delete(file);
    }
    Files.write(
        file,
        content,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
  }
}
