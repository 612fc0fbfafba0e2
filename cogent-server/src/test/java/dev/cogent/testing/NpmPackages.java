package dev.cogent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Installs a pinned npm package once into a folder of the module's {@code target}, for tests that
 * run a client or server nobody here wrote. Without node, npm or (on the first run) the registry,
 * the calling test is skipped with the reason.
 */
public final class NpmPackages {

  private NpmPackages() {}

  /**
   * The folder the package was installed under ({@code <prefix>/node_modules/<name>}).
   *
   * @param prefix where {@code node_modules} goes, e.g. {@code target/npm-cache/mcp-sdk}
   * @param log where npm's output goes
   */
  public static Path install(Path prefix, String name, String version, Path log) {
    Path home = prefix.resolve("node_modules").resolve(name);
    try {
      if (Files.readString(home.resolve("package.json")).contains("\"" + version + "\"")) {
        return home;
      }
    } catch (IOException e) {
      // Not installed yet.
    }
    Assumptions.assumeTrue(runs("node", "--version"), "node is not installed");
    Assumptions.assumeTrue(runs("npm", "--version"), "npm is not installed");
    boolean installed;
    try {
      Files.createDirectories(prefix);
      Process install =
          new ProcessBuilder(
                  "npm",
                  "install",
                  "--prefix",
                  prefix.toString(),
                  "--no-audit",
                  "--no-fund",
                  // Offline, fail in about a minute rather than after npm's long default retries.
                  "--fetch-retries=1",
                  "--fetch-timeout=30000",
                  name + "@" + version)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      installed =
          install.waitFor(5, TimeUnit.MINUTES)
              && install.exitValue() == 0
              && Files.exists(home.resolve("package.json"));
      install.destroyForcibly();
    } catch (IOException e) {
      installed = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      installed = false;
    }
    Assumptions.assumeTrue(
        installed, () -> "npm could not install " + name + "@" + version + ": " + tail(log));
    return home;
  }

  /**
   * Runs an ES module script with node and returns the last line it printed; fails, with the
   * output, when node does not exit 0 within two minutes.
   *
   * @param prefix where the script's packages were installed: an ES module resolves packages from
   *     its own folder, so the script is written there (and deleted afterwards)
   * @param log where node's output goes
   */
  public static String runScript(Path prefix, String source, Path log, String... args)
      throws IOException, InterruptedException {
    Path script = prefix.resolve("cogent-script-" + ProcessHandle.current().pid() + ".mjs");
    Files.writeString(script, source);
    try {
      List<String> command = new ArrayList<>(List.of("node", script.toString()));
      command.addAll(List.of(args));
      Process node =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean ended = node.waitFor(2, TimeUnit.MINUTES);
      node.destroyForcibly();
      String output = Files.readString(log);
      assertThat(ended && node.exitValue() == 0).as(output).isTrue();
      List<String> lines = output.strip().lines().toList();
      return lines.get(lines.size() - 1);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** Whether the command runs and exits 0 within 30 s. */
  public static boolean runs(String... command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      boolean done = process.waitFor(30, TimeUnit.SECONDS);
      process.destroyForcibly();
      return done && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log).strip();
      return text.substring(Math.max(0, text.length() - 500));
    } catch (IOException e) {
      return "no npm output";
    }
  }
}
