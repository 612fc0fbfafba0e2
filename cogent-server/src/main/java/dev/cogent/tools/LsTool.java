package dev.cogent.tools;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code ls(path)}: the entries of one workspace directory. */
final class LsTool implements Tool {

  private static final Map<String, Object> SCHEMA =
      ToolSchema.object(
          List.of(),
          "path",
          ToolSchema.string(
              "The directory to list. `/` (the default) is the workspace root; `/src` and `src`"
                  + " both mean the src folder in the workspace."));

  private final OutputCap cap;

  LsTool(OutputCap cap) {
    this.cap = cap;
  }

  @Override
  public String name() {
    return "ls";
  }

  @Override
  public String description() {
    return "Lists the files and folders directly inside a directory of your workspace, one"
        + " absolute path per line, folders ending in `/`. Your workspace is a private file"
        + " system whose root is `/`: every path you give any file tool is inside it, and"
        + " `..` cannot leave it. Use this to explore before reading or editing files.";
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
          ConfinedPath directory = paths.resolve(args.string("path", "/"));
          if (!Files.exists(directory.host())) {
            return ToolResult.failed("Error: " + directory.shown() + " does not exist");
          }
          if (!Files.isDirectory(directory.host())) {
            return ToolResult.failed(
                "Error: " + directory.shown() + " is a file, not a directory; use read_file");
          }
          List<String> lines = new ArrayList<>();
          try (Stream<Path> entries = Files.list(directory.host())) {
            entries
                .sorted()
                .forEach(
                    entry ->
                        lines.add(
                            paths.shown(entry)
                                + (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                                    ? "/"
                                    : "")));
          }
          if (lines.isEmpty()) {
            return ToolResult.ok(directory.shown() + " is empty");
          }
          return ToolResult.ok(cap.apply(String.join("\n", lines)));
        });
  }
}
