package dev.cogent.runtime;

import dev.cogent.tools.ToolResult;
import dev.cogent.tools.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses what no agent may do, before anything else looks at a call: tools on the {@code
 * runtime.blocked_tools} list (which are not offered to the model either, also not to subagents),
 * {@code write_file} / {@code edit_file} calls whose {@code file_path} lies in a {@code
 * runtime.protected_paths} folder of the workspace, and {@code execute} / {@code bash} commands
 * that name a protected path (to read or to write: a command's text does not say which) or a path
 * outside the workspace. A refusal goes back to the model as a failed result; it does not end the
 * run.
 *
 * <p>A command is read word by word ({@link CommandPaths}): a word that is a protected path (after
 * {@code ..}, letter case and links inside the workspace, as for the file tools), a relative path
 * that climbs out with {@code ..}, a link that leads out, or an absolute path outside the workspace
 * (other than {@code /dev/null} and its kind) refuses the command. Programs are named, not given by
 * path ({@code python3}, not {@code /usr/bin/python3}). The check cannot see through variables,
 * globs or command substitutions; the sandbox backend is the real containment.
 */
final class ToolSecurityMiddleware implements Middleware {

  /** The tools that write files, and the argument that names the file. */
  private static final Set<String> WRITERS = Set.of("write_file", "edit_file");

  /** The tools that run a shell command, named by their {@code command} argument. */
  private static final Set<String> COMMANDS = Set.of("execute", "bash");

  private final Set<String> blocked;
  private final List<String> protectedPaths;
  private final Workspaces workspaces;

  ToolSecurityMiddleware(
      List<String> blockedTools, List<String> protectedPaths, Workspaces workspaces) {
    this.workspaces = workspaces;
    this.blocked = Set.copyOf(blockedTools);
    this.protectedPaths = protectedPaths.stream().map(ToolSecurityMiddleware::normalize).toList();
  }

  @Override
  public String name() {
    return "ToolSecurityMiddleware";
  }

  @Override
  public boolean offers(String toolName) {
    return !blocked.contains(toolName);
  }

  @Override
  public ToolOutcome aroundTool(ToolInvocation invocation, ToolHandler next) {
    String name = invocation.name();
    if (blocked.contains(name)) {
      return ToolOutcome.of(
          ToolResult.failed("Tool '" + name + "' is blocked on this server; do not call it."));
    }
    Path workspace = workspaces.forSession(invocation.run().session().id());
    if (COMMANDS.contains(name)
        && invocation.toolCall().args().get("command") instanceof String c) {
      Optional<String> refusal = commandRefusal(c, workspace);
      if (refusal.isPresent()) {
        return ToolOutcome.of(ToolResult.failed(refusal.get()));
      }
    }
    Optional<String> hit =
        protectedHit(name, invocation.toolCall().args().get("file_path"), workspace);
    if (hit.isPresent()) {
      return ToolOutcome.of(
          ToolResult.failed(
              "Writing to '"
                  + invocation.toolCall().args().get("file_path")
                  + "' is not allowed: '"
                  + hit.get()
                  + "' is a protected path of the workspace."));
    }
    return next.handle(invocation);
  }

  private Optional<String> commandRefusal(String command, Path workspace) {
    for (CommandPaths.Named named : CommandPaths.of(command, workspace)) {
      Optional<Target> target =
          named.isOutside() ? Optional.empty() : target(workspace, named.relative());
      if (named.isOutside() || target.map(t -> !t.isInside()).orElse(false)) {
        return Optional.of(
            "The command was not run: '"
                + named.word()
                + "' leads outside the workspace. Commands may only use paths inside the"
                + " workspace, their current folder (relative paths are best).");
      }
      Optional<String> hit =
          match(named.relative())
              .or(() -> target.filter(Target::isInside).map(Target::relative).flatMap(this::match));
      if (hit.isPresent()) {
        return Optional.of(
            "The command was not run: '"
                + named.word()
                + "' names '"
                + hit.get()
                + "', which is a protected path of the workspace.");
      }
    }
    return Optional.empty();
  }

  private Optional<String> protectedHit(String tool, Object filePath, Path workspace) {
    if (!WRITERS.contains(tool) || !(filePath instanceof String path)) {
      return Optional.empty();
    }
    String lexical = normalize(path);
    Optional<String> hit = match(lexical);
    // A link inside the workspace may lead into a protected folder under another name.
    return hit.isPresent() ? hit : linked(workspace, lexical).flatMap(this::match);
  }

  private Optional<String> match(String target) {
    // Case-insensitive: on a case-insensitive file system ".COGENT" is ".cogent".
    String lower = target.toLowerCase(Locale.ROOT);
    for (String guarded : protectedPaths) {
      String prefix = guarded.toLowerCase(Locale.ROOT);
      if (!prefix.isEmpty() && (lower.equals(prefix) || lower.startsWith(prefix + "/"))) {
        return Optional.of(guarded);
      }
    }
    return Optional.empty();
  }

  /** Where {@code relative} really leads inside the workspace, following links that exist. */
  private static Optional<String> linked(Path workspace, String relative) {
    return target(workspace, relative).filter(Target::isInside).map(Target::relative);
  }

  /** Where a workspace path really leads: {@code real} may lie outside {@code root}. */
  private record Target(Path root, Path real) {
    boolean isInside() {
      return real.startsWith(root);
    }

    String relative() {
      return normalize(root.relativize(real).toString());
    }
  }

  /**
   * Where {@code relative} really leads, following links that exist; empty before the workspace
   * exists or when the path cannot be read.
   */
  private static Optional<Target> target(Path workspace, String relative) {
    try {
      if (!Files.isDirectory(workspace)) {
        return Optional.empty();
      }
      Path root = workspace.toRealPath();
      Path existing = root.resolve(relative);
      Deque<String> rest = new ArrayDeque<>();
      while (!Files.exists(existing) && existing.startsWith(root) && !existing.equals(root)) {
        rest.addFirst(existing.getFileName().toString());
        existing = existing.getParent();
      }
      Path real = existing.toRealPath();
      for (String name : rest) {
        real = real.resolve(name);
      }
      return Optional.of(new Target(root, real));
    } catch (IOException | InvalidPathException e) {
      return Optional.empty();
    }
  }

  /**
   * A workspace path as a relative path without {@code .} and {@code ..} steps (the file tools
   * refuse paths that climb out, so {@code ..} only ever stays inside).
   */
  static String normalize(String path) {
    Deque<String> names = new ArrayDeque<>();
    for (String name : path.replace('\\', '/').split("/")) {
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        names.pollLast();
      } else {
        names.addLast(name);
      }
    }
    return String.join("/", names);
  }
}
