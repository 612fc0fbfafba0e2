package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.SseClient.Frame;
import dev.cogent.testing.TestServer;
import dev.cogent.tools.sandbox.SandboxProbe;
import dev.cogent.tools.sandbox.Sandboxes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in tool driven through {@code POST /sessions/{id}/messages} by the scripted mock
 * model, over real HTTP/SSE: the {@code tool_call} and {@code tool_result} events, the stored tool
 * messages, and path confinement attacks on every path-taking tool. Runs on SQLite and PostgreSQL,
 * and with each sandbox backend that works on the machine.
 *
 * <p>One server serves the whole class: every test works in the workspace of a session of its own,
 * made before it, and the folder outside the workspaces only ever holds the secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BuiltinToolsApiContract {

  static final Duration WAIT = Duration.ofSeconds(30);

  /** Small enough that a test can exceed it cheaply; the setting's minimum is 1024. */
  static final int MAX_OUTPUT_BYTES = 2048;

  static final String SECRET = "host secret, never to be seen";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;
  String sessionId;
  Path workspace;
  Path outside;
  SandboxProbe sandboxProbe;

  abstract DatabaseKind kind();

  /** The {@code tools.sandbox} backend the server runs {@code execute} with. */
  String sandbox() {
    return "local";
  }

  @BeforeAll
  void start() throws IOException {
    sandboxProbe = new Sandboxes(System.getenv()).probe(sandbox());
    if (!sandboxProbe.works()) {
      return; // each test is skipped, saying why (newSession)
    }
    outside = Files.createDirectories(dir.resolve("outside")).toRealPath();
    Files.writeString(outside.resolve("secret.txt"), SECRET);
    server =
        TestServer.start(
            kind(),
            dir,
            Map.of(
                "COGENT_SANDBOX_BACKEND",
                sandbox(),
                "COGENT_TOOL_MAX_OUTPUT_BYTES",
                String.valueOf(MAX_OUTPUT_BYTES)),
            clock);
  }

  @BeforeEach
  void newSession() {
    // Per test rather than for the class: a skipped class shows no reason in the build's reports.
    assumeTrue(
        sandboxProbe.works(),
        () -> sandbox() + " does not work on this machine: " + sandboxProbe.problem());
    HttpResponse<String> created =
        server.post("/sessions", "{\"config\": {\"provider\": \"mock\", \"model\": \"m\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    sessionId = TestServer.json(created).path("id").asText();
    workspace = dir.resolve("data/workspaces/" + sessionId);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** One run of {@code script}; it must end with {@code done}. */
  List<Frame> run(String script) {
    try (SseClient stream =
        SseClient.post(
            server, "/sessions/" + sessionId + "/messages", RuntimeApiContract.body(script))) {
      assertThat(stream.status()).isEqualTo(200);
      List<Frame> frames = stream.readToEnd(WAIT);
      assertThat(frames.get(frames.size() - 1).event()).as("end of %s", frames).isEqualTo("done");
      return frames;
    }
  }

  /** A {@code /tool} script line. */
  static String tool(String name, String argsJson) {
    return "/tool " + name + " " + argsJson + "\n";
  }

  /** A tool call and the result that answered it. */
  record Step(JsonNode call, JsonNode result) {
    String output() {
      return result.path("output").asText();
    }

    int exitCode() {
      return result.path("exit_code").asInt();
    }
  }

  /** Pairs each {@code tool_call} with its {@code tool_result}, checking ids and order. */
  static List<Step> steps(List<Frame> frames) {
    List<Step> steps = new ArrayList<>();
    JsonNode open = null;
    for (Frame frame : frames) {
      if (frame.event().equals("tool_call")) {
        assertThat(open).as("a tool_call before the previous one's result").isNull();
        open = frame.data();
      } else if (frame.event().equals("tool_result")) {
        assertThat(open).as("a tool_result without its tool_call").isNotNull();
        assertThat(frame.data().path("tool_call_id").asText()).isEqualTo(open.path("id").asText());
        steps.add(new Step(open, frame.data()));
        open = null;
      }
    }
    return steps;
  }

  /** Runs one tool call and returns it with its result. */
  Step call(String name, String argsJson) {
    List<Step> steps = steps(run(tool(name, argsJson)));
    assertThat(steps).hasSize(1);
    return steps.get(0);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode storedMessages() {
    HttpResponse<String> page =
        server.get("/sessions/" + sessionId + "/messages?limit=100&offset=0");
    assertThat(page.statusCode()).isEqualTo(200);
    return TestServer.json(page).path("messages");
  }

  /** The stored messages of role {@code tool}, in order. */
  List<JsonNode> toolMessages() {
    List<JsonNode> tools = new ArrayList<>();
    storedMessages()
        .forEach(
            message -> {
              if (message.path("role").asText().equals("tool")) {
                tools.add(message);
              }
            });
    return tools;
  }

  /** Every file under {@code outside}, with its content. */
  Map<String, String> outsideFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(outside)) {
      return walk.filter(Files::isRegularFile)
          .collect(
              java.util.stream.Collectors.toMap(
                  path -> outside.relativize(path).toString(),
                  path -> {
                    try {
                      return Files.readString(path);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }));
    }
  }

  // ---- the file tools ---------------------------------------------------------------------------

  @Test
  void file_tools_write_read_edit_list_glob_and_grep_the_workspace() throws IOException {
    String write =
        "{\"file_path\": \"notes/todo.txt\", \"content\": \"alpha one\\nbeta two\\nalpha three\\n\"}";
    String read = "{\"file_path\": \"/notes/todo.txt\", \"offset\": 1, \"limit\": 1}";
    String edit =
        "{\"file_path\": \"notes/todo.txt\", \"old_string\": \"alpha\", \"new_string\": \"gamma\","
            + " \"replace_all\": true}";
    List<Frame> frames =
        run(
            tool("write_file", write)
                + tool("read_file", read)
                + tool("edit_file", edit)
                + tool("ls", "{\"path\": \"/notes\"}")
                + tool("glob", "{\"pattern\": \"**/*.txt\"}")
                + tool("grep", "{\"pattern\": \"gamma\", \"output_mode\": \"content\"}")
                + "/reply Files handled");

    List<Step> steps = steps(frames);
    assertThat(steps)
        .extracting(step -> step.call().path("name").asText())
        .containsExactly("write_file", "read_file", "edit_file", "ls", "glob", "grep");
    assertThat(steps.get(0).call().path("args")).isEqualTo(json(write));
    assertThat(steps.get(1).call().path("args")).isEqualTo(json(read));
    assertThat(steps.get(2).call().path("args")).isEqualTo(json(edit));
    assertThat(steps).allSatisfy(step -> assertThat(step.exitCode()).isZero());
    assertThat(steps).allSatisfy(step -> assertThat(step.call().path("id").asText()).isNotBlank());
    assertThat(steps).extracting(step -> step.call().path("id").asText()).doesNotHaveDuplicates();

    assertThat(steps.get(1).output()).contains("beta two").doesNotContain("alpha");
    assertThat(steps.get(2).output()).contains("2");
    assertThat(Files.readString(workspace.resolve("notes/todo.txt")))
        .isEqualTo("gamma one\nbeta two\ngamma three\n");
    assertThat(steps.get(3).output()).contains("todo.txt");
    assertThat(steps.get(4).output()).contains("/notes/todo.txt");
    assertThat(steps.get(5).output()).contains("/notes/todo.txt", "gamma one", "gamma three");
    assertThat(frames.get(frames.size() - 1).data().path("assistant_data").path("content").asText())
        .isEqualTo("Files handled");

    // The transcript holds each call with its full arguments and each result as a tool message.
    List<JsonNode> toolMessages = toolMessages();
    List<JsonNode> storedCalls = new ArrayList<>();
    storedMessages().forEach(message -> message.path("tool_calls").forEach(storedCalls::add));
    assertThat(toolMessages).hasSize(6);
    assertThat(storedCalls).hasSize(6);
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      assertThat(storedCalls.get(i).path("id").asText()).isEqualTo(step.call().path("id").asText());
      assertThat(storedCalls.get(i).path("name").asText())
          .isEqualTo(step.call().path("name").asText());
      assertThat(storedCalls.get(i).path("args")).isEqualTo(step.call().path("args"));
      assertThat(toolMessages.get(i).path("tool_call_id").asText())
          .isEqualTo(step.call().path("id").asText());
      assertThat(toolMessages.get(i).path("content").asText()).isEqualTo(step.output());
    }
  }

  @Test
  void file_tool_errors_are_results_with_exit_code_1_and_the_run_goes_on() {
    List<Frame> frames =
        run(
            tool("read_file", "{\"file_path\": \"missing.txt\"}")
                + tool("edit_file", "{\"file_path\": \"missing.txt\", \"old_string\": \"a\"}")
                + tool("ls", "{\"path\": \"no/such/folder\"}")
                + tool("glob", "{\"pattern\": \"[\"}")
                + tool("grep", "{\"pattern\": \"(\"}")
                + "/reply Still here");

    List<Step> steps = steps(frames);
    assertThat(steps).hasSize(5).allSatisfy(step -> assertThat(step.exitCode()).isEqualTo(1));
    assertThat(steps.get(0).output()).contains("not found");
    assertThat(steps.get(1).output()).contains("Invalid arguments", "new_string");
    assertThat(steps.get(2).output()).contains("does not exist");
    assertThat(steps.get(3).output()).contains("not a valid glob");
    assertThat(steps.get(4).output()).containsIgnoringCase("error");
    assertThat(frames.get(frames.size() - 1).data().path("assistant_data").path("content").asText())
        .isEqualTo("Still here");
  }

  @Test
  void long_file_output_is_cut_at_the_configured_cap() throws IOException {
    Files.createDirectories(workspace);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 90; i++) {
      lines.append("line number ").append(i).append(" with some padding text\n");
    }
    Files.writeString(workspace.resolve("big.txt"), lines);

    Step read = call("read_file", "{\"file_path\": \"big.txt\", \"limit\": 90}");

    assertThat(read.exitCode()).isZero();
    assertThat(read.output()).contains("line number 0", "output truncated");
    assertThat(read.output().length()).isLessThan(MAX_OUTPUT_BYTES + 200);
  }

  // ---- execute and bash -------------------------------------------------------------------------

  @Test
  void execute_and_bash_return_the_output_and_the_real_exit_code() throws IOException {
    List<Frame> frames =
        run(
            tool("execute", "{\"command\": \"echo made > made.txt; echo to-stderr >&2; exit 3\"}")
                + tool("bash", "{\"command\": \"cat made.txt && pwd\", \"timeout\": 20}")
                + tool("execute", "{\"command\": \"no-such-program-here\"}")
                + "/reply Commands ran");

    List<Step> steps = steps(frames);
    assertThat(steps).hasSize(3);
    assertThat(steps.get(0).call().path("args").path("command").asText())
        .isEqualTo("echo made > made.txt; echo to-stderr >&2; exit 3");
    assertThat(steps.get(0).exitCode()).isEqualTo(3);
    assertThat(steps.get(0).output()).contains("to-stderr", "[Command failed with exit code 3]");
    assertThat(steps.get(1).call().path("name").asText()).isEqualTo("bash");
    assertThat(steps.get(1).call().path("args").path("timeout").asInt()).isEqualTo(20);
    assertThat(steps.get(1).exitCode()).isZero();
    assertThat(steps.get(1).output())
        .contains(
            "made", workspace.toRealPath().toString(), "[Command succeeded with exit code 0]");
    assertThat(steps.get(2).exitCode()).isEqualTo(127);
    assertThat(Files.readString(workspace.resolve("made.txt"))).isEqualTo("made\n");

    assertThat(toolMessages())
        .extracting(message -> message.path("content").asText())
        .containsExactly(steps.get(0).output(), steps.get(1).output(), steps.get(2).output());
  }

  @Test
  void a_command_past_its_timeout_is_killed_with_exit_code_124() {
    Step step = call("execute", "{\"command\": \"echo started; sleep 60\", \"timeout\": 1}");

    assertThat(step.exitCode()).isEqualTo(124);
    assertThat(step.output()).contains("started", "timed out after 1 seconds");
  }

  @Test
  void command_output_is_cut_at_the_configured_cap() {
    Step step = call("execute", "{\"command\": \"head -c 20000 /dev/zero | tr '\\\\0' x\"}");

    assertThat(step.exitCode()).isZero();
    assertThat(step.output()).contains("xxxx", "output truncated");
    assertThat(step.output().length()).isLessThan(MAX_OUTPUT_BYTES + 300);
  }

  @Test
  void bad_execute_arguments_go_back_to_the_model() {
    List<Step> steps =
        steps(
            run(
                tool("execute", "{\"command\": \"   \"}")
                    + tool("execute", "{\"command\": \"true\", \"timeout\": 0}")
                    + tool("bash", "{}")));

    assertThat(steps).hasSize(3).allSatisfy(step -> assertThat(step.exitCode()).isEqualTo(1));
    assertThat(steps.get(0).output()).contains("empty");
    assertThat(steps.get(1).output()).contains("timeout");
    assertThat(steps.get(2).output()).contains("command");
  }

  // ---- write_todos and task ---------------------------------------------------------------------

  @Test
  void write_todos_plans_and_reports_each_completed_step_once() {
    List<Frame> frames =
        run(
            tool(
                    "write_todos",
                    "{\"todos\": [{\"content\": \"Scan\", \"status\": \"in_progress\"},"
                        + " {\"content\": \"Fix\", \"status\": \"pending\"}]}")
                + tool(
                    "write_todos",
                    "{\"todos\": [{\"content\": \"Scan\", \"status\": \"completed\"},"
                        + " {\"content\": \"Fix\", \"status\": \"in_progress\"}]}")
                + tool(
                    "write_todos",
                    "{\"todos\": [{\"content\": \"Scan\", \"status\": \"completed\"},"
                        + " {\"content\": \"Fix\", \"status\": \"completed\"}]}")
                + "/reply Planned");

    assertThat(RuntimeApiContract.types(frames).stream().filter(t -> !t.equals("token")))
        .containsSubsequence(
            "tool_call",
            "planning",
            "tool_result",
            "tool_call",
            "step_complete",
            "tool_result",
            "tool_call",
            "step_complete",
            "tool_result",
            "done");
    List<Frame> planning = AgentRunsApiContract.ofType(frames, "planning");
    assertThat(planning).hasSize(1);
    assertThat(planning.get(0).data().path("todos").toString()).isEqualTo("[\"Scan\",\"Fix\"]");
    List<Frame> completed = AgentRunsApiContract.ofType(frames, "step_complete");
    assertThat(completed)
        .extracting(f -> f.data().path("step_number").asInt())
        .containsExactly(1, 2);
    assertThat(completed)
        .extracting(f -> f.data().path("description").asText())
        .containsExactly("Scan", "Fix");
    assertThat(completed)
        .allSatisfy(f -> assertThat(f.data().path("total_steps").asInt()).isEqualTo(2));
    assertThat(steps(frames)).allSatisfy(step -> assertThat(step.exitCode()).isZero());
  }

  @Test
  void task_runs_a_subagent_whose_answer_is_the_stored_tool_result() {
    String args =
        "{\"description\": \"/reply sub answer\", \"subagent_type\": \"general-purpose\"}";
    List<Frame> frames = run(tool("task", args) + "/reply Parent done");

    Step step = steps(frames).get(0);
    assertThat(step.call().path("args")).isEqualTo(json(args));
    assertThat(step.exitCode()).isZero();
    assertThat(step.output()).isEqualTo("sub answer");
    Frame delegation = AgentRunsApiContract.ofType(frames, "delegation").get(0);
    assertThat(delegation.data().path("to_agent").asText()).isEqualTo("general-purpose");
    List<JsonNode> toolMessages = toolMessages();
    assertThat(toolMessages).hasSize(1);
    assertThat(toolMessages.get(0).path("content").asText()).isEqualTo("sub answer");
    assertThat(toolMessages.get(0).path("tool_call_id").asText())
        .isEqualTo(step.call().path("id").asText());
  }

  // ---- path confinement -------------------------------------------------------------------------

  @Test
  void dot_dot_is_refused_by_every_path_taking_tool() throws IOException {
    String up = "../../../outside";
    List<Step> steps =
        steps(
            run(
                tool("ls", "{\"path\": \"" + up + "\"}")
                    + tool("read_file", "{\"file_path\": \"" + up + "/secret.txt\"}")
                    + tool(
                        "write_file",
                        "{\"file_path\": \"" + up + "/secret.txt\", \"content\": \"pwned\"}")
                    + tool(
                        "edit_file",
                        "{\"file_path\": \""
                            + up
                            + "/secret.txt\", \"old_string\": \"host\", \"new_string\": \"pwned\"}")
                    + tool("glob", "{\"pattern\": \"*\", \"path\": \"" + up + "\"}")
                    + tool("grep", "{\"pattern\": \"secret\", \"path\": \"" + up + "\"}")));

    assertThat(steps).hasSize(6);
    assertThat(steps)
        .allSatisfy(
            step -> {
              assertThat(step.exitCode()).isEqualTo(1);
              assertThat(step.output())
                  .contains("leads outside the workspace")
                  .doesNotContain(SECRET);
            });
    assertThat(outsideFiles()).isEqualTo(Map.of("secret.txt", SECRET));
  }

  @Test
  void absolute_host_paths_mean_paths_inside_the_workspace() throws IOException {
    String secret = outside.resolve("secret.txt").toString();
    String folder = outside.toString();
    List<Step> steps =
        steps(
            run(
                tool("read_file", "{\"file_path\": \"" + secret + "\"}")
                    + tool("ls", "{\"path\": \"" + folder + "\"}")
                    + tool("grep", "{\"pattern\": \"secret\", \"path\": \"" + folder + "\"}")
                    + tool(
                        "edit_file",
                        "{\"file_path\": \""
                            + secret
                            + "\", \"old_string\": \"host\", \"new_string\": \"pwned\"}")
                    + tool(
                        "write_file", "{\"file_path\": \"" + secret + "\", \"content\": \"mine\"}")
                    + tool("glob", "{\"pattern\": \"**/secret.txt\", \"path\": \"/\"}")));

    assertThat(steps.subList(0, 4))
        .allSatisfy(
            step -> {
              assertThat(step.exitCode()).isEqualTo(1);
              assertThat(step.output()).doesNotContain(SECRET);
            });
    assertThat(steps.get(0).output()).contains("not found");
    // The write lands in the workspace at the same path, never on the host file.
    assertThat(steps.get(4).exitCode()).isZero();
    assertThat(Files.readString(workspace.resolve(secret.substring(1)))).isEqualTo("mine");
    assertThat(steps.get(5).output()).contains(secret);
    assertThat(outsideFiles()).isEqualTo(Map.of("secret.txt", SECRET));
  }

  @Test
  void symlinks_that_point_out_are_refused_by_every_path_taking_tool() throws IOException {
    // Made from outside: execute refuses commands that name paths outside the workspace.
    Files.createDirectories(workspace.resolve("inner"));
    Files.createSymbolicLink(workspace.resolve("out"), outside);
    Files.createSymbolicLink(workspace.resolve("secret-link"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(workspace.resolve("climb"), Path.of("../../../outside/secret.txt"));
    Files.createSymbolicLink(workspace.resolve("inner/nested"), outside);
    String script =
        tool("ls", "{\"path\": \"out\"}")
            + tool("read_file", "{\"file_path\": \"secret-link\"}")
            + tool("read_file", "{\"file_path\": \"climb\"}")
            + tool("read_file", "{\"file_path\": \"inner/nested/secret.txt\"}")
            + tool("write_file", "{\"file_path\": \"out/new.txt\", \"content\": \"pwned\"}")
            + tool("write_file", "{\"file_path\": \"secret-link\", \"content\": \"pwned\"}")
            + tool(
                "edit_file",
                "{\"file_path\": \"secret-link\", \"old_string\": \"host\", \"new_string\": \"x\"}")
            + tool("glob", "{\"pattern\": \"*\", \"path\": \"out\"}")
            + tool("grep", "{\"pattern\": \"secret\", \"path\": \"inner/nested\"}");

    List<Step> steps = steps(run(script));

    assertThat(steps).hasSize(9);
    assertThat(steps)
        .allSatisfy(
            step -> {
              assertThat(step.exitCode()).as(step.output()).isEqualTo(1);
              assertThat(step.output())
                  .contains("symbolic link that leads outside the workspace")
                  .doesNotContain(SECRET);
            });
    assertThat(outsideFiles()).isEqualTo(Map.of("secret.txt", SECRET));

    // Walking the whole workspace skips the links instead of following them out.
    List<Step> walks =
        steps(
            run(
                tool("glob", "{\"pattern\": \"**\"}")
                    + tool("grep", "{\"pattern\": \"host secret\"}")
                    + tool("ls", "{\"path\": \"/\"}")));
    assertThat(walks.get(0).output()).doesNotContain("out/secret.txt", "nested/secret.txt");
    assertThat(walks.get(1).output()).doesNotContain(SECRET);
    assertThat(walks.get(2).exitCode()).isZero();
  }

  @Test
  void commands_cannot_write_outside_the_workspace_in_a_confining_sandbox() throws IOException {
    assumeTrue(
        sandbox().equals("bubblewrap"),
        "the local sandbox runs commands as the server's user, unconfined");
    Path target = outside.resolve("pwned.txt");

    // The paths hide in variables, which the tool security middleware's word check cannot see
    // through (it refuses the plain absolute paths); the sandbox must confine the command.
    String out = "$u$u/".repeat(workspace.getNameCount() - outside.getParent().getNameCount());
    Step step =
        call(
            "execute",
            "{\"command\": \"u=.; o="
                + out
                + "outside; echo pwned > $o/"
                + target.getFileName()
                + "; echo more >> $o/secret.txt; echo inside > ok.txt\"}");

    assertThat(step.exitCode()).isZero();
    assertThat(Files.readString(workspace.resolve("ok.txt"))).isEqualTo("inside\n");
    assertThat(outsideFiles()).isEqualTo(Map.of("secret.txt", SECRET));
  }
}
