package dev.cogent.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * The script in a user message, as the {@code mock} model reads it: one action per model turn
 * ({@code /tool NAME {json}}, {@code /reply TEXT}, {@code /fail MESSAGE}), each optionally preceded
 * by {@code /sleep MS} lines that delay it. {@code /pace MS} sets the time between two streamed
 * words, for every answer of the message. Other lines are ordinary text.
 */
record MockScript(
    List<Action> actions, long trailingSleepMillis, long paceMillis, boolean hasScriptLines) {

  MockScript {
    actions = List.copyOf(actions);
  }

  sealed interface Action permits Tool, Reply, Fail, Inspect {
    /** Milliseconds to wait before the action. */
    long sleepMillis();
  }

  /**
   * {@code /tool NAME {json}}: call a tool; {@code arguments} is the JSON text ({@code {}} if
   * none).
   */
  record Tool(String name, String arguments, long sleepMillis) implements Action {}

  /** {@code /reply TEXT}: answer with the text and end the turn. */
  record Reply(String text, long sleepMillis) implements Action {}

  /** {@code /fail MESSAGE}: the model call fails with the message. */
  record Fail(String message, long sleepMillis) implements Action {}

  /**
   * {@code /inspect}: answer with what the model was given (system prompt, tool names,
   * temperature), so tests can see what the runtime sends.
   */
  record Inspect(long sleepMillis) implements Action {}

  static MockScript parse(String message) {
    List<Action> actions = new ArrayList<>();
    long sleep = 0;
    long pace = 0;
    boolean scripted = false;
    for (String raw : message.split("\\R")) {
      String line = raw.strip();
      if (line.equals("/sleep") || line.startsWith("/sleep ")) {
        scripted = true;
        sleep += parseMillis(argument(line, "/sleep"));
      } else if (line.equals("/pace") || line.startsWith("/pace ")) {
        scripted = true;
        pace = parseMillis(argument(line, "/pace"));
      } else if (line.startsWith("/tool ")) {
        scripted = true;
        String rest = argument(line, "/tool");
        int space = rest.indexOf(' ');
        String name = space < 0 ? rest : rest.substring(0, space);
        String arguments = space < 0 ? "{}" : rest.substring(space + 1).strip();
        actions.add(new Tool(name, arguments.isEmpty() ? "{}" : arguments, sleep));
        sleep = 0;
      } else if (line.equals("/reply") || line.startsWith("/reply ")) {
        scripted = true;
        actions.add(new Reply(argument(line, "/reply"), sleep));
        sleep = 0;
      } else if (line.equals("/inspect")) {
        scripted = true;
        actions.add(new Inspect(sleep));
        sleep = 0;
      } else if (line.equals("/fail") || line.startsWith("/fail ")) {
        scripted = true;
        String text = argument(line, "/fail");
        actions.add(new Fail(text.isEmpty() ? "scripted failure" : text, sleep));
        sleep = 0;
      }
    }
    return new MockScript(actions, sleep, pace, scripted);
  }

  private static String argument(String line, String command) {
    return line.substring(command.length()).strip();
  }

  private static long parseMillis(String text) {
    try {
      return Math.max(0, Long.parseLong(text));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
