package dev.cogent.runtime;

import dev.cogent.tools.ToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps large tool results out of the conversation: a result over {@code
 * runtime.large_tool_result_bytes} (UTF-8) is saved in the session workspace at {@code
 * /large_tool_results/<tool_call_id>}, and the model gets a pointer with the size and the first
 * lines instead, to page through the rest with {@code read_file}. The {@code tool_result} event
 * carries the pointer as {@code output} and the path as {@code saved_to}.
 *
 * <p>{@code read_file} results are left alone: it pages by itself, and saving its result would only
 * point to another copy.
 */
final class LargeToolResultsMiddleware implements Middleware {

  static final String FOLDER = "large_tool_results";

  private static final Logger log = LoggerFactory.getLogger(LargeToolResultsMiddleware.class);
  private static final Set<String> EXEMPT = Set.of("read_file");
  private static final int PREVIEW_LINES = 10;
  private static final int PREVIEW_CHARS = 1000;

  private final int maxBytes;

  LargeToolResultsMiddleware(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public String name() {
    return "LargeToolResultsMiddleware";
  }

  @Override
  public ToolOutcome aroundTool(ToolInvocation invocation, ToolHandler next) {
    ToolOutcome outcome = next.handle(invocation);
    ToolResult result = outcome.result();
    if (result == null || EXEMPT.contains(invocation.name())) {
      return outcome;
    }
    byte[] bytes = result.output().getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return outcome;
    }
    String shown = "/" + FOLDER + "/" + fileName(invocation.toolCall().id());
    try {
      WorkspaceWrites.write(invocation.context().workspace(), Path.of(shown.substring(1)), bytes);
    } catch (IOException | RuntimeException e) {
      // The result stays in the conversation: too long is better than lost.
      log.warn("Could not save the large result of tool {} to {}", invocation.name(), shown, e);
      return outcome;
    }
    String pointer =
        "The result of tool '"
            + invocation.name()
            + "' was too large for the conversation ("
            + bytes.length
            + " bytes) and was saved to "
            + shown
            + ". Read it with read_file (file_path \""
            + shown
            + "\", with offset and limit to page). It begins:\n"
            + preview(result.output());
    return outcome.replaced(new ToolResult(pointer, result.exitCode()), "saved_to", shown);
  }

  /** A tool call id as a file name: ids come from the model, so only safe characters stay. */
  static String fileName(String toolCallId) {
    String safe = toolCallId.replaceAll("[^A-Za-z0-9_.-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "call_" + safe : safe;
  }

  private static String preview(String output) {
    String[] lines = output.split("\n", PREVIEW_LINES + 1);
    String head =
        String.join("\n", Arrays.asList(lines).subList(0, Math.min(lines.length, PREVIEW_LINES)));
    return head.length() > PREVIEW_CHARS ? head.substring(0, PREVIEW_CHARS) + " …" : head;
  }
}
