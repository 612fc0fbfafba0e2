package dev.cogent.tools;

/** The run was cancelled while a tool ran; the runtime ends the run with {@code ABORTED}. */
public final class ToolCancelledException extends RuntimeException {

  public ToolCancelledException(String toolName) {
    super("tool " + toolName + " was cancelled");
  }
}
