package dev.cogent.tools;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * {@code edit_file(file_path, old_string, new_string, replace_all)}: replaces exact text in a file.
 */
final class EditFileTool implements Tool {

  private static final Map<String, Object> SCHEMA =
      ToolSchema.object(
          List.of("file_path", "old_string", "new_string"),
          "file_path",
          ToolSchema.string(
              "The file to edit, such as `/src/Main.java`; `/` is the workspace root."),
          "old_string",
          ToolSchema.string(
              "The exact text to replace, including whitespace and indentation; without line"
                  + " numbers from read_file."),
          "new_string",
          ToolSchema.string("The text to put in its place."),
          "replace_all",
          ToolSchema.bool(
              "Replace every occurrence of old_string; otherwise it must occur exactly once.",
              false));

  @Override
  public String name() {
    return "edit_file";
  }

  @Override
  public String description() {
    return "Replaces exact text in an existing text file of your workspace. old_string must"
        + " match the file exactly (whitespace and indentation too, without the line-number"
        + " prefixes read_file shows) and must occur exactly once, unless replace_all is true:"
        + " if it occurs more often, include more surrounding lines to make it unique. Read the"
        + " file first. Paths are inside your workspace, whose root is `/`.";
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
          String oldString = args.string("old_string");
          String newString = args.string("new_string");
          boolean replaceAll = args.bool("replace_all", false);
          if (oldString.isEmpty()) {
            return ToolResult.failed("Error: old_string must not be empty");
          }
          if (oldString.equals(newString)) {
            return ToolResult.failed("Error: old_string and new_string are the same");
          }
          if (!Files.exists(file.host())) {
            return ToolResult.failed("Error: file " + file.shown() + " not found");
          }
          if (Files.isDirectory(file.host())) {
            return ToolResult.failed("Error: " + file.shown() + " is a directory, not a file");
          }
          String text = TextFiles.readStrict(file.host(), file.shown());
          int occurrences = count(text, oldString);
          if (occurrences == 0) {
            return ToolResult.failed(
                "Error: old_string was not found in "
                    + file.shown()
                    + "; read the file and copy the text exactly");
          }
          if (occurrences > 1 && !replaceAll) {
            return ToolResult.failed(
                "Error: old_string occurs "
                    + occurrences
                    + " times in "
                    + file.shown()
                    + "; include more surrounding text to make it unique, or set replace_all"
                    + " to true to replace every occurrence");
          }
          String edited;
          if (replaceAll) {
            edited = text.replace(oldString, newString);
          } else {
            int at = text.indexOf(oldString);
            edited = text.substring(0, at) + newString + text.substring(at + oldString.length());
          }
          TextFiles.write(file.host(), edited);
          return ToolResult.ok(
              "Replaced "
                  + occurrences
                  + (occurrences == 1 ? " occurrence" : " occurrences")
                  + " in "
                  + file.shown());
        });
  }

  /** Non-overlapping occurrences, as {@link String#replace} replaces them. */
  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }
}
