package dev.cogent.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cogent.tools.ManualCancellation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link Sandbox} keeps; each backend's test runs it. The host environment the
 * backends are built with holds secrets a command must never see.
 */
abstract class SandboxContract {

  static final Duration TIMEOUT = Duration.ofSeconds(20);
  static final int MAX_OUTPUT = 100_000;
  static final Random RANDOM = new Random();

  @TempDir Path dir;
  Path workspace;
  Sandbox sandbox;

  /** The host environment with secrets added: what the server process would have. */
  static Map<String, String> hostEnvironment() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("COGENT_DATABASE_PASSWORD", "db-secret-4711");
    environment.put("OPENAI_API_KEY", "sk-test-4711");
    return environment;
  }

  abstract Sandbox sandbox(Sandboxes sandboxes);

  @BeforeEach
  void create_workspace() throws IOException {
    workspace = Files.createDirectories(dir.resolve("ws")).toRealPath();
    sandbox = sandbox(new Sandboxes(hostEnvironment()));
  }

  CommandResult run(String command) {
    return sandbox.run(command, workspace, TIMEOUT, MAX_OUTPUT, new ManualCancellation());
  }

  @Test
  void reports_output_and_the_real_exit_code() {
    CommandResult ok = run("echo hello");
    CommandResult failed = run("echo out; echo err >&2; exit 3");

    assertThat(ok.output()).isEqualTo("hello\n");
    assertThat(ok.exitCode()).isZero();
    assertThat(failed.output()).contains("out\n", "err\n");
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(run("kill -9 $$").exitCode()).as("killed by a signal").isEqualTo(137);
    assertThat(run("no-such-program-4711").exitCode()).isEqualTo(127);
  }

  @Test
  void runs_in_the_workspace_which_is_home_and_writable() throws IOException {
    CommandResult result = run("pwd; echo $HOME; echo made > made.txt; cat made.txt");

    assertThat(result.output()).isEqualTo(workspace + "\n" + workspace + "\nmade\n");
    assertThat(workspace.resolve("made.txt")).hasContent("made");
  }

  @Test
  void stdin_is_closed() {
    CommandResult result = run("cat; echo read-done");

    assertThat(result.output()).isEqualTo("read-done\n");
  }

  @Test
  void the_environment_holds_no_server_secrets() {
    CommandResult result = run("env");

    Set<String> names =
        result
            .output()
            .lines()
            .filter(line -> line.contains("="))
            .map(line -> line.substring(0, line.indexOf('=')))
            .collect(Collectors.toSet());
    assertThat(result.output()).doesNotContain("db-secret-4711", "sk-test-4711");
    assertThat(names)
        .contains("PATH", "HOME")
        .isSubsetOf("PATH", "HOME", "LANG", "PWD", "SHLVL", "_", "OLDPWD");
  }

  @Test
  void a_command_that_runs_out_of_time_is_killed_with_exit_code_124() {
    String sleep = uniqueSleep();
    long started = System.nanoTime();

    CommandResult result =
        sandbox.run(
            sleep + " & echo started > started.txt; wait",
            workspace,
            Duration.ofSeconds(1),
            MAX_OUTPUT,
            new ManualCancellation());

    assertThat(result.timedOut()).isTrue();
    assertThat(result.cancelled()).isFalse();
    assertThat(result.exitCode()).isEqualTo(CommandResult.TIMEOUT_EXIT_CODE);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(workspace.resolve("started.txt")).as("the child was started").exists();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(running(sleep)).isEmpty());
  }

  @Test
  void output_beyond_the_cap_is_dropped_with_a_note() {
    CommandResult result =
        sandbox.run(
            "head -c 50000 /dev/zero | tr '\\0' a; echo; echo end",
            workspace,
            TIMEOUT,
            1000,
            new ManualCancellation());

    assertThat(result.truncated()).isTrue();
    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).startsWith("a".repeat(1000) + "\n... [output truncated");
    assertThat(result.output()).contains("showing the first 1000 of 50005 bytes");
  }

  @Test
  void cancelling_kills_the_command_and_its_children_promptly() throws Exception {
    String first = uniqueSleep();
    String second = uniqueSleep();
    ManualCancellation cancellation = new ManualCancellation();
    CompletableFuture<CommandResult> run =
        CompletableFuture.supplyAsync(
            () ->
                sandbox.run(
                    first + " & " + second + " & wait",
                    workspace,
                    TIMEOUT,
                    MAX_OUTPUT,
                    cancellation));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> running(first).size() == 1 && running(second).size() == 1);

    cancellation.cancel();

    CommandResult result = run.get(5, TimeUnit.SECONDS);
    assertThat(result.cancelled()).isTrue();
    assertThat(result.timedOut()).isFalse();
    assertThat(cancellation.waiting()).as("registration closed").isZero();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(running(first)).isEmpty());
    assertThat(running(second)).isEmpty();
  }

  @Test
  void a_run_cancelled_before_it_starts_ends_at_once() {
    ManualCancellation cancellation = new ManualCancellation();
    cancellation.cancel();

    CommandResult result = sandbox.run("sleep 30", workspace, TIMEOUT, MAX_OUTPUT, cancellation);

    assertThat(result.cancelled()).isTrue();
  }

  /** A {@code sleep} command no other process on this machine runs: {@code sleep 30.123456}. */
  static String uniqueSleep() {
    return "sleep 30." + (100_000 + RANDOM.nextInt(900_000));
  }

  /** The live host processes running exactly {@code command}, inside sandboxes or not. */
  static List<ProcessHandle> running(String command) {
    return ProcessHandle.allProcesses()
        .filter(process -> Processes.isRunning(process.pid()))
        .filter(
            process ->
                process
                    .info()
                    .arguments()
                    .map(arguments -> String.join(" ", arguments))
                    .filter(arguments -> command.equals("sleep " + arguments))
                    .isPresent())
        .toList();
  }
}
