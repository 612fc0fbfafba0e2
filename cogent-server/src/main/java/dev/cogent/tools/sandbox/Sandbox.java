package dev.cogent.tools.sandbox;

import dev.cogent.tools.Cancellation;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the {@code execute} tool runs a shell command: {@link LocalSandbox} (a subprocess) or
 * {@link BubblewrapSandbox} (the same inside Linux namespaces). Both keep one contract: {@code
 * /bin/sh -c command} with the session's workspace as working directory and {@code HOME}, a
 * restricted environment, stdin closed, stdout and stderr combined and capped, the real exit code,
 * and on timeout or cancellation the whole process tree killed. Implementations are thread-safe.
 */
public interface Sandbox {

  /** The backend's setting value: {@code local} or {@code bubblewrap}. */
  String name();

  /**
   * Runs {@code command} and waits for it.
   *
   * @param workspace the session's workspace (a real, existing directory)
   * @param timeout how long the command may run; then its process tree is killed
   * @param maxOutputBytes the most bytes of output kept; the rest is read and dropped
   * @param cancellation killing the process tree when the run is cancelled
   * @return the outcome; a command that cannot even start is exit code 127 with the reason
   */
  CommandResult run(
      String command,
      Path workspace,
      Duration timeout,
      int maxOutputBytes,
      Cancellation cancellation);
}
