package dev.cogent.tools;

/**
 * What a tool returns to the model: text output and the real exit code ({@code 0} success, non-zero
 * failure), which the {@code tool_result} event carries.
 */
public record ToolResult(String output, int exitCode) {

  public ToolResult {
    if (output == null) {
      throw new IllegalArgumentException("output is required (use an empty string)");
    }
  }

  public static ToolResult ok(String output) {
    return new ToolResult(output, 0);
  }

  public static ToolResult failed(String output) {
    return new ToolResult(output, 1);
  }

  public boolean isSuccess() {
    return exitCode == 0;
  }
}
