package dev.cogent.tools;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;

/** {@code glob(pattern, path)}: the workspace paths that match a glob pattern. */
final class GlobTool implements Tool {

  private static final Map<String, Object> SCHEMA =
      ToolSchema.object(
          List.of("pattern"),
          "pattern",
          ToolSchema.string(
              "A glob matched against paths relative to `path`: `*` matches within one folder"
                  + " name, `**` across folders, `?` one character, `{a,b}` either, `[abc]` one"
                  + " of. Examples: `*.md`, `**/*.java`, `src/**/Test*.java`."),
          "path",
          ToolSchema.string("The folder to search from; `/` (the default) is the workspace root."));

  private final OutputCap cap;

  GlobTool(OutputCap cap) {
    this.cap = cap;
  }

  @Override
  public String name() {
    return "glob";
  }

  @Override
  public String description() {
    return "Finds files and folders in your workspace whose path matches a glob pattern, such"
        + " as `**/*.py` (every Python file at any depth, including the top) or `docs/*.md`."
        + " Returns absolute paths, one per line, sorted; folders end in `/`. Paths are inside"
        + " your workspace, whose root is `/`; symbolic links are listed but not followed.";
  }

  @Override
  public Map<String, Object> parametersSchema() {
    return SCHEMA;
  }

  @Override
  public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
    return ToolFailure.reported(
        context,
        () -> {
          Arguments args = Arguments.of(name(), SCHEMA, arguments);
          String pattern = args.string("pattern");
          WorkspacePaths paths = new WorkspacePaths(context.workspace());
          ConfinedPath base = paths.resolve(args.string("path", "/"));
          if (pattern.isBlank()) {
            return ToolResult.failed("Error: the pattern is empty");
          }
          if (!Files.isDirectory(base.host())) {
            return ToolResult.failed("Error: " + base.shown() + " is not a directory");
          }
          List<PathMatcher> matchers = matchers(pattern);
          TreeSet<String> found = new TreeSet<>();
          Files.walkFileTree(
              base.host(),
              new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                  if (!dir.equals(base.host()) && matches(base.host().relativize(dir))) {
                    found.add(paths.shown(dir) + "/");
                  }
                  return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                  if (matches(base.host().relativize(file))) {
                    found.add(paths.shown(file));
                  }
                  return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                  return FileVisitResult.CONTINUE;
                }

                private boolean matches(Path relative) {
                  return matchers.stream().anyMatch(matcher -> matcher.matches(relative));
                }
              });
          if (found.isEmpty()) {
            return ToolResult.ok("No files match " + pattern + " in " + base.shown());
          }
          return ToolResult.ok(cap.apply(String.join("\n", found)));
        });
  }

  /**
   * Matchers for {@code pattern} relative to the base folder. A leading {@code /} is dropped, and
   * {@code **}{@code /} may also match no folder at all, as in shells with globstar: {@code
   * **}{@code /*.py} finds {@code a.py} too.
   */
  private static List<PathMatcher> matchers(String pattern) {
    String relative = pattern;
    while (relative.startsWith("/")) {
      relative = relative.substring(1);
    }
    List<String> variants = new ArrayList<>();
    variants.add(relative);
    String rest = relative;
    while (rest.startsWith("**/")) {
      rest = rest.substring(3);
      variants.add(rest);
    }
    try {
      List<PathMatcher> matchers = new ArrayList<>();
      for (String variant : variants) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + variant));
      }
      return matchers;
    } catch (PatternSyntaxException e) {
      throw new ToolFailure("Error: " + pattern + " is not a valid glob: " + e.getDescription());
    }
  }
}
