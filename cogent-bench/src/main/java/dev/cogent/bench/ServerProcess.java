package dev.cogent.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A Cogent server in a JVM of its own ({@link ServerMain}, on this benchmark's class path), so that
 * its CPU time and resident memory are measured apart from the load generator's. It gets a fresh
 * temporary folder as home, project and data dir, SQLite unless {@code COGENT_DATABASE_URL} is
 * given, and the rate limiter opened wide. Its log goes to this process's stderr. Closing stops it
 * and deletes the folder.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final Path directory;
  private final String url;

  private ServerProcess(Process process, Path directory, String url) {
    this.process = process;
    this.directory = directory;
    this.url = url;
  }

  /**
   * @param java the {@code java} executable to run the server with
   * @param jvmOptions options for that JVM, e.g. {@code -Xmx1g}
   * @param environment {@code COGENT_*} variables for the server
   */
  static ServerProcess start(String java, List<String> jvmOptions, Map<String, String> environment)
      throws InterruptedException {
    Path directory;
    try {
      directory = Files.createTempDirectory("cogent-bench-server-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder", e);
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ServerMain.class.getName());
    command.add(directory.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("COGENT_"));
    builder.environment().put("COGENT_RATE_LIMIT_PER_MINUTE", EmbeddedServer.UNLIMITED);
    builder.environment().put("COGENT_RATE_LIMIT_BURST", EmbeddedServer.UNLIMITED);
    builder.environment().putAll(environment);
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      delete(directory);
      throw new UncheckedIOException("cannot start " + java, e);
    }
    CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyUrl(process));
    try {
      return new ServerProcess(
          process, directory, ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      delete(directory);
      throw new ServerUnreachableException("the server process did not start: " + e, e);
    }
  }

  private static String readyUrl(Process process) {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(ServerMain.READY)) {
          return line.substring(ServerMain.READY.length()).strip();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("the server process exited with " + process.exitValue());
  }

  String url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  /** CPU time the server process has used so far, user and system. */
  Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** The server's resident memory now, in bytes; 0 where {@code /proc} does not tell. */
  long residentBytes() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid() + "/status"))) {
      return lines
          .filter(line -> line.startsWith("VmRSS:"))
          .findFirst()
          .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
          .orElse(0L);
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // It is going away anyway.
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    delete(directory);
  }

  private static void delete(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
