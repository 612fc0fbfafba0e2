package dev.cogent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution jar as a user runs it: {@code java -jar cogent.jar serve --port 0} prints the
 * URL it listens on, answers {@code /health}, keeps its data in the data dir and stops cleanly on
 * SIGTERM.
 */
class ServeCommandIT {

  private static final Pattern URL = Pattern.compile("Cogent listening on (http://\\S+)");

  @TempDir Path dir;

  @Test
  void serves_on_a_free_port_and_stops_on_sigterm() throws Exception {
    Path jar = Path.of("target", "cogent.jar").toAbsolutePath();
    assertThat(jar).exists();
    Path data = dir.resolve("data");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                "0",
                "--data-dir",
                data.toString(),
                "--project-dir",
                dir.toString())
            .redirectError(dir.resolve("stderr.log").toFile())
            .start();
    try (var stdout =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = stdout.readLine();
      assertThat(line).as("first line on stdout").isNotNull();
      Matcher matcher = URL.matcher(line);
      assertThat(matcher.find()).as(line).isTrue();
      String url = matcher.group(1);

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/health"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"healthy\"");
      assertThat(data.resolve("cogent.db")).exists();

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
      assertThat(Files.readString(dir.resolve("stderr.log"))).contains("Cogent stopped");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void in_agent_mode_the_server_exits_0_once_its_last_agent_unregisters() throws Exception {
    Path jar = Path.of("target", "cogent.jar").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "serve",
                "--agent-mode",
                "--port",
                "0",
                "--data-dir",
                dir.resolve("data").toString(),
                "--project-dir",
                dir.toString())
            .redirectError(dir.resolve("stderr.log").toFile());
    builder.environment().put("COGENT_AGENT_MODE_CHECK_SECONDS", "1");
    Process process = builder.start();
    try (var stdout =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      Matcher matcher = URL.matcher(String.valueOf(stdout.readLine()));
      assertThat(matcher.find()).isTrue();
      String url = matcher.group(1);
      String session = "{\"agent_session_name\": \"job-1\"}";

      HttpResponse<String> registered = postJson(url + "/api/v1/agents/register", session);
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      assertThat(process.isAlive()).isTrue();

      HttpResponse<String> unregistered = postJson(url + "/api/v1/agents/unregister", session);
      assertThat(unregistered.body()).isEqualTo("{\"activeAgents\":0}");

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(Files.readString(dir.resolve("stderr.log")))
          .contains("no agent connection is active", "Cogent stopped");
    } finally {
      process.destroyForcibly();
    }
  }

  private static HttpResponse<String> postJson(String url, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_bad_config_file_stops_start_up_naming_file_line_and_key() throws Exception {
    Files.createDirectories(dir.resolve(".cogent"));
    Files.writeString(
        dir.resolve(".cogent/config.yaml"), "server:\n  port: 8000\n  colour: blue\n");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target", "cogent.jar").toAbsolutePath().toString(),
                "serve",
                "--project-dir",
                dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("config.yaml", "line 3", "server.colour");
  }
}
