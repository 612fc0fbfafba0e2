package dev.cogent.tools;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * {@code read_file(file_path, offset, limit)}: lines of a text file, numbered like {@code cat -n}.
 */
final class ReadFileTool implements Tool {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 100_000;

  private static final Map<String, Object> SCHEMA =
      ToolSchema.object(
          List.of("file_path"),
          "file_path",
          ToolSchema.string(
              "The file to read, such as `/src/Main.java`; `/` is the workspace root."),
          "offset",
          ToolSchema.integer(
              "The line to start at, counting from 0 (default 0).", 0, Integer.MAX_VALUE, 0),
          "limit",
          ToolSchema.integer(
              "The most lines to return (default " + DEFAULT_LIMIT + ").",
              1,
              MAX_LIMIT,
              DEFAULT_LIMIT));

  private final OutputCap cap;

  ReadFileTool(OutputCap cap) {
    this.cap = cap;
  }

  @Override
  public String name() {
    return "read_file";
  }

  @Override
  public String description() {
    return "Reads a text file from your workspace. Each line comes back prefixed with its line"
        + " number (from 1) and a tab, like `cat -n`; the numbers are not part of the file."
        + " By default the first "
        + DEFAULT_LIMIT
        + " lines are returned: for longer files page with `offset` (the 0-based line to start"
        + " at) and `limit`. Paths are inside your workspace, whose root is `/`. Read a file"
        + " before you edit it.";
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
          ConfinedPath file =
              new WorkspacePaths(context.workspace()).resolve(args.string("file_path"));
          int offset = args.integer("offset", 0, 0, Integer.MAX_VALUE);
          int limit = args.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
          if (!Files.exists(file.host())) {
            return ToolResult.failed("Error: file " + file.shown() + " not found");
          }
          if (Files.isDirectory(file.host())) {
            return ToolResult.failed(
                "Error: " + file.shown() + " is a directory, not a file; use ls");
          }
          if (TextFiles.isBinary(file.host())) {
            return ToolResult.failed(
                "Error: " + file.shown() + " is a binary file and cannot be shown as text");
          }
          StringBuilder text = new StringBuilder();
          int lineCount = 0;
          try (BufferedReader reader = TextFiles.lenientReader(file.host())) {
            String line;
            while ((line = reader.readLine()) != null) {
              if (lineCount >= offset && lineCount < offset + limit) {
                text.append(String.format("%6d\t%s", lineCount + 1, line)).append('\n');
              }
              lineCount++;
            }
          }
          if (lineCount == 0) {
            return ToolResult.ok(
                "System reminder: " + file.shown() + " exists but has empty contents");
          }
          if (offset >= lineCount) {
            return ToolResult.failed(
                "Error: line offset "
                    + offset
                    + " is past the end of "
                    + file.shown()
                    + ", which has "
                    + lineCount
                    + " lines");
          }
          if (offset + limit < lineCount) {
            text.append("... (")
                .append(lineCount - offset - limit)
                .append(" more lines; read on with offset ")
                .append(offset + limit)
                .append(")\n");
          }
          return ToolResult.ok(cap.apply(text.toString()));
        });
  }
}
