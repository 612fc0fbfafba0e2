package dev.cogent.tools;

import java.io.BufferedReader;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code grep(pattern, path, glob, output_mode)}: searches text files for a regular expression. */
final class GrepTool implements Tool {

  static final List<String> OUTPUT_MODES = List.of("files_with_matches", "content", "count");

  /** Larger files are skipped: they are data, not text the model can use. */
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private static final Map<String, Object> SCHEMA =
      ToolSchema.object(
          List.of("pattern"),
          "pattern",
          ToolSchema.string(
              "A Java regular expression searched for in each line, such as `TODO`,"
                  + " `def \\w+\\(` or `(?i)error`. Escape regex characters to search for them"
                  + " literally: `\\.`, `\\(`."),
          "path",
          ToolSchema.string(
              "The file or folder to search; `/` (the default) is the whole workspace."),
          "glob",
          ToolSchema.string(
              "Only search files matching this glob: `*.py` matches file names, a pattern with"
                  + " `/` such as `src/**/*.java` matches paths relative to `path`."),
          "output_mode",
          ToolSchema.string(
              "files_with_matches (default): the files that match; content: each matching line"
                  + " as path:line number:text; count: the number of matching lines per file.",
              OUTPUT_MODES,
              "files_with_matches"));

  private final OutputCap cap;

  GrepTool(OutputCap cap) {
    this.cap = cap;
  }

  @Override
  public String name() {
    return "grep";
  }

  @Override
  public String description() {
    return "Searches the text files of your workspace for lines matching a regular expression"
        + " (Java syntax; `(?i)` at the start ignores case). By default it lists the files"
        + " that contain a match; output_mode `content` shows the matching lines with their"
        + " line numbers and `count` the number of matching lines per file. Binary files,"
        + " files over 10 MB and symbolic links are skipped. Paths are inside your workspace,"
        + " whose root is `/`.";
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
          WorkspacePaths paths = new WorkspacePaths(context.workspace());
          Pattern pattern = compile(args.string("pattern"));
          ConfinedPath base = paths.resolve(args.string("path", "/"));
          String glob = args.string("glob", "");
          String mode = args.string("output_mode", "files_with_matches");
          if (!OUTPUT_MODES.contains(mode)) {
            return ToolResult.failed(
                "Error: output_mode must be one of " + String.join(", ", OUTPUT_MODES));
          }
          if (!Files.exists(base.host())) {
            return ToolResult.failed("Error: " + base.shown() + " does not exist");
          }
          List<Path> files = files(base.host(), glob);
          List<String> lines = new ArrayList<>();
          long collectedChars = 0;
          for (Path file : files) {
            int before = lines.size();
            search(file, paths.shown(file), pattern, mode, lines);
            for (String line : lines.subList(before, lines.size())) {
              collectedChars += line.length() + 1;
            }
            if (collectedChars > cap.maxBytes()) {
              break; // More than can be shown: the cap cuts it anyway.
            }
          }
          if (lines.isEmpty()) {
            return ToolResult.ok("No matches for " + pattern.pattern() + " in " + base.shown());
          }
          return ToolResult.ok(cap.apply(String.join("\n", lines)));
        });
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ToolFailure(
          "Error: the pattern is not a valid regular expression: " + e.getDescription());
    }
  }

  /** The regular files under {@code base} (or {@code base} itself) that the glob admits. */
  private static List<Path> files(Path base, String glob) throws IOException {
    if (Files.isRegularFile(base)) {
      return List.of(base);
    }
    PathMatcher matcher;
    try {
      matcher = glob.isEmpty() ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (PatternSyntaxException e) {
      throw new ToolFailure("Error: " + glob + " is not a valid glob: " + e.getDescription());
    }
    boolean byName = !glob.contains("/");
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        base,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()
                && attrs.size() <= MAX_FILE_BYTES
                && (matcher == null
                    || matcher.matches(byName ? file.getFileName() : base.relativize(file)))) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return files;
  }

  private static void search(
      Path file, String shown, Pattern pattern, String mode, List<String> out) throws IOException {
    if (TextFiles.isBinary(file)) {
      return;
    }
    int matches = 0;
    try (BufferedReader reader = TextFiles.lenientReader(file)) {
      Matcher matcher = pattern.matcher("");
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (matcher.reset(line).find()) {
          matches++;
          if (mode.equals("content")) {
            out.add(shown + ":" + number + ":" + line);
          } else if (mode.equals("files_with_matches")) {
            break;
          }
        }
      }
    }
    if (matches > 0 && mode.equals("files_with_matches")) {
      out.add(shown);
    } else if (matches > 0 && mode.equals("count")) {
      out.add(shown + ":" + matches);
    }
  }
}
