package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.llm.FakeProviderServer;
import dev.cogent.llm.FakeProviderServer.Reply;
import dev.cogent.llm.WireFormats;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.SseClient.Frame;
import dev.cogent.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent loop's middleware over real HTTP/SSE with the scripted mock model: tool security,
 * argument repair, summarization near the context window (and its checkpoint across a restart),
 * large tool results, usage with subagents and the per-message model; runs on SQLite and
 * PostgreSQL.
 */
abstract class MiddlewareApiContract {

  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  Map<String, String> env;
  TestServer server;

  abstract DatabaseKind kind();

  void start(Map<String, String> settings) {
    env = new HashMap<>(settings);
    env.put("COGENT_DATABASE_URL", kind().newDatabaseUrl(dir));
    server = TestServer.start(kind(), dir, env, clock);
    assertThat(
            server
                .post(
                    "/agents",
                    "{\"name\": \"tester\", \"system_prompt\": \"You test.\", \"mode\": \"all\"}")
                .statusCode())
        .isEqualTo(201);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  String session() {
    HttpResponse<String> created =
        server.post(
            "/sessions",
            "{\"agent_name\": \"tester\", \"config\": {\"provider\": \"mock\", \"model\": \"m\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    return TestServer.json(created).path("id").asText();
  }

  List<Frame> run(String sessionId, String script) {
    return run(sessionId, RuntimeApiContract.body(script), WAIT);
  }

  List<Frame> run(String sessionId, String body, Duration wait) {
    try (SseClient stream = SseClient.post(server, "/sessions/" + sessionId + "/messages", body)) {
      assertThat(stream.status()).isEqualTo(200);
      return stream.readToEnd(wait);
    }
  }

  static List<Frame> ofType(List<Frame> frames, String type) {
    return frames.stream().filter(f -> f.event().equals(type)).toList();
  }

  static String answer(List<Frame> frames) {
    Frame done = frames.get(frames.size() - 1);
    assertThat(done.event()).as("terminal event of %s", frames).isEqualTo("done");
    return done.data().path("assistant_data").path("content").asText();
  }

  static JsonNode usage(List<Frame> frames) {
    return ofType(frames, "usage").get(0).data();
  }

  static int words(String text) {
    return text.strip().split("\\s+").length;
  }

  // ---- tool security
  // -----------------------------------------------------------------------------

  @Test
  void a_blocked_tool_is_not_offered_and_a_call_of_it_is_refused() {
    start(Map.of("COGENT_BLOCKED_TOOLS", "grep,execute"));
    String sessionId = session();

    List<Frame> frames =
        run(
            sessionId,
            "/tool grep {\"pattern\": \"x\"}\n/tool execute {\"command\": \"id\"}\n/inspect");

    List<Frame> results = ofType(frames, "tool_result");
    assertThat(results).hasSize(2);
    assertThat(results)
        .allSatisfy(
            result -> {
              assertThat(result.data().path("exit_code").asInt()).isEqualTo(1);
              assertThat(result.data().path("output").asText()).contains("is blocked");
            });
    String tools = answer(frames).replaceAll(".*\\| tools: ", "").replaceAll(" \\|.*", "");
    assertThat(tools.split(",")).contains("read_file", "task").doesNotContain("grep", "execute");
  }

  @Test
  void writes_into_a_protected_path_are_refused_also_through_dot_dot_case_and_links()
      throws IOException {
    String sessionId = startWithSecrets();

    List<Frame> frames =
        run(
            sessionId,
            "/tool write_file {\"file_path\": \"secrets/key.txt\", \"content\": \"x\"}\n"
                + "/tool write_file {\"file_path\": \"/notes/../.COGENT/config.yaml\","
                + " \"content\": \"x\"}\n"
                + "/tool write_file {\"file_path\": \"secrets/.keep\", \"content\": \"\"}\n"
                + "/tool edit_file {\"file_path\": \"alias/key.txt\", \"old_string\": \"a\","
                + " \"new_string\": \"b\"}\n"
                + "/tool write_file {\"file_path\": \"free.txt\", \"content\": \"fine\"}\n"
                + "/reply checked");

    List<Frame> results = ofType(frames, "tool_result");
    assertThat(results).hasSize(5);
    for (int refused : new int[] {0, 1, 2, 3}) {
      assertThat(results.get(refused).data().path("exit_code").asInt()).isEqualTo(1);
      assertThat(results.get(refused).data().path("output").asText())
          .contains("is a protected path of the workspace");
    }
    assertThat(results.get(4).data().path("exit_code").asInt()).isZero();
    assertThat(answer(frames)).isEqualTo("checked");
  }

  @Test
  void commands_that_name_a_protected_path_or_a_path_outside_the_workspace_are_refused()
      throws IOException {
    String sessionId = startWithSecrets();
    Path workspace = workspace(sessionId);
    Files.writeString(workspace.resolve("secrets/key.txt"), "the key");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "host secret");
    Files.createSymbolicLink(workspace.resolve("out"), outside);
    List<String> protectedCommands =
        List.of(
            "cat secrets/key.txt",
            "echo x > ./.COGENT/config.yaml",
            "cp notes.txt \\\"secrets/copy.txt\\\"",
            "sh -c 'cat alias/key.txt'",
            "tar -cf backup.tar --directory=secrets .",
            "cd notes/../secrets && ls");
    List<String> escapingCommands =
        List.of(
            "cat /etc/passwd",
            "ls ../../..",
            "cat ~root/.profile",
            "cat out/secret.txt",
            "echo pwned >" + outside.resolve("pwned.txt"),
            "bash -c \\\"ls /\\\"");
    StringBuilder script = new StringBuilder();
    for (String command : protectedCommands) {
      script.append("/tool execute {\"command\": \"").append(command).append("\"}\n");
    }
    for (String command : escapingCommands) {
      script.append("/tool bash {\"command\": \"").append(command).append("\"}\n");
    }
    String fine =
        "echo hi > notes.txt 2>/dev/null && cat ~/notes.txt "
            + workspace.toRealPath().resolve("notes.txt")
            + " | wc -l";

    List<Frame> frames = run(sessionId, script + "/tool execute {\"command\": \"" + fine + "\"}");

    List<Frame> results = ofType(frames, "tool_result");
    assertThat(results).hasSize(protectedCommands.size() + escapingCommands.size() + 1);
    for (int i = 0; i < results.size() - 1; i++) {
      JsonNode result = results.get(i).data();
      assertThat(result.path("exit_code").asInt()).as(result.toString()).isEqualTo(1);
      assertThat(result.path("output").asText())
          .as(result.toString())
          .startsWith("The command was not run")
          .contains(
              i < protectedCommands.size()
                  ? "is a protected path of the workspace"
                  : "leads outside the workspace");
    }
    JsonNode last = results.get(results.size() - 1).data();
    assertThat(last.path("exit_code").asInt()).as(last.toString()).isZero();
    assertThat(last.path("output").asText()).startsWith("2\n");
    assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("host secret");
    assertThat(outside.resolve("pwned.txt")).doesNotExist();
  }

  /**
   * Starts with {@code .cogent} and {@code secrets} protected; the session's workspace holds the
   * folder {@code secrets} and a link {@code alias} to it.
   */
  String startWithSecrets() throws IOException {
    start(Map.of("COGENT_PROTECTED_PATHS", ".cogent,secrets"));
    String sessionId = session();
    Path workspace = Files.createDirectories(workspace(sessionId).resolve("secrets")).getParent();
    Files.createSymbolicLink(workspace.resolve("alias"), Path.of("secrets"));
    return sessionId;
  }

  Path workspace(String sessionId) {
    return dir.resolve("data/workspaces/" + sessionId);
  }

  @Test
  void invalid_arguments_go_back_to_the_model_which_repairs_the_call() {
    start(Map.of());
    String sessionId = session();

    List<Frame> frames =
        run(
            sessionId,
            "/tool write_file {\"content\": 7}\n"
                + "/tool write_file {\"file_path\": \"a.txt\", \"content\": \"repaired\"}\n"
                + "/tool read_file {\"file_path\": \"a.txt\"}\n"
                + "/reply fixed");

    List<Frame> results = ofType(frames, "tool_result");
    assertThat(results.get(0).data().path("exit_code").asInt()).isEqualTo(1);
    assertThat(results.get(0).data().path("output").asText())
        .contains("Invalid arguments for tool 'write_file'", "file_path is required")
        .contains("content must be a string", "Fix them and call the tool again");
    assertThat(results.get(1).data().path("exit_code").asInt()).isZero();
    assertThat(results.get(2).data().path("output").asText()).contains("repaired");
    assertThat(answer(frames)).isEqualTo("fixed");
  }

  // ---- large tool results
  // ------------------------------------------------------------------------

  @Test
  void a_large_tool_result_is_saved_to_a_file_and_the_model_reads_it_through_the_pointer() {
    start(Map.of("COGENT_LARGE_TOOL_RESULT_BYTES", "300"));
    String sessionId = session();

    List<Frame> frames = run(sessionId, "/tool execute {\"command\": \"seq 1 200\"}\n/reply ok");

    JsonNode result = ofType(frames, "tool_result").get(0).data();
    String callId = ofType(frames, "tool_call").get(0).data().path("id").asText();
    String savedTo = "/large_tool_results/" + callId;
    assertThat(result.path("saved_to").asText()).isEqualTo(savedTo);
    assertThat(result.path("exit_code").asInt()).isZero();
    assertThat(result.path("output").asText())
        .contains("too large", savedTo, "read_file")
        .contains("1\n2\n3")
        .doesNotContain("\n199\n");
    // The model's transcript holds the pointer, not the result.
    JsonNode messages = TestServer.json(server.get("/sessions/" + sessionId + "/messages"));
    assertThat(messages.path("messages").get(2).path("role").asText()).isEqualTo("tool");
    assertThat(messages.path("messages").get(2).path("content").asText()).contains(savedTo);

    List<Frame> read =
        run(
            sessionId,
            "/tool read_file {\"file_path\": \"" + savedTo + "\", \"offset\": 195, \"limit\": 3}");
    JsonNode page = ofType(read, "tool_result").get(0).data();
    assertThat(page.path("exit_code").asInt()).isZero();
    assertThat(page.path("output").asText()).contains("196", "197", "198");
    assertThat(page.has("saved_to")).isFalse();
  }

  // ---- summarization
  // -----------------------------------------------------------------------------

  @Test
  void history_near_the_context_window_is_summarized_checkpointed_and_survives_a_restart() {
    Map<String, String> settings =
        Map.of(
            "COGENT_DEFAULT_CONTEXT_WINDOW_TOKENS", "300",
            "COGENT_SUMMARIZATION_TRIGGER_PERCENT", "50");
    start(settings);
    String sessionId = session();
    String long1 = "/reply " + "apple ".repeat(100).strip();
    List<Frame> first = run(sessionId, long1);
    assertThat(ofType(first, "status"))
        .extracting(f -> f.data().path("status").asText())
        .containsExactly("thinking", "idle");

    List<Frame> second = run(sessionId, "/reply second");

    List<Frame> summarized =
        ofType(second, "status").stream()
            .filter(f -> f.data().path("status").asText().equals("summarized"))
            .toList();
    assertThat(summarized).hasSize(1);
    assertThat(summarized.get(0).data().path("summarized_messages").asInt()).isEqualTo(2);
    assertThat(second.indexOf(summarized.get(0)))
        .isLessThan(second.indexOf(ofType(second, "token").get(0)));
    assertThat(answer(second)).isEqualTo("second");
    String summaryId = summarized.get(0).data().path("message_id").asText();
    JsonNode transcript = TestServer.json(server.get("/sessions/" + sessionId + "/messages"));
    List<String> roles = new ArrayList<>();
    transcript.path("messages").forEach(m -> roles.add(m.path("role").asText()));
    assertThat(roles).containsExactly("user", "assistant", "user", "system", "assistant");
    JsonNode summary = transcript.path("messages").get(3);
    assertThat(summary.path("id").asText()).isEqualTo(summaryId);
    assertThat(summary.path("parent_id").asText())
        .isEqualTo(transcript.path("messages").get(1).path("id").asText());
    assertThat(summary.path("content").asText())
        .isEqualTo("Summary: [user] /reply apple apple apple apple apple apple …");

    server.close();
    server = TestServer.start(kind(), dir, env, clock);

    List<Frame> third = run(sessionId, "/inspect");
    assertThat(ofType(third, "status"))
        .extracting(f -> f.data().path("status").asText())
        .containsExactly("thinking", "idle");
    assertThat(answer(third))
        .startsWith(
            "system: You test. ## Summary of the earlier conversation"
                + " Summary: [user] /reply apple apple apple apple apple apple … | tools:");
    // The model no longer gets the hundred apples: only the summary and the messages after it.
    assertThat(usage(third).path("input_tokens").asInt()).isLessThan(60);
  }

  @Test
  void a_long_run_near_the_context_window_summarizes_its_older_steps_and_keeps_the_latest() {
    start(
        Map.of(
            "COGENT_DEFAULT_CONTEXT_WINDOW_TOKENS", "600",
            "COGENT_SUMMARIZATION_TRIGGER_PERCENT", "50"));
    String sessionId = session();
    StringBuilder script = new StringBuilder();
    for (int step = 1; step <= 5; step++) {
      script.append("/tool execute {\"command\": \"seq ").append(step).append(" 80\"}\n");
    }

    List<Frame> frames = run(sessionId, script + "/inspect");

    List<Frame> results = ofType(frames, "tool_result");
    assertThat(ofType(frames, "tool_call"))
        .extracting(f -> f.data().path("args").path("command").asText())
        .containsExactly("seq 1 80", "seq 2 80", "seq 3 80", "seq 4 80", "seq 5 80");
    assertThat(results).allSatisfy(r -> assertThat(r.data().path("exit_code").asInt()).isZero());
    List<Frame> summarized =
        ofType(frames, "status").stream()
            .filter(f -> f.data().path("status").asText().equals("summarized"))
            .toList();
    assertThat(summarized).isNotEmpty();
    // Each compaction happens between a tool result and the next model turn, never inside a step.
    assertThat(summarized)
        .allSatisfy(
            f -> {
              int at = frames.indexOf(f);
              assertThat(
                      frames.subList(0, at).stream().filter(x -> x.event().equals("tool_result")))
                  .hasSizeGreaterThan(2);
              assertThat(frames.get(at - 1).data().path("status").asText()).isEqualTo("thinking");
            });
    // The last turn still reads its script and sees the summary of the run's own earlier steps.
    assertThat(answer(frames))
        .startsWith("system: You test. ## Summary of the earlier conversation Summary: ");
    JsonNode transcript =
        TestServer.json(server.get("/sessions/" + sessionId + "/messages?limit=100"));
    Map<String, String> roles = new HashMap<>();
    transcript
        .path("messages")
        .forEach(m -> roles.put(m.path("id").asText(), m.path("role").asText()));
    transcript
        .path("messages")
        .forEach(
            m -> {
              if (m.path("role").asText().equals("system")) {
                assertThat(roles.get(m.path("parent_id").asText())).isEqualTo("tool");
              }
            });
    assertThat(roles.values()).filteredOn("tool"::equals).hasSize(5);
  }

  // ---- usage
  // -------------------------------------------------------------------------------------

  @Test
  void usage_counts_the_subagents_tokens_into_the_run() {
    start(Map.of());
    String sessionId = session();
    String args =
        "{\"description\": \"/reply sub agent answer\", \"subagent_type\": \"general-purpose\"}";

    List<Frame> frames = run(sessionId, "/tool task " + args + "\n/reply top");

    assertThat(ofType(frames, "tool_result").get(0).data().path("output").asText())
        .isEqualTo("sub agent answer");
    // Parent: the task call, then "top"; subagent: its three-word answer.
    assertThat(usage(frames).path("output_tokens").asInt())
        .isEqualTo(words("task " + args) + 1 + 3);
    assertThat(answer(frames)).isEqualTo("top");
    assertThat(
            frames.get(frames.size() - 1).data().path("assistant_data").path("token_count").asInt())
        .isEqualTo(words("task " + args) + 1 + 3);
  }

  @Test
  void a_catalogued_model_reports_provider_tokens_and_the_catalog_cost() {
    try (FakeProviderServer anthropic = new FakeProviderServer()) {
      anthropic.enqueue(
          Reply.stream(
              WireFormats.anthropicText("claude-3-5-haiku-20241022", 5000, "priced", " words")));
      start(Map.of("ANTHROPIC_API_KEY", "ant-secret", "ANTHROPIC_BASE_URL", anthropic.url("/v1/")));
      String sessionId =
          TestServer.json(
                  server.post(
                      "/sessions",
                      "{\"agent_name\": \"tester\", \"config\": {\"provider\": \"anthropic\","
                          + " \"model\": \"claude-3-5-haiku-20241022\"}}"))
              .path("id")
              .asText();

      JsonNode usage = usage(run(sessionId, "hi"));

      // Claude Haiku 3.5 in the shipped catalog: $0.80 in, $4.00 out per million tokens.
      assertThat(usage.path("input_tokens").asInt()).isEqualTo(5000);
      assertThat(usage.path("output_tokens").asInt()).isEqualTo(2);
      assertThat(usage.path("estimated_cost").asDouble())
          .isCloseTo((5000 * 0.8 + 2 * 4.0) / 1_000_000, within(1e-12));
      assertThat(usage.path("provider").asText()).isEqualTo("anthropic");
    }
  }

  @Test
  void the_message_model_override_reaches_usage_and_the_stored_message() {
    start(Map.of());
    String sessionId = session();

    List<Frame> frames =
        run(sessionId, "{\"content\": \"hi\", \"model\": \"override-model\"}", WAIT);

    assertThat(usage(frames).path("model").asText()).isEqualTo("override-model");
    assertThat(usage(frames).path("provider").asText()).isEqualTo("mock");
    assertThat(usage(frames).path("estimated_cost").isNull()).isTrue();
    JsonNode stored = TestServer.json(server.get("/sessions/" + sessionId + "/messages"));
    assertThat(stored.path("messages").get(1).path("model_used").asText())
        .isEqualTo("override-model");
    List<Frame> next = run(sessionId, "hello");
    assertThat(usage(next).path("model").asText()).isEqualTo("m");
  }

  @Test
  void capabilities_list_the_middleware_in_the_order_it_applies() {
    start(Map.of());

    JsonNode capabilities = TestServer.json(server.get("/capabilities"));

    List<String> middleware = new ArrayList<>();
    capabilities.path("middleware").forEach(m -> middleware.add(m.asText()));
    assertThat(middleware)
        .containsExactly(
            "ToolSecurityMiddleware",
            "TrustedRuntimeContextMiddleware",
            "ToolArgumentValidationMiddleware",
            "HumanInTheLoopMiddleware",
            "CognitionObservabilityMiddleware",
            "MemoryMiddleware",
            "SkillsMiddleware",
            "SummarizationMiddleware",
            "LargeToolResultsMiddleware");
    assertThat(capabilities.path("features").path("tool_argument_validation").asBoolean()).isTrue();
    assertThat(capabilities.path("features").path("trusted_runtime_context").asBoolean()).isTrue();
  }
}
