package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.SseClient.Frame;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime uses every field of the session's agent definition, HITL interrupts and resume (also
 * after a restart) and subagent delegation, over real HTTP/SSE with the scripted mock model; runs
 * on SQLite and PostgreSQL.
 */
abstract class AgentRunsApiContract {

  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  Map<String, String> env;
  TestServer server;

  abstract DatabaseKind kind();

  @BeforeEach
  void start() {
    env = Map.of("COGENT_DATABASE_URL", kind().newDatabaseUrl(dir));
    server = TestServer.start(kind(), dir, env, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String session(String agentName) {
    HttpResponse<String> created =
        server.post(
            "/sessions",
            "{\"agent_name\": \""
                + agentName
                + "\", \"config\": {\"provider\": \"mock\", \"model\": \"m\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    return TestServer.json(created).path("id").asText();
  }

  void createAgent(String json) {
    assertThat(server.post("/agents", json).statusCode()).isEqualTo(201);
  }

  List<Frame> run(String sessionId, String script) {
    try (SseClient stream =
        SseClient.post(
            server, "/sessions/" + sessionId + "/messages", RuntimeApiContract.body(script))) {
      assertThat(stream.status()).isEqualTo(200);
      return stream.readToEnd(WAIT);
    }
  }

  static Frame last(List<Frame> frames) {
    return frames.get(frames.size() - 1);
  }

  static String answer(List<Frame> frames) {
    Frame done = last(frames);
    assertThat(done.event()).as("terminal event of %s", frames).isEqualTo("done");
    return done.data().path("assistant_data").path("content").asText();
  }

  static List<Frame> ofType(List<Frame> frames, String type) {
    return frames.stream().filter(f -> f.event().equals(type)).toList();
  }

  // ---- every agent field is used ----------------------------------------------------------------

  @Test
  void the_agent_prompt_memory_skills_tools_and_temperature_reach_the_model() throws Exception {
    Path project = dir.resolve("project");
    Files.writeString(project.resolve("AGENTS.md"), "Always cite the file you read.");
    Files.writeString(dir.resolve("outside.md"), "TOPSECRET outside the project");
    Files.createDirectories(project.resolve(".cogent"));
    Files.writeString(project.resolve(".cogent/hidden.md"), "HIDDENSECRET");
    assertThat(
            server
                .post(
                    "/skills",
                    "{\"name\": \"haiku\", \"content\": \"---\\nname: haiku\\ndescription: Writes"
                        + " haiku poems\\n---\\nCount five, seven, five syllables.\"}")
                .statusCode())
        .isEqualTo(201);
    createAgent(
        "{\"name\": \"poet\", \"system_prompt\": \"You are Quill, a poet.\", \"temperature\": 0.3,"
            + " \"tools\": [\"read_file\", \"no_such_tool\"], \"skills\": [\"haiku\"],"
            + " \"memory\": [\"AGENTS.md\", \"../outside.md\", \".cogent/hidden.md\"]}");
    String sessionId = session("poet");

    String seen = answer(run(sessionId, "/inspect"));

    assertThat(seen)
        .startsWith("system: You are Quill, a poet.")
        .contains("not available on this server: no_such_tool")
        .contains("## Instructions from AGENTS.md Always cite the file you read.")
        .contains("- haiku: Writes haiku poems (/skills/api/haiku/SKILL.md)")
        .contains("| tools: read_file,write_todos |")
        .endsWith("| temperature: 0.3")
        .doesNotContain("TOPSECRET")
        .doesNotContain("HIDDENSECRET");

    // Progressive disclosure: the body is read with read_file at the listed path.
    List<Frame> read =
        run(sessionId, "/tool read_file {\"file_path\": \"/skills/api/haiku/SKILL.md\"}");
    JsonNode result = ofType(read, "tool_result").get(0).data();
    assertThat(result.path("exit_code").asInt()).isZero();
    assertThat(result.path("output").asText()).contains("Count five, seven, five syllables.");

    // A tool outside the agent's list does not run.
    List<Frame> write =
        run(sessionId, "/tool write_file {\"file_path\": \"x.txt\", \"content\": \"no\"}");
    JsonNode refused = ofType(write, "tool_result").get(0).data();
    assertThat(refused.path("exit_code").asInt()).isEqualTo(1);
    assertThat(refused.path("output").asText())
        .contains("Unknown tool 'write_file'")
        .contains("read_file, write_todos");
  }

  @Test
  void an_agent_without_prompt_or_tool_list_gets_the_default_prompt_and_every_tool() {
    createAgent("{\"name\": \"plain\"}");

    String seen = answer(run(session("plain"), "/inspect"));

    assertThat(seen)
        .startsWith("system: You are a helpful agent")
        .contains(
            "| tools: bash,edit_file,execute,glob,grep,list_artifacts,ls,read_artifact,read_file,"
                + "recall,remember,task,write_artifact,write_file,write_todos |")
        .endsWith("| temperature: default");
  }

  // ---- HITL -------------------------------------------------------------------------------------

  /** Sends a write on the readonly agent and returns the frames up to its interrupt. */
  List<Frame> interruptedWrite(String sessionId, String file, String content) {
    List<Frame> frames =
        run(
            sessionId,
            "/tool write_file {\"file_path\": \""
                + file
                + "\", \"content\": \""
                + content
                + "\"}\n/reply Wrote it");
    assertThat(last(frames).event()).isEqualTo("interrupt");
    return frames;
  }

  String resumeBody(String decision, JsonNode interrupt, String args) {
    return "{\"decision\": \""
        + decision
        + "\", \"tool_call_id\": \""
        + interrupt.path("tool_call_id").asText()
        + "\", \"tool_name\": \""
        + interrupt.path("tool_name").asText()
        + "\", \"args\": "
        + args
        + "}";
  }

  List<Frame> resumeStreaming(TestServer on, String sessionId, String body) {
    try (SseClient stream =
        SseClient.post(
            on, "/sessions/" + sessionId + "/resume", body, "Accept", "text/event-stream")) {
      assertThat(stream.status()).isEqualTo(200);
      return stream.readToEnd(WAIT);
    }
  }

  String readBack(String sessionId, String file) {
    return readResult(sessionId, file).path("output").asText();
  }

  JsonNode readResult(String sessionId, String file) {
    List<Frame> frames = run(sessionId, "/tool read_file {\"file_path\": \"" + file + "\"}");
    return ofType(frames, "tool_result").get(0).data();
  }

  @Test
  void a_protected_tool_pauses_the_run_with_an_interrupt_and_approve_continues_the_same_run() {
    String sessionId = session("readonly");

    List<Frame> frames = interruptedWrite(sessionId, "notes.txt", "hello");

    assertThat(RuntimeApiContract.types(frames))
        .endsWith("tool_call", "status", "interrupt")
        .doesNotContain("tool_result", "done", "error");
    assertThat(frames.get(frames.size() - 2).data().path("status").asText())
        .isEqualTo("waiting_for_approval");
    JsonNode interrupt = last(frames).data();
    JsonNode call = ofType(frames, "tool_call").get(0).data();
    assertThat(interrupt.path("tool_call_id").asText()).isEqualTo(call.path("id").asText());
    assertThat(interrupt.path("tool_name").asText()).isEqualTo("write_file");
    assertThat(interrupt.path("args").path("file_path").asText()).isEqualTo("notes.txt");
    assertThat(interrupt.path("session_id").asText()).isEqualTo(sessionId);
    JsonNode action = interrupt.path("action_requests").get(0);
    assertThat(action.path("name").asText()).isEqualTo("write_file");
    assertThat(action.path("args")).isEqualTo(interrupt.path("args"));
    assertThat(action.path("review_config").path("action_name").asText()).isEqualTo("write_file");
    assertThat(action.path("review_config").path("allowed_decisions").toString())
        .isEqualTo("[\"approve\",\"edit\",\"reject\"]");

    JsonNode session = TestServer.json(server.get("/sessions/" + sessionId));
    assertThat(session.path("status").asText()).isEqualTo("waiting_for_approval");
    JsonNode runs = TestServer.json(server.get("/sessions/" + sessionId + "/runs"));
    String runId = runs.path("runs").get(0).path("id").asText();
    assertThat(runs.path("runs").get(0).path("status").asText()).isEqualTo("waiting_for_approval");
    try (SseClient busy =
        SseClient.post(
            server, "/sessions/" + sessionId + "/messages", RuntimeApiContract.body("more"))) {
      assertThat(busy.status()).isEqualTo(409);
    }
    assertThat(
            server
                .post(
                    "/sessions/" + sessionId + "/resume",
                    "{\"decision\": \"approve\", \"tool_call_id\": \"call_wrong\", \"tool_name\":"
                        + " \"write_file\"}")
                .statusCode())
        .isEqualTo(422);
    assertThat(
            server
                .post(
                    "/sessions/" + sessionId + "/resume",
                    resumeBody("approve", interrupt, "null").replace("write_file", "edit_file"))
                .statusCode())
        .isEqualTo(422);

    List<Frame> continued =
        resumeStreaming(server, sessionId, resumeBody("approve", interrupt, "null"));

    assertThat(continued.get(0).id()).isEqualTo(last(frames).id() + 1);
    assertThat(continued.get(0).event()).isEqualTo("status");
    assertThat(continued.get(0).data().path("status").asText()).isEqualTo("resuming");
    JsonNode result = ofType(continued, "tool_result").get(0).data();
    assertThat(result.path("tool_call_id").asText())
        .isEqualTo(interrupt.path("tool_call_id").asText());
    assertThat(result.path("exit_code").asInt()).isZero();
    assertThat(answer(continued)).isEqualTo("Wrote it");
    JsonNode after = TestServer.json(server.get("/sessions/" + sessionId + "/runs"));
    assertThat(after.path("total").asInt()).isEqualTo(1);
    assertThat(after.path("runs").get(0).path("id").asText()).isEqualTo(runId);
    assertThat(after.path("runs").get(0).path("status").asText()).isEqualTo("completed");
    assertThat(TestServer.json(server.get("/sessions/" + sessionId)).path("status").asText())
        .isEqualTo("active");
    assertThat(readBack(sessionId, "notes.txt")).contains("hello");
  }

  @Test
  void edit_runs_the_tool_with_the_replacement_args_and_answers_json_without_a_stream() {
    String sessionId = session("readonly");
    JsonNode interrupt = last(interruptedWrite(sessionId, "draft.txt", "first")).data();

    HttpResponse<String> resumed =
        server.post(
            "/sessions/" + sessionId + "/resume",
            resumeBody(
                "edit", interrupt, "{\"file_path\": \"final.txt\", \"content\": \"edited\"}"));

    assertThat(resumed.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(resumed).path("success").asBoolean()).isTrue();
    assertThat(TestServer.json(resumed).path("message").asText()).isEqualTo("Session resumed");
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestServer.json(server.get("/sessions/" + sessionId + "/runs"))
                    .path("runs")
                    .get(0)
                    .path("status")
                    .asText()
                    .equals("completed"));
    assertThat(readBack(sessionId, "final.txt")).contains("edited");
    assertThat(readResult(sessionId, "draft.txt").path("exit_code").asInt()).isEqualTo(1);
  }

  @Test
  void reject_sends_the_message_back_to_the_model_and_a_second_resume_is_409() {
    String sessionId = session("readonly");
    JsonNode interrupt = last(interruptedWrite(sessionId, "nope.txt", "x")).data();

    List<Frame> continued =
        resumeStreaming(
            server,
            sessionId,
            resumeBody("reject", interrupt, "{\"message\": \"No writes today, please.\"}"));

    JsonNode result = ofType(continued, "tool_result").get(0).data();
    assertThat(result.path("output").asText()).isEqualTo("No writes today, please.");
    assertThat(result.path("exit_code").asInt()).isEqualTo(1);
    assertThat(answer(continued)).isEqualTo("Wrote it");
    assertThat(
            server
                .post(
                    "/sessions/" + sessionId + "/resume", resumeBody("approve", interrupt, "null"))
                .statusCode())
        .isEqualTo(409);
    assertThat(readResult(sessionId, "nope.txt").path("exit_code").asInt()).isEqualTo(1);
  }

  @Test
  void a_run_waiting_for_approval_survives_a_restart_and_can_be_resumed() {
    String sessionId = session("readonly");
    List<Frame> frames = interruptedWrite(sessionId, "kept.txt", "durable");
    JsonNode interrupt = last(frames).data();
    server.close();

    server = TestServer.start(kind(), dir, env, clock);

    assertThat(TestServer.json(server.get("/sessions/" + sessionId)).path("status").asText())
        .isEqualTo("waiting_for_approval");
    List<Frame> continued =
        resumeStreaming(server, sessionId, resumeBody("approve", interrupt, "null"));
    assertThat(continued.get(0).id()).isEqualTo(last(frames).id() + 1);
    assertThat(answer(continued)).isEqualTo("Wrote it");
    assertThat(readBack(sessionId, "kept.txt")).contains("durable");
  }

  @Test
  void abort_ends_a_run_waiting_for_approval_and_frees_the_session() {
    String sessionId = session("readonly");
    JsonNode interrupt = last(interruptedWrite(sessionId, "never.txt", "x")).data();

    HttpResponse<String> aborted = server.post("/sessions/" + sessionId + "/abort", null);

    assertThat(aborted.statusCode()).isEqualTo(200);
    JsonNode run =
        TestServer.json(server.get("/sessions/" + sessionId + "/runs")).path("runs").get(0);
    assertThat(run.path("status").asText()).isEqualTo("aborted");
    assertThat(TestServer.json(server.get("/sessions/" + sessionId)).path("status").asText())
        .isEqualTo("active");
    assertThat(
            server
                .post(
                    "/sessions/" + sessionId + "/resume", resumeBody("approve", interrupt, "null"))
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void resume_is_409_when_nothing_waits_and_404_for_an_unknown_session() {
    String sessionId = session("readonly");
    String body =
        "{\"decision\": \"approve\", \"tool_call_id\": \"call_1\", \"tool_name\": \"write_file\"}";

    assertThat(server.post("/sessions/" + sessionId + "/resume", body).statusCode()).isEqualTo(409);
    assertThat(server.post("/sessions/no-such-session/resume", body).statusCode()).isEqualTo(404);
  }

  // ---- subagents --------------------------------------------------------------------------------

  @Test
  void task_delegates_to_a_subagent_whose_answer_is_the_tool_result() {
    createAgent(
        "{\"name\": \"researcher\", \"mode\": \"subagent\", \"description\": \"Looks things up\","
            + " \"system_prompt\": \"You research.\", \"tools\": [\"ls\"]}");
    String sessionId = session("default");

    List<Frame> frames =
        run(
            sessionId,
            "/tool task {\"description\": \"/inspect\", \"subagent_type\": \"researcher\"}\n"
                + "/tool task {\"description\": \"/reply general answer\", \"subagent_type\":"
                + " \"general-purpose\"}\n"
                + "/reply All delegated");

    List<Frame> delegations = ofType(frames, "delegation");
    assertThat(delegations).hasSize(2);
    assertThat(delegations.get(0).data().path("from_agent").asText()).isEqualTo("default");
    assertThat(delegations.get(0).data().path("to_agent").asText()).isEqualTo("researcher");
    assertThat(delegations.get(0).data().path("task").asText()).isEqualTo("/inspect");
    assertThat(delegations.get(1).data().path("to_agent").asText()).isEqualTo("general-purpose");
    List<Frame> results = ofType(frames, "tool_result");
    assertThat(results.get(0).data().path("output").asText())
        .startsWith("system: You research.")
        .contains("| tools: ls,write_todos |");
    assertThat(results.get(1).data().path("output").asText()).isEqualTo("general answer");
    assertThat(answer(frames)).isEqualTo("All delegated");
  }
}
