package dev.cogent.tools.sandbox;

import dev.cogent.tools.Cancellation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs commands inside Linux namespaces with {@code bwrap} (Debian package {@code bubblewrap}): no
 * network (a private, empty network namespace), its own PID, IPC, UTS and mount namespaces, all
 * capabilities dropped, the system directories and a few {@code /etc} files read-only, a fresh
 * {@code /tmp}, {@code /proc} and {@code /dev}, and only the workspace writable. The workspace is
 * mounted at its own host path, so paths look the same as under {@link LocalSandbox}. The sandbox
 * dies with the server ({@code --die-with-parent}) and runs in a new session, so it cannot reach
 * the server's terminal.
 */
final class BubblewrapSandbox implements Sandbox {

  static final String NAME = "bubblewrap";

  /** System directories bound read-only (or recreated as the same symlink, as on merged-/usr). */
  static final List<String> SYSTEM_DIRECTORIES =
      List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

  /** What programs need from {@code /etc}: users, name service, libraries, time zone, TLS roots. */
  private static final List<String> ETC_ESSENTIALS =
      List.of(
          "/etc/passwd",
          "/etc/group",
          "/etc/nsswitch.conf",
          "/etc/hosts",
          "/etc/ld.so.cache",
          "/etc/ld.so.conf",
          "/etc/ld.so.conf.d",
          "/etc/alternatives",
          "/etc/localtime",
          "/etc/ssl",
          "/etc/ca-certificates",
          "/etc/mime.types");

  private final Path bwrap;
  private final String lang;
  private final List<Path> readOnly;

  /**
   * @param bwrap the {@code bwrap} executable
   * @param readOnly folders outside the system ones to bind read-only at their own paths, such as
   *     the install prefix of an interpreter in {@code /opt}
   */
  BubblewrapSandbox(Path bwrap, Map<String, String> hostEnvironment, List<Path> readOnly) {
    this.bwrap = bwrap;
    this.lang = hostEnvironment.getOrDefault("LANG", "C.UTF-8");
    this.readOnly = List.copyOf(readOnly);
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
    ProcessBuilder builder = new ProcessBuilder(commandLine(command, workspace));
    builder.directory(workspace.toFile());
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", LocalSandbox.DEFAULT_PATH);
    return ProcessRunner.run(builder, timeout, maxOutputBytes, cancellation);
  }

  List<String> commandLine(String command, Path workspace) {
    String home = workspace.toString();
    List<String> line = new ArrayList<>();
    line.add(bwrap.toString());
    line.addAll(
        List.of("--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"));
    for (String directory : SYSTEM_DIRECTORIES) {
      Path path = Path.of(directory);
      if (Files.isSymbolicLink(path)) {
        line.addAll(List.of("--symlink", readLink(path), directory));
      } else if (Files.isDirectory(path)) {
        line.addAll(List.of("--ro-bind", directory, directory));
      }
    }
    for (String essential : ETC_ESSENTIALS) {
      line.addAll(List.of("--ro-bind-try", essential, essential));
    }
    line.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
    // After the fresh /tmp, so a prefix under /tmp stays visible; before the workspace, so a
    // workspace inside a prefix stays writable.
    for (Path folder : readOnly) {
      line.addAll(List.of("--ro-bind-try", folder.toString(), folder.toString()));
    }
    line.addAll(List.of("--bind", home, home, "--chdir", home));
    // The root is bwrap's own tmpfs: without this, new files could appear in /etc or / itself.
    // The environment is the one this process gives bwrap (only PATH) plus HOME and LANG.
    line.addAll(List.of("--remount-ro", "/"));
    line.addAll(List.of("--setenv", "PATH", LocalSandbox.DEFAULT_PATH));
    line.addAll(List.of("--setenv", "HOME", home));
    line.addAll(List.of("--setenv", "LANG", lang));
    line.addAll(List.of("--", "/bin/sh", "-c", command));
    return line;
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the symbolic link " + link, e);
    }
  }
}
