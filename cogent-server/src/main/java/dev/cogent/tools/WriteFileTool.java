package dev.cogent.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** {@code write_file(file_path, content)}: creates or replaces a text file. */
final class WriteFileTool implements Tool {

  private static final Map<String, Object> SCHEMA =
      ToolSchema.object(
          List.of("file_path", "content"),
          "file_path",
          ToolSchema.string(
              "The file to write, such as `/notes/plan.md`; `/` is the workspace root. Missing"
                  + " folders are created."),
          "content",
          ToolSchema.string("The complete new content of the file."));

  @Override
  public String name() {
    return "write_file";
  }

  @Override
  public String description() {
    return "Writes a text file (UTF-8) in your workspace, creating it and any missing folders."
        + " An existing file is replaced completely, so to change part of a file prefer"
        + " edit_file. Paths are inside your workspace, whose root is `/`.";
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
          String content = args.string("content");
          if (Files.isDirectory(file.host())) {
            return ToolResult.failed("Error: " + file.shown() + " is a directory");
          }
          boolean existed = Files.exists(file.host());
          Files.createDirectories(file.host().getParent());
          TextFiles.write(file.host(), content);
          int bytes = content.getBytes(StandardCharsets.UTF_8).length;
          return ToolResult.ok(
              (existed ? "Replaced " : "Created ") + file.shown() + " (" + bytes + " bytes)");
        });
  }
}
