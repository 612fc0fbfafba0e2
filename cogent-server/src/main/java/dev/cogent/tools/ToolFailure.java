package dev.cogent.tools;

import java.io.IOException;

/**
 * A failure a built-in tool reports to the model as a {@link ToolResult} with exit code 1 (a
 * refused path, a missing file, a bad argument), never as an exception out of {@link Tool#execute}.
 */
final class ToolFailure extends RuntimeException {

  ToolFailure(String message) {
    super(message);
  }

  /** The body of a tool call that may fail. */
  @FunctionalInterface
  interface Call {
    ToolResult run() throws IOException;
  }

  /**
   * Runs {@code call}, turning a {@link ToolFailure} or an I/O error into a failed result. The
   * workspace's host path is removed from messages: the model knows it as {@code /}.
   */
  static ToolResult reported(ToolContext context, Call call) {
    try {
      return call.run();
    } catch (ToolFailure e) {
      return ToolResult.failed(e.getMessage());
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      String root = context.workspace().toString();
      return ToolResult.failed(
          "Error: " + e.getClass().getSimpleName() + ": " + message.replace(root, ""));
    }
  }
}
