package dev.cogent.runtime;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The paths a shell command names, as far as its words show them: every word ({@link ShellWords}),
 * the part after the first {@code =} of a word ({@code --out=x}, {@code VAR=x}), and the words of a
 * word that holds blanks or operators itself ({@code sh -c '…'}, a few levels deep). A word is a
 * path inside the workspace when it is relative and does not climb out with {@code ..}, when it
 * starts with {@code ~/} (commands run with the workspace as {@code HOME}), or when it is absolute
 * and lies in the workspace; {@link #DEVICES} name nothing of the host; every other absolute or
 * {@code ~user} word lies outside.
 *
 * <p>This is a filter, not a parser: variables, globs and command substitutions are not expanded,
 * so a command can still hide a path from it. The sandbox backend is the real containment.
 */
final class CommandPaths {

  /** Device files that commands use for plumbing; they read or write nothing of the host. */
  static final Set<String> DEVICES =
      Set.of(
          "/dev/null",
          "/dev/zero",
          "/dev/stdin",
          "/dev/stdout",
          "/dev/stderr",
          "/dev/random",
          "/dev/urandom");

  /** How deep words inside words ({@code sh -c "…"}) are split again. */
  private static final int NESTING = 3;

  private CommandPaths() {}

  /**
   * A word of a command read as a path.
   *
   * @param relative the workspace path it names, or null when it lies outside the workspace
   */
  record Named(String word, String relative) {
    boolean isOutside() {
      return relative == null;
    }
  }

  static List<Named> of(String command, Path workspace) {
    List<String> roots = roots(workspace);
    List<Named> named = new ArrayList<>();
    for (String word : candidates(command, 0)) {
      if (!word.isEmpty() && !DEVICES.contains(word)) {
        named.add(new Named(word, relative(word, roots)));
      }
    }
    return named;
  }

  private static List<String> candidates(String command, int depth) {
    List<String> found = new ArrayList<>();
    for (String word : ShellWords.split(command)) {
      found.add(word);
      int equals = word.indexOf('=');
      if (equals >= 0) {
        found.add(word.substring(equals + 1));
      }
      if (depth < NESTING && !ShellWords.split(word).equals(List.of(word))) {
        found.addAll(candidates(word, depth + 1));
      }
    }
    return found;
  }

  /** The workspace as absolute paths commands may write it: as configured and as it really is. */
  private static List<String> roots(Path workspace) {
    List<String> roots = new ArrayList<>();
    Path absolute = workspace.toAbsolutePath().normalize();
    roots.add(absolute.toString());
    try {
      roots.add(absolute.toRealPath().toString());
    } catch (IOException e) {
      // Not created yet: the configured path is the only one.
    }
    return roots;
  }

  private static String relative(String word, List<String> roots) {
    if (word.equals("~")) {
      return "";
    }
    if (word.startsWith("~/")) {
      return climbFree(word.substring(2));
    }
    if (word.startsWith("~")) {
      return null;
    }
    if (!word.startsWith("/")) {
      return climbFree(word);
    }
    String absolute;
    try {
      absolute = Path.of(word).normalize().toString();
    } catch (InvalidPathException e) {
      return null;
    }
    for (String root : roots) {
      if (absolute.equals(root)) {
        return "";
      }
      if (absolute.startsWith(root + "/")) {
        return absolute.substring(root.length() + 1);
      }
    }
    return null;
  }

  /**
   * {@code path} without {@code .} and {@code ..} steps, or null when it climbs above its start.
   */
  private static String climbFree(String path) {
    Deque<String> names = new ArrayDeque<>();
    for (String name : path.split("/")) {
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (names.pollLast() == null) {
          return null;
        }
      } else {
        names.addLast(name);
      }
    }
    return String.join("/", names);
  }
}
