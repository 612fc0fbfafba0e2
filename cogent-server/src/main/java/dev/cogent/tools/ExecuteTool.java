package dev.cogent.tools;

import dev.cogent.tools.sandbox.CommandResult;
import dev.cogent.tools.sandbox.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code execute(command, timeout)}: runs a shell command in the session's workspace through the
 * configured {@link Sandbox}. The same tool answers to {@code bash}.
 */
final class ExecuteTool implements Tool {

  /** The longest timeout a call may ask for, unless the configured default is longer. */
  static final int MAX_TIMEOUT_SECONDS = 3600;

  private final String name;
  private final Sandbox sandbox;
  private final Duration defaultTimeout;
  private final int maxOutputBytes;
  private final Map<String, Object> schema;

  ExecuteTool(String name, Sandbox sandbox, Duration defaultTimeout, int maxOutputBytes) {
    this.name = name;
    this.sandbox = sandbox;
    this.defaultTimeout = defaultTimeout;
    this.maxOutputBytes = maxOutputBytes;
    int defaultSeconds = (int) Math.min(Integer.MAX_VALUE, defaultTimeout.toSeconds());
    this.schema =
        ToolSchema.object(
            List.of("command"),
            "command",
            ToolSchema.string(
                "The shell command (run by /bin/sh -c), such as `ls -la` or `python3 app.py |"
                    + " head`. Pipes, redirects and && work."),
            "timeout",
            ToolSchema.integer(
                "Seconds the command may run before it is killed (default " + defaultSeconds + ").",
                1,
                Math.max(MAX_TIMEOUT_SECONDS, defaultSeconds),
                defaultSeconds));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return (name.equals("bash") ? "The same tool as execute. " : "")
        + "Runs a shell command with /bin/sh in your workspace folder (also HOME) and returns"
        + " its combined stdout and stderr followed by its exit code. stdin is closed, so"
        + " interactive programs fail: pass flags such as -y instead. A command that runs"
        + " longer than `timeout` seconds is killed with its child processes and reports exit"
        + " code 124. Long output is cut off. Inside commands the workspace has its real path"
        + " (print it with pwd), while the file tools call it `/`."
        + (sandbox.name().equals("bubblewrap")
            ? " Commands run in a sandbox: no network, the system is read-only, and only the"
                + " workspace and /tmp are writable."
            : "");
  }

  @Override
  public Map<String, Object> parametersSchema() {
    return schema;
  }

  @Override
  public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
    Arguments args;
    String command;
    int timeoutSeconds;
    try {
      args = Arguments.of(name, schema, arguments);
      command = args.string("command");
      int defaultSeconds = (int) Math.min(Integer.MAX_VALUE, defaultTimeout.toSeconds());
      timeoutSeconds =
          args.integer("timeout", defaultSeconds, 1, Math.max(MAX_TIMEOUT_SECONDS, defaultSeconds));
    } catch (ToolFailure e) {
      return ToolResult.failed(e.getMessage());
    }
    if (command.isBlank()) {
      return ToolResult.failed("Error: the command is empty");
    }
    CommandResult result =
        sandbox.run(
            command,
            context.workspace(),
            Duration.ofSeconds(timeoutSeconds),
            maxOutputBytes,
            context.cancellation());
    if (result.cancelled()) {
      throw new ToolCancelledException(name);
    }
    StringBuilder output = new StringBuilder(result.output());
    if (output.length() > 0 && output.charAt(output.length() - 1) != '\n') {
      output.append('\n');
    }
    if (result.timedOut()) {
      output
          .append("[Command timed out after ")
          .append(timeoutSeconds)
          .append(" seconds and was killed; exit code ")
          .append(result.exitCode())
          .append(']');
    } else {
      output
          .append(result.exitCode() == 0 ? "[Command succeeded" : "[Command failed")
          .append(" with exit code ")
          .append(result.exitCode())
          .append(']');
    }
    return new ToolResult(output.toString(), result.exitCode());
  }
}
