package dev.cogent.tools.sandbox;

/**
 * How a sandboxed command ended.
 *
 * @param output stdout and stderr as they interleaved, decoded as UTF-8, cut at the output cap
 * @param exitCode the command's real exit code; {@link #TIMEOUT_EXIT_CODE} when it ran out of time
 * @param truncated whether output beyond the cap was dropped
 * @param timedOut whether the command ran out of time and was killed
 * @param cancelled whether the run was cancelled while the command ran (its tree was killed)
 */
public record CommandResult(
    String output, int exitCode, boolean truncated, boolean timedOut, boolean cancelled) {

  /** The exit code of a command that ran out of time, as GNU {@code timeout} reports it. */
  public static final int TIMEOUT_EXIT_CODE = 124;

  /** The exit code of a command that could not be started, as a shell reports it. */
  public static final int NOT_STARTED_EXIT_CODE = 127;

  public CommandResult {
    if (output == null) {
      throw new IllegalArgumentException("output is required (use an empty string)");
    }
  }
}
