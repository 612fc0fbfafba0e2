package dev.cogent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cogent serve} is safe by default: with authentication off it refuses a non-loopback host,
 * exiting with 2 and naming both ways out, unless {@code --allow-unauthenticated} is given.
 */
class ServeExposureIT {

  @TempDir Path dir;

  private ProcessBuilder serve(String... extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target", "cogent.jar").toAbsolutePath().toString(),
                "serve",
                "--port",
                "0",
                "--data-dir",
                dir.resolve("data").toString(),
                "--project-dir",
                dir.toString()));
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("COGENT_"));
    return builder;
  }

  @Test
  void a_public_host_without_authentication_exits_2_naming_both_ways_out() throws Exception {
    Process process = serve("--host", "0.0.0.0").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output)
        .contains(
            "Refusing to listen on 0.0.0.0",
            "COGENT_REQUIRE_AUTHENTICATION=true",
            "--allow-unauthenticated");
  }

  @Test
  void allow_unauthenticated_starts_on_a_public_host() throws Exception {
    Process process =
        serve("--host", "0.0.0.0", "--allow-unauthenticated")
            .redirectError(dir.resolve("stderr.log").toFile())
            .start();
    try (var stdout =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(stdout.readLine()).contains("Cogent listening on http://0.0.0.0:");
    } finally {
      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }
}
