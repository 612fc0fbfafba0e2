package dev.cogent.tools.sandbox;

import dev.cogent.tools.Cancellation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs commands as plain subprocesses of the server: {@code /bin/sh -c command} in the workspace,
 * with only {@code PATH}, {@code LANG} and {@code HOME} (the workspace) in the environment, so no
 * {@code COGENT_*} setting or API key of the server leaks into a command. It confines nothing else:
 * a command can read what the server's user can read. Use {@link BubblewrapSandbox} for that.
 */
final class LocalSandbox implements Sandbox {

  static final String NAME = "local";
  static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

  private final String path;
  private final String lang;

  /** Takes {@code PATH} and {@code LANG} from {@code hostEnvironment}, nothing else. */
  LocalSandbox(Map<String, String> hostEnvironment) {
    this.path = hostEnvironment.getOrDefault("PATH", DEFAULT_PATH);
    this.lang = hostEnvironment.getOrDefault("LANG", "C.UTF-8");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CommandResult run(
      String command,
      Path workspace,
      Duration timeout,
      int maxOutputBytes,
      Cancellation cancellation) {
    ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", command));
    builder.directory(workspace.toFile());
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", path);
    environment.put("LANG", lang);
    environment.put("HOME", workspace.toString());
    return ProcessRunner.run(builder, timeout, maxOutputBytes, cancellation);
  }
}
