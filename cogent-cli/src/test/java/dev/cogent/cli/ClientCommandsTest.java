package dev.cogent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.CogentServer;
import dev.cogent.settings.SettingsLoader;
import dev.cogent.settings.SettingsSources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The client commands against a real server on a free port. */
class ClientCommandsTest {

  @TempDir Path dir;
  private CogentServer server;

  @BeforeEach
  void start() throws Exception {
    var settings =
        new SettingsLoader()
            .load(
                new SettingsSources(
                    Files.createDirectories(dir.resolve("home")),
                    Files.createDirectories(dir.resolve("project")),
                    Map.of("COGENT_RATE_LIMIT_BURST", "1000"),
                    Map.of("port", "0", "data-dir", dir.resolve("data").toString())));
    server = CogentServer.start(settings, InstantSource.system());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private record Result(int exitCode, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] withUrl = new String[args.length + 2];
    System.arraycopy(args, 0, withUrl, 0, args.length);
    withUrl[args.length] = "--url";
    withUrl[args.length + 1] = server.url();
    int code = cli.execute(withUrl);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void creates_lists_shows_and_deletes_sessions() {
    Result created =
        run(
            "sessions",
            "create",
            "--title",
            "From the CLI",
            "--metadata",
            "repository=myorg/myrepo");
    String id = created.out().strip();

    Result listed = run("sessions", "list", "--metadata", "repository=myorg/myrepo");
    Result shown = run("sessions", "get", id, "--json");
    Result deleted = run("sessions", "delete", id);
    Result missing = run("sessions", "get", id);

    assertThat(created.exitCode()).isZero();
    assertThat(id).hasSize(36);
    assertThat(listed.out()).contains(id, "From the CLI", "1 of 1 sessions");
    assertThat(shown.out()).contains("\"title\" : \"From the CLI\"");
    assertThat(deleted.out()).contains("deleted " + id);
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(missing.err()).contains("SESSION_NOT_FOUND (HTTP 404)", "request id:");
  }

  @Test
  void validation_errors_name_the_field_and_exit_1() {
    Result result = run("sessions", "create", "--agent", "ghost");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(result.err()).contains("VALIDATION_ERROR", "agent_name");
  }

  @Test
  void sets_and_rolls_back_runtime_config() {
    Result set = run("config", "set", "rate_limit.per_minute=120", "rate_limit.burst=40");
    Result shown = run("config", "get");
    Result rolledBack = run("config", "rollback");
    Result after = run("config", "get");

    assertThat(set.exitCode()).isZero();
    assertThat(set.out()).contains("rate_limit.per_minute = 120", "rate_limit.burst = 40");
    assertThat(shown.out()).contains("\"per_minute\" : 120");
    assertThat(rolledBack.exitCode()).isZero();
    assertThat(after.out()).contains("\"per_minute\" : 60");
  }

  @Test
  void an_unreachable_server_exits_3() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("sessions", "list", "--url", "http://127.0.0.1:1");

    assertThat(code).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(err.toString()).contains("cannot reach");
  }

  @Test
  void nested_assignments_become_a_json_object() {
    assertThat(
            ConfigCommand.SetCommand.nested(
                Map.of("rate_limit.per_minute", "120", "mlflow.experiment_name", "runs")))
        .containsEntry("rate_limit", Map.of("per_minute", 120))
        .containsEntry("mlflow", Map.of("experiment_name", "runs"));
  }
}
