package dev.cogent.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file's content so that readers (and a crash) see either the old or the new content,
 * never a mix: write a temporary file beside the target, then rename it over the target.
 */
final class AtomicWrite {

  private AtomicWrite() {}

  /**
   * Writes {@code text} (UTF-8) to {@code target}, creating parent folders. An existing target's
   * POSIX permissions are kept; a new file gets the temporary file's owner-only permissions.
   */
  static void replace(Path target, String text) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      copyPermissions(target, temporary);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Some file systems (certain network mounts) cannot rename atomically; a plain replace is
        // still better than failing the change.
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (source == null || !Files.exists(from)) {
      return;
    }
    Set<PosixFilePermission> permissions = source.readAttributes().permissions();
    Files.setPosixFilePermissions(to, permissions);
  }
}
