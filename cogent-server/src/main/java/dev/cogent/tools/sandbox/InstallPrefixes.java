package dev.cogent.tools.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The folders an interpreter outside the system folders needs inside the bubblewrap sandbox: its
 * install prefix (the folder above its {@code bin/}, else its own folder), for the path as
 * configured and for the file a symbolic link leads to (a virtualenv's {@code python3} links to the
 * real interpreter, whose prefix holds the standard library).
 */
final class InstallPrefixes {

  private InstallPrefixes() {}

  /**
   * The prefixes of the absolute paths among {@code programs}; command names are found on the
   * sandbox's PATH, inside the system folders, and need nothing.
   */
  static List<Path> of(List<String> programs) {
    Set<Path> prefixes = new LinkedHashSet<>();
    for (String program : programs) {
      if (!program.startsWith("/")) {
        continue;
      }
      Path path = Path.of(program).normalize();
      prefix(path).ifPresent(prefixes::add);
      try {
        prefix(path.toRealPath()).ifPresent(prefixes::add);
      } catch (IOException e) {
        // A missing interpreter fails its first call with the shell's "not found" instead.
      }
    }
    return List.copyOf(prefixes);
  }

  /** The install prefix of {@code program}, unless it is the root or inside a system folder. */
  static Optional<Path> prefix(Path program) {
    Path folder = program.getParent();
    if (folder == null) {
      return Optional.empty();
    }
    boolean inBin = folder.getFileName() != null && folder.getFileName().toString().equals("bin");
    Path prefix = inBin && folder.getParent() != null ? folder.getParent() : folder;
    if (prefix.getNameCount() == 0
        || BubblewrapSandbox.SYSTEM_DIRECTORIES.stream().anyMatch(s -> prefix.startsWith(s))) {
      return Optional.empty();
    }
    return Optional.of(prefix);
  }
}
