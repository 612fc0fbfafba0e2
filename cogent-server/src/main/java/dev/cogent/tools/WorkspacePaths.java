package dev.cogent.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Resolves the paths a model names inside one session's workspace, so that nothing a file tool
 * touches lies outside it. The model sees the workspace as a virtual file system whose root {@code
 * /} is the workspace (the Deep Agents convention): {@code /etc/passwd} means {@code
 * <workspace>/etc/passwd}, and a relative path means the same as with a leading {@code /}.
 *
 * <p>Refused, with a message for the model: NUL bytes, paths longer than {@value #MAX_PATH_CHARS}
 * characters or with a name longer than {@value #MAX_NAME_BYTES} bytes, {@code ..} that climbs
 * above the root, and symbolic links (on the way or at the end) that lead outside the workspace or
 * nowhere. Links that stay inside are followed, so the resolved host path contains no link.
 */
final class WorkspacePaths {

  static final int MAX_PATH_CHARS = 4096;
  static final int MAX_NAME_BYTES = 255;

  private final Path root;

  /**
   * @param workspace the session's workspace; it must exist
   */
  WorkspacePaths(Path workspace) {
    try {
      this.root = workspace.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("the workspace " + workspace + " does not exist", e);
    }
  }

  Path root() {
    return root;
  }

  /**
   * Resolves {@code requested}; an empty path is the root.
   *
   * @throws ToolFailure when the path is refused
   */
  ConfinedPath resolve(String requested) {
    if (requested.indexOf('\0') >= 0) {
      throw new ToolFailure("Error: the path contains a NUL byte");
    }
    if (requested.length() > MAX_PATH_CHARS) {
      throw new ToolFailure("Error: the path is longer than " + MAX_PATH_CHARS + " characters");
    }
    Deque<String> names = new ArrayDeque<>();
    for (String name : requested.split("/")) {
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (names.isEmpty()) {
          throw new ToolFailure(
              "Error: "
                  + requested
                  + " leads outside the workspace; paths are relative to the workspace root /");
        }
        names.removeLast();
        continue;
      }
      if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw new ToolFailure(
            "Error: a name in the path is longer than " + MAX_NAME_BYTES + " bytes");
      }
      names.addLast(name);
    }
    Path host = followInside(requested, List.copyOf(names));
    return new ConfinedPath(host, shown(host));
  }

  /** How {@code host}, a path inside the workspace, is shown to the model. */
  String shown(Path host) {
    Path relative = root.relativize(host);
    String text = relative.toString();
    return text.isEmpty() ? "/" : "/" + text;
  }

  /**
   * Walks {@code names} from the root. An existing name that is a symbolic link is replaced by its
   * real target, which must lie inside the workspace; once a name does not exist, the rest cannot
   * contain links and is appended as it is.
   */
  private Path followInside(String requested, List<String> names) {
    Path current = root;
    for (int index = 0; index < names.size(); index++) {
      Path next = current.resolve(names.get(index));
      if (Files.isSymbolicLink(next)) {
        current = linkTarget(requested, next);
      } else if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
        current = next;
      } else {
        for (String rest : names.subList(index, names.size())) {
          current = current.resolve(rest);
        }
        return current;
      }
    }
    return current;
  }

  private Path linkTarget(String requested, Path link) {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      throw new ToolFailure(
          "Error: "
              + requested
              + " goes through a symbolic link that leads nowhere ("
              + shown(link)
              + ")");
    }
    if (!target.startsWith(root)) {
      throw new ToolFailure(
          "Error: "
              + requested
              + " goes through a symbolic link that leads outside the workspace ("
              + shown(link)
              + ")");
    }
    return target;
  }
}
