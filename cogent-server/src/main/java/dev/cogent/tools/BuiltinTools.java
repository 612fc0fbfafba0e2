package dev.cogent.tools;

import dev.cogent.settings.ToolSettings;
import dev.cogent.tools.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in tools with Deep Agents' names and arguments: {@code ls}, {@code read_file}, {@code
 * write_file}, {@code edit_file}, {@code glob}, {@code grep}, and {@code execute} (also as {@code
 * bash}) running in the configured sandbox. File tools see the session's workspace as a virtual
 * file system whose root {@code /} is the workspace, and never reach outside it; their failures are
 * results with exit code 1. Output longer than {@code tools.max_output_bytes} is cut off with a
 * note. The planning ({@code write_todos}) and delegation ({@code task}) tools belong to the
 * runtime.
 */
public final class BuiltinTools {

  private final List<Tool> tools;

  public BuiltinTools(ToolSettings settings, Sandbox sandbox) {
    OutputCap cap = new OutputCap(settings.maxOutputBytes());
    this.tools =
        List.of(
            new LsTool(cap),
            new ReadFileTool(cap),
            new WriteFileTool(),
            new EditFileTool(),
            new GlobTool(cap),
            new GrepTool(cap),
            new ExecuteTool(
                "execute", sandbox, settings.executeTimeout(), settings.maxOutputBytes()),
            new ExecuteTool("bash", sandbox, settings.executeTimeout(), settings.maxOutputBytes()));
  }

  /** Every built-in tool, in a fixed order; names are unique. */
  public List<Tool> all() {
    return tools;
  }

  /**
   * Every built-in tool followed by the server's own tools that live in other packages (memory's
   * {@code recall}), which agents get the same way.
   *
   * @throws IllegalArgumentException when a name is taken twice
   */
  public List<Tool> with(List<Tool> more) {
    List<Tool> combined = new ArrayList<>(tools);
    combined.addAll(more);
    if (combined.stream().map(Tool::name).distinct().count() != combined.size()) {
      throw new IllegalArgumentException("duplicate tool names among " + combined);
    }
    return List.copyOf(combined);
  }
}
