package dev.cogent.tools.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox backends of this machine: builds them, probes whether each works (by running {@code
 * true} through it at start-up) and picks the configured one.
 */
public final class Sandboxes {

  private static final Logger log = LoggerFactory.getLogger(Sandboxes.class);

  /** The backends in the order {@code GET /capabilities} lists them. */
  public static final List<String> BACKENDS = List.of(LocalSandbox.NAME, BubblewrapSandbox.NAME);

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
  private static final int PROBE_OUTPUT_BYTES = 4096;

  private final Map<String, String> hostEnvironment;
  private final List<Path> readOnly;

  /**
   * @param hostEnvironment the server's environment; only {@code PATH} (to find {@code bwrap} and
   *     for local commands) and {@code LANG} are read from it
   */
  public Sandboxes(Map<String, String> hostEnvironment) {
    this(hostEnvironment, List.of());
  }

  /**
   * @param interpreters the interpreters code tools run (command names or absolute paths); the
   *     bubblewrap sandbox binds the install prefix of those outside the system folders read-only
   */
  public Sandboxes(Map<String, String> hostEnvironment, List<String> interpreters) {
    this.hostEnvironment = Map.copyOf(hostEnvironment);
    this.readOnly = InstallPrefixes.of(interpreters);
  }

  /** The backend named {@code backend}, unprobed; empty when its program is not installed. */
  public Optional<Sandbox> find(String backend) {
    return switch (backend) {
      case LocalSandbox.NAME -> Optional.of(new LocalSandbox(hostEnvironment));
      case BubblewrapSandbox.NAME ->
          findProgram("bwrap")
              .map(bwrap -> new BubblewrapSandbox(bwrap, hostEnvironment, readOnly));
      default -> throw new IllegalArgumentException("no sandbox backend " + backend);
    };
  }

  /** Runs {@code true} through {@code backend} in a scratch directory. */
  public SandboxProbe probe(String backend) {
    Optional<Sandbox> sandbox = find(backend);
    if (sandbox.isEmpty()) {
      return SandboxProbe.broken(
          backend, "bwrap is not installed (Debian package bubblewrap) or not on PATH");
    }
    Path scratch = scratchDirectory();
    try {
      CommandResult result =
          sandbox
              .get()
              .run("true", scratch, PROBE_TIMEOUT, PROBE_OUTPUT_BYTES, new Uncancellable());
      if (result.exitCode() == 0) {
        return SandboxProbe.working(backend);
      }
      return SandboxProbe.broken(
          backend,
          "running true through it exited with "
              + result.exitCode()
              + (result.output().isBlank() ? "" : ": " + result.output().strip()));
    } finally {
      deleteQuietly(scratch);
    }
  }

  /** Probes every backend, in {@link #BACKENDS} order, logging the ones that do not work. */
  public List<SandboxProbe> probeAll() {
    List<SandboxProbe> probes = BACKENDS.stream().map(this::probe).toList();
    probes.stream()
        .filter(probe -> !probe.works())
        .forEach(
            probe -> log.info("Sandbox {} is not available: {}", probe.backend(), probe.problem()));
    return probes;
  }

  /**
   * The backend {@code backend}, which {@code probes} must show working.
   *
   * @throws SandboxUnavailableException naming the problem and the way out when it does not work
   */
  public Sandbox select(String backend, List<SandboxProbe> probes) {
    SandboxProbe probe =
        probes.stream()
            .filter(candidate -> candidate.backend().equals(backend))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no probe of " + backend));
    if (!probe.works()) {
      throw new SandboxUnavailableException(
          "tools.sandbox is "
              + backend
              + ", but that sandbox does not work on this machine: "
              + probe.problem()
              + ". Install and enable it, or set tools.sandbox (COGENT_SANDBOX_BACKEND) to local.");
    }
    return find(backend).orElseThrow();
  }

  private Optional<Path> findProgram(String name) {
    String path = hostEnvironment.getOrDefault("PATH", LocalSandbox.DEFAULT_PATH);
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Path scratchDirectory() {
    try {
      return Files.createTempDirectory("cogent-sandbox-probe").toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory to probe sandboxes in", e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try {
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // A leftover empty temporary directory harms nothing.
    }
  }
}
