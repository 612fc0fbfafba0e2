package dev.cogent.cli;

import dev.cogent.client.EventStream;
import dev.cogent.client.RunEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a run's events as they arrive: as text (tokens inline, tool calls and results on their own
 * lines) or as JSON lines ({@code {"id", "event", "data"}}). Returns the run's terminal event.
 */
final class RunPrinter {

  private final Output output;
  private final boolean json;
  private boolean midLine;

  RunPrinter(Output output, boolean json) {
    this.output = output;
    this.json = json;
  }

  /**
   * Prints every event of {@code stream}; the terminal event, or null if the stream ended early.
   */
  RunEvent print(EventStream stream) {
    RunEvent last = null;
    try (stream) {
      for (RunEvent event : stream) {
        last = event;
        if (json) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("id", event.sequence());
          line.put("event", event.type());
          line.put("data", event);
          output.jsonLine(line);
        } else {
          text(event);
        }
      }
    }
    endLine();
    return last;
  }

  private void text(RunEvent event) {
    if (event instanceof RunEvent.Token token) {
      output.text(token.content());
      midLine = true;
    } else if (event instanceof RunEvent.ToolCall call) {
      endLine();
      output.line(Output.styled("@|cyan -> " + call.name() + "|@ ") + call.args());
    } else if (event instanceof RunEvent.ToolResult result) {
      endLine();
      String firstLine = result.output().strip().lines().findFirst().orElse("");
      output.line(
          Output.styled(
                  result.exitCode() == 0
                      ? "@|green <- exit 0|@"
                      : "@|red <- exit " + result.exitCode() + "|@")
              + (firstLine.isEmpty() ? "" : ": " + shorten(firstLine)));
    } else if (event instanceof RunEvent.Interrupt interrupt) {
      endLine();
      output.line(
          Output.styled("@|yellow ?? " + interrupt.toolName() + "|@ ")
              + interrupt.args()
              + " needs approval");
    } else if (event instanceof RunEvent.Error error) {
      endLine();
      output.error("cogent: run failed: " + error.code() + ": " + error.message());
    } else if (event instanceof RunEvent.Delegation delegation) {
      endLine();
      output.line("=> " + delegation.toAgent() + ": " + shorten(delegation.task()));
    } else if (event instanceof RunEvent.Planning planning) {
      endLine();
      planning.todos().forEach(todo -> output.line("[ ] " + todo));
    }
  }

  private void endLine() {
    if (midLine) {
      output.line("");
      midLine = false;
    }
  }

  private static String shorten(String text) {
    return text.length() > 200 ? text.substring(0, 197) + "..." : text;
  }
}
