package dev.cogent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.cli.ProjectFiles.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent snapshot create|restore FILE}: the whole registry as one zip archive. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description =
        "Export the registry (agents, skills, tools, MCP servers, providers) as one zip of the"
            + " .cogent/ layout, with every artifact and its versions in artifacts.json; or import"
            + " one.",
    subcommands = {SnapshotCommand.Create.class, SnapshotCommand.Restore.class})
final class SnapshotCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Write the registry and the artifacts to FILE (a zip).")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            Path temp = tempDir();
            try {
              ProjectFiles files = new ProjectFiles(temp);
              int count = 0;
              for (Map.Entry<Kind, Map<String, JsonNode>> kind :
                  new RemoteRegistry(client).read().entrySet()) {
                for (Map.Entry<String, JsonNode> entry : kind.getValue().entrySet()) {
                  files.write(kind.getKey(), entry.getKey(), entry.getValue());
                  count++;
                }
              }
              int artifacts = ArtifactArchive.write(client, temp);
              zip(temp, file);
              output.line("wrote " + count + " entries and " + artifacts + " artifacts to " + file);
              return ExitCodes.OK;
            } finally {
              delete(temp);
            }
          });
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description =
          "Create or update the registry entries of FILE on the server (like push); create the"
              + " missing artifacts with all their versions, and give an existing one whose"
              + " content differs the snapshot's as a new version.")
  static final class Restore implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      if (!Files.isRegularFile(file)) {
        output.error("cogent: no such file: " + file);
        return ExitCodes.USAGE;
      }
      return ClientCalls.run(
          options,
          output,
          client -> {
            Path temp = tempDir();
            try {
              unzip(file, temp);
              int applied = PushCommand.push(client, temp, false, output);
              int artifacts = ArtifactArchive.restore(client, temp, output);
              output.line(
                  "restored " + applied + " entries and " + artifacts + " artifacts from " + file);
              return ExitCodes.OK;
            } finally {
              delete(temp);
            }
          });
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("cogent-snapshot");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder", e);
    }
  }

  static void zip(Path dir, Path file) {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry(dir.relativize(path).toString().replace('\\', '/')));
        Files.copy(path, zip);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Extracts {@code file} into {@code dir}; entries that would land outside it are refused. */
  static void unzip(Path file, Path dir) {
    Path base = dir.toAbsolutePath().normalize();
    try (InputStream in = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        Path target = base.resolve(entry.getName()).normalize();
        if (!target.startsWith(base)) {
          throw new ClientCalls.UsageException("unsafe path in snapshot: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
