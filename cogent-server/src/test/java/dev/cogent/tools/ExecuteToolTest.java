package dev.cogent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cogent.scope.Scope;
import dev.cogent.settings.ToolSettings;
import dev.cogent.tools.sandbox.SandboxProbe;
import dev.cogent.tools.sandbox.Sandboxes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** execute and bash over the local sandbox; the sandbox contract itself has its own tests. */
class ExecuteToolTest {

  @TempDir Path dir;
  Path workspace;
  ManualCancellation cancellation;
  ToolContext context;
  BuiltinTools tools;

  @BeforeEach
  void create_workspace() throws IOException {
    workspace = Files.createDirectories(dir.resolve("ws")).toRealPath();
    cancellation = new ManualCancellation();
    context = new ToolContext("s1", "r1", "call-1", Scope.GLOBAL, workspace, cancellation);
    tools =
        new BuiltinTools(
            new ToolSettings("local", Duration.ofSeconds(1), 4096, "python3", "node"),
            new Sandboxes(System.getenv()).find("local").orElseThrow());
  }

  Tool tool(String name) {
    return tools.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void returns_the_output_and_the_real_exit_code() {
    ToolResult ok = tool("execute").execute(Map.of("command", "echo hi"), context);
    ToolResult failed = tool("execute").execute(Map.of("command", "echo no; exit 7"), context);

    assertThat(ok).isEqualTo(new ToolResult("hi\n[Command succeeded with exit code 0]", 0));
    assertThat(failed).isEqualTo(new ToolResult("no\n[Command failed with exit code 7]", 7));
  }

  @Test
  void bash_is_the_same_tool() throws IOException {
    ToolResult result =
        tool("bash").execute(Map.of("command", "echo x > f.txt; cat f.txt"), context);

    assertThat(result.output()).startsWith("x\n");
    assertThat(workspace.resolve("f.txt")).hasContent("x");
    assertThat(tool("bash").parametersSchema()).isEqualTo(tool("execute").parametersSchema());
    assertThat(tool("bash").description()).startsWith("The same tool as execute.");
  }

  @Test
  void the_default_timeout_comes_from_the_settings_and_a_call_may_extend_it() {
    ToolResult defaulted = tool("execute").execute(Map.of("command", "sleep 3"), context);
    ToolResult extended =
        tool("execute").execute(Map.of("command", "sleep 1.5; echo late", "timeout", 5), context);

    assertThat(defaulted.exitCode()).isEqualTo(124);
    assertThat(defaulted.output()).contains("[Command timed out after 1 seconds and was killed");
    assertThat(extended.exitCode()).isZero();
    assertThat(extended.output()).startsWith("late\n");
  }

  @Test
  void output_is_capped_by_the_settings() {
    ToolResult result =
        tool("execute").execute(Map.of("command", "head -c 10000 /dev/zero | tr '\\0' b"), context);

    assertThat(result.output())
        .contains("[output truncated: showing the first 4096 of 10000 bytes]");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void a_cancelled_run_ends_the_call_with_tool_cancelled() {
    CompletableFuture<ToolResult> call =
        CompletableFuture.supplyAsync(
            () -> tool("execute").execute(Map.of("command", "sleep 30", "timeout", 60), context));
    await().atMost(Duration.ofSeconds(5)).until(() -> cancellation.waiting() == 1);

    cancellation.cancel();

    assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ToolCancelledException.class)
        .hasMessage("tool execute was cancelled");
  }

  @Test
  void bad_arguments_are_results_not_exceptions() {
    assertThat(tool("execute").execute(Map.of(), context).output())
        .contains("needs the argument command");
    assertThat(tool("execute").execute(Map.of("command", " "), context).output())
        .contains("the command is empty");
    assertThat(tool("execute").execute(Map.of("command", "true", "timeout", 0), context).output())
        .contains("timeout must be from 1 to 3600");
    assertThat(
            tool("execute").execute(Map.of("command", "true", "timeout", "5"), context).exitCode())
        .isEqualTo(1);
  }

  @Test
  void with_bubblewrap_commands_run_confined_and_the_description_says_so() {
    Sandboxes sandboxes = new Sandboxes(System.getenv());
    SandboxProbe probe = sandboxes.probe("bubblewrap");
    assumeTrue(probe.works(), () -> "bubblewrap does not work on this machine: " + probe.problem());
    BuiltinTools confined =
        new BuiltinTools(
            new ToolSettings("bubblewrap", Duration.ofSeconds(10), 4096, "python3", "node"),
            sandboxes.find("bubblewrap").orElseThrow());
    Tool execute =
        confined.all().stream().filter(t -> t.name().equals("execute")).findFirst().orElseThrow();

    ToolResult result =
        execute.execute(Map.of("command", "touch /usr/x 2>/dev/null; echo $?; pwd"), context);

    assertThat(result.output()).startsWith("1\n" + workspace + "\n");
    assertThat(execute.description()).contains("no network");
  }
}
