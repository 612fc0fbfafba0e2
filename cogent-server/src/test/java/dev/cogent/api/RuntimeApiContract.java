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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages, runs, the event log and SSE streaming over real HTTP, driven by the scripted mock
 * model; runs on SQLite and PostgreSQL.
 *
 * <p>One server serves the whole class: every test works in a session of its own, made before it,
 * and leaves no run behind, so no test sees another's state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RuntimeApiContract {

  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;
  String sessionId;

  abstract DatabaseKind kind();

  @BeforeAll
  void start() {
    server = TestServer.start(kind(), dir, Map.of(), clock);
  }

  @BeforeEach
  void newSession() {
    sessionId = mockSession();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  String mockSession() {
    HttpResponse<String> created =
        server.post(
            "/sessions", "{\"config\": {\"provider\": \"mock\", \"model\": \"scripted-1\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    return TestServer.json(created).path("id").asText();
  }

  SseClient send(String content, String... headers) {
    return SseClient.post(server, "/sessions/" + sessionId + "/messages", body(content), headers);
  }

  static String body(String content) {
    return "{\"content\": " + quote(content) + "}";
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  static List<String> types(List<Frame> frames) {
    return frames.stream().map(Frame::event).toList();
  }

  static String tokens(List<Frame> frames) {
    return frames.stream()
        .filter(f -> f.event().equals("token"))
        .map(f -> f.data().path("content").asText())
        .collect(Collectors.joining());
  }

  JsonNode events(long after) {
    HttpResponse<String> response =
        server.get("/sessions/" + sessionId + "/events?after=" + after + "&limit=1000");
    assertThat(response.statusCode()).isEqualTo(200);
    return TestServer.json(response);
  }

  @Test
  void streams_an_echo_with_sequence_ids_and_exactly_one_done() {
    List<Frame> frames;
    try (SseClient stream = send("hello big world")) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
      frames = stream.readToEnd(WAIT);
      assertThat(stream.retries()).containsExactly("3000");
    }

    assertThat(types(frames))
        .containsExactly("status", "token", "token", "token", "token", "status", "usage", "done");
    assertThat(frames.get(0).data().path("status").asText()).isEqualTo("thinking");
    assertThat(frames.get(5).data().path("status").asText()).isEqualTo("idle");
    assertThat(frames).extracting(Frame::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(tokens(frames)).isEqualTo("Echo: hello big world");

    JsonNode usage = frames.get(6).data();
    // The mock counts the words of every message it gets: the default agent's system prompt too.
    String systemPrompt =
        TestServer.json(server.get("/agents/default")).path("system_prompt").asText();
    assertThat(usage.path("input_tokens").asInt())
        .isEqualTo(3 + systemPrompt.strip().split("\\s+").length);
    assertThat(usage.path("output_tokens").asInt()).isEqualTo(4);
    assertThat(usage.path("provider").asText()).isEqualTo("mock");
    assertThat(usage.path("model").asText()).isEqualTo("scripted-1");

    JsonNode assistant = frames.get(7).data().path("assistant_data");
    assertThat(assistant.path("role").asText()).isEqualTo("assistant");
    assertThat(assistant.path("content").asText()).isEqualTo("Echo: hello big world");
    assertThat(assistant.path("session_id").asText()).isEqualTo(sessionId);
    assertThat(assistant.path("token_count").asInt()).isEqualTo(4);
    assertThat(assistant.path("model_used").asText()).isEqualTo("scripted-1");
    assertThat(assistant.path("created_at").asText()).isEqualTo("2026-03-02T12:00:00Z");
    HttpResponse<String> stored =
        server.get("/sessions/" + sessionId + "/messages/" + assistant.path("id").asText());
    assertThat(TestServer.json(stored).path("content").asText()).isEqualTo("Echo: hello big world");

    JsonNode log = events(0);
    assertThat(log.path("has_more").asBoolean()).isFalse();
    List<Long> sequences = new ArrayList<>();
    log.path("events").forEach(e -> sequences.add(e.path("sequence").asLong()));
    assertThat(sequences).isEqualTo(frames.stream().map(Frame::id).toList());
    assertThat(log.path("events").get(7).path("data")).isEqualTo(frames.get(7).data());
  }

  @Test
  void the_message_model_overrides_the_session_model() {
    try (SseClient stream =
        SseClient.post(
            server,
            "/sessions/" + sessionId + "/messages",
            "{\"content\": \"hi\", \"model\": \"other-model\"}")) {
      List<Frame> frames = stream.readToEnd(WAIT);
      Frame done = frames.get(frames.size() - 1);
      assertThat(done.data().path("assistant_data").path("model_used").asText())
          .isEqualTo("other-model");
    }
  }

  @Test
  void lists_messages_and_keeps_message_count_and_runs_right() {
    try (SseClient stream = send("one")) {
      stream.readToEnd(WAIT);
    }
    try (SseClient stream = send("/tool write_todos {\"todos\": []}\n/reply two")) {
      stream.readToEnd(WAIT);
    }

    JsonNode page = TestServer.json(server.get("/sessions/" + sessionId + "/messages"));
    assertThat(page.path("total").asInt()).isEqualTo(6);
    assertThat(page.path("has_more").asBoolean()).isFalse();
    List<String> roles = new ArrayList<>();
    page.path("messages").forEach(m -> roles.add(m.path("role").asText()));
    assertThat(roles)
        .containsExactly("user", "assistant", "user", "assistant", "tool", "assistant");
  }

  @Test
  void pages_messages_with_limit_and_offset() {
    try (SseClient stream = send("one")) {
      stream.readToEnd(WAIT);
    }
    try (SseClient stream = send("two")) {
      stream.readToEnd(WAIT);
    }

    JsonNode page =
        TestServer.json(server.get("/sessions/" + sessionId + "/messages?limit=2&offset=1"));
    assertThat(page.path("total").asInt()).isEqualTo(4);
    assertThat(page.path("has_more").asBoolean()).isTrue();
    assertThat(page.path("messages").get(0).path("content").asText()).isEqualTo("Echo: one");
    assertThat(page.path("messages").get(1).path("content").asText()).isEqualTo("two");
    assertThat(TestServer.json(server.get("/sessions/" + sessionId)).path("message_count").asInt())
        .isEqualTo(4);
    JsonNode runs = TestServer.json(server.get("/sessions/" + sessionId + "/runs"));
    assertThat(runs.path("total").asInt()).isEqualTo(2);
    JsonNode latest = runs.path("runs").get(0);
    assertThat(latest.path("status").asText()).isEqualTo("completed");
    assertThat(latest.path("first_sequence").asLong()).isEqualTo(7);
    assertThat(latest.path("last_sequence").asLong()).isEqualTo(12);
    JsonNode one =
        TestServer.json(
            server.get("/sessions/" + sessionId + "/runs/" + latest.path("id").asText()));
    assertThat(one.path("assistant_message_id").asText()).isNotBlank();
    assertThat(server.get("/sessions/" + sessionId + "/runs/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void a_tool_call_carries_full_args_and_its_result_the_real_exit_code() {
    List<Frame> frames;
    try (SseClient stream =
        send(
            "/tool write_todos {\"todos\": [{\"content\": \"Read\", \"status\": \"completed\"},"
                + " {\"content\": \"Write\", \"status\": \"pending\"}]}\n"
                + "/tool no_such_tool {\"x\": 1}\n"
                + "/tool write_todos {\"todos\": \"not a list\"}")) {
      frames = stream.readToEnd(WAIT);
    }

    List<Frame> calls = frames.stream().filter(f -> f.event().equals("tool_call")).toList();
    List<Frame> results = frames.stream().filter(f -> f.event().equals("tool_result")).toList();
    assertThat(calls).hasSize(3);
    assertThat(calls.get(0).data().path("name").asText()).isEqualTo("write_todos");
    assertThat(calls.get(0).data().path("args").path("todos").get(1).path("content").asText())
        .isEqualTo("Write");
    assertThat(results.get(0).data().path("tool_call_id").asText())
        .isEqualTo(calls.get(0).data().path("id").asText());
    assertThat(results.get(0).data().path("exit_code").asInt()).isZero();
    assertThat(results.get(1).data().path("exit_code").asInt()).isEqualTo(1);
    assertThat(results.get(1).data().path("output").asText())
        .contains("Unknown tool 'no_such_tool'", "write_todos");
    assertThat(results.get(2).data().path("exit_code").asInt()).isEqualTo(1);
    assertThat(results.get(2).data().path("output").asText()).contains("todos must be an array");

    Frame planning = frames.stream().filter(f -> f.event().equals("planning")).findFirst().get();
    assertThat(planning.data().path("todos").toString()).isEqualTo("[\"Read\",\"Write\"]");
    Frame step = frames.stream().filter(f -> f.event().equals("step_complete")).findFirst().get();
    assertThat(step.data().path("step_number").asInt()).isEqualTo(1);
    assertThat(step.data().path("total_steps").asInt()).isEqualTo(2);
    assertThat(step.data().path("description").asText()).isEqualTo("Read");

    Frame done = frames.get(frames.size() - 1);
    assertThat(done.event()).isEqualTo("done");
    assertThat(done.data().path("assistant_data").path("content").asText()).isEqualTo("Done.");
  }

  @Test
  void a_failing_model_ends_the_run_with_an_error_and_no_done() {
    List<Frame> frames;
    try (SseClient stream = send("/fail the provider exploded")) {
      frames = stream.readToEnd(WAIT);
    }

    assertThat(types(frames)).containsExactly("status", "error");
    assertThat(frames.get(1).data().path("code").asText()).isEqualTo("LLM_UNAVAILABLE");
    assertThat(frames.get(1).data().path("message").asText()).contains("the provider exploded");
    JsonNode run =
        TestServer.json(server.get("/sessions/" + sessionId + "/runs")).path("runs").get(0);
    assertThat(run.path("status").asText()).isEqualTo("failed");
    assertThat(run.path("error").path("code").asText()).isEqualTo("LLM_UNAVAILABLE");
  }

  @Test
  void the_recursion_limit_ends_a_run_that_never_answers() {
    String limited =
        TestServer.json(
                server.post(
                    "/sessions",
                    "{\"config\": {\"provider\": \"mock\", \"model\": \"m\", \"recursion_limit\": 2}}"))
            .path("id")
            .asText();
    String script = "/tool write_todos {\"todos\": []}\n".repeat(3);
    try (SseClient stream =
        SseClient.post(server, "/sessions/" + limited + "/messages", body(script))) {
      List<Frame> frames = stream.readToEnd(WAIT);
      Frame last = frames.get(frames.size() - 1);
      assertThat(last.event()).isEqualTo("error");
      assertThat(last.data().path("message").asText()).contains("recursion limit of 2");
      assertThat(frames.stream().filter(f -> f.event().equals("tool_call"))).hasSize(2);
    }
  }

  @Test
  void a_second_message_while_a_run_is_active_is_409_session_busy() {
    try (SseClient running = send("/sleep 60000\n/reply late")) {
      running.next(WAIT);

      try (SseClient second = send("another")) {
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.error().path("code").asText()).isEqualTo("SESSION_BUSY");
      }
      abort();
      assertThat(types(running.readToEnd(WAIT))).endsWith("error");
    }
  }

  @Test
  void two_concurrent_messages_start_exactly_one_run() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<SseClient> clients = new ArrayList<>();
    try {
      List<Callable<SseClient>> posts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        posts.add(() -> send("/sleep 60000"));
      }
      for (Future<SseClient> future : pool.invokeAll(posts)) {
        clients.add(future.get());
      }
      assertThat(clients).extracting(SseClient::status).containsExactlyInAnyOrder(200, 409);
      abort();
    } finally {
      clients.forEach(SseClient::close);
      pool.shutdownNow();
    }
  }

  @Test
  void a_run_reports_the_range_of_its_events_while_it_is_live_and_once_it_ended() {
    try (SseClient stream = send("one")) {
      stream.readToEnd(WAIT);
    }
    long firstRunLast = latestRun().path("last_sequence").asLong();
    assertThat(latestRun().path("first_sequence").asLong()).isEqualTo(1);

    List<Frame> rest;
    Frame thinking;
    try (SseClient running = send("/sleep 60000\n/reply never")) {
      thinking = running.next(WAIT);
      JsonNode live = latestRun();
      assertThat(live.path("status").asText()).isEqualTo("running");
      assertThat(live.path("first_sequence").asLong()).isEqualTo(firstRunLast + 1);
      assertThat(thinking.id()).isEqualTo(firstRunLast + 1);
      assertThat(live.path("last_sequence").asLong()).isEqualTo(firstRunLast + 1);
      abort();
      rest = running.readToEnd(WAIT);
    }

    JsonNode ended = latestRun();
    assertThat(ended.path("status").asText()).isEqualTo("aborted");
    assertThat(ended.path("first_sequence").asLong()).isEqualTo(firstRunLast + 1);
    assertThat(ended.path("last_sequence").asLong()).isEqualTo(rest.get(rest.size() - 1).id());
    JsonNode earlier =
        TestServer.json(server.get("/sessions/" + sessionId + "/runs")).path("runs").get(1);
    assertThat(earlier.path("first_sequence").asLong()).isEqualTo(1);
    assertThat(earlier.path("last_sequence").asLong()).isEqualTo(firstRunLast);
  }

  JsonNode latestRun() {
    return TestServer.json(server.get("/sessions/" + sessionId + "/runs")).path("runs").get(0);
  }

  @Test
  void abort_stops_a_run_inside_sleep_and_frees_the_session() {
    List<Frame> frames;
    try (SseClient running = send("/sleep 60000\n/reply never")) {
      assertThat(running.next(WAIT).event()).isEqualTo("status");

      JsonNode aborted = abort();
      assertThat(aborted.path("message").asText()).isEqualTo("Operation aborted");
      frames = running.readToEnd(WAIT);
    }

    assertThat(types(frames)).containsExactly("status", "error");
    assertThat(frames.get(0).data().path("status").asText()).isEqualTo("cancelled");
    assertThat(frames.get(1).data().path("code").asText()).isEqualTo("ABORTED");
    JsonNode run =
        TestServer.json(server.get("/sessions/" + sessionId + "/runs")).path("runs").get(0);
    assertThat(run.path("status").asText()).isEqualTo("aborted");
    try (SseClient next = send("again")) {
      assertThat(types(next.readToEnd(WAIT))).endsWith("done");
    }
  }

  @Test
  void abort_inside_a_long_execute_kills_the_command_and_its_children() throws Exception {
    Path workspace = dir.resolve("data/workspaces/" + sessionId);
    String command = "sh -c 'echo $$ > child.pid; exec sleep 300' & echo $$ > parent.pid; wait";
    List<Frame> frames;
    try (SseClient running =
        send("/tool execute {\"command\": " + quote(command) + ", \"timeout\": 600}")) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  Files.exists(workspace.resolve("child.pid"))
                      && Files.exists(workspace.resolve("parent.pid")));

      assertThat(abort().path("message").asText()).isEqualTo("Operation aborted");
      frames = running.readToEnd(WAIT);
    }

    assertThat(types(frames)).contains("tool_call").endsWith("error").doesNotContain("done");
    assertThat(frames.get(frames.size() - 1).data().path("code").asText()).isEqualTo("ABORTED");
    for (String pidFile : List.of("parent.pid", "child.pid")) {
      long pid = Long.parseLong(Files.readString(workspace.resolve(pidFile)).strip());
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                      .as(pidFile)
                      .isNotEqualTo(java.util.Optional.of(true)));
    }
    try (SseClient next = send("again")) {
      assertThat(types(next.readToEnd(WAIT))).endsWith("done");
    }
  }

  @Test
  void aborting_an_idle_session_succeeds_and_says_nothing_was_running() {
    assertThat(abort().path("message").asText()).isEqualTo("No operation was running");
    assertThat(server.post("/sessions/nope/abort", null).statusCode()).isEqualTo(404);
  }

  @Test
  void last_event_id_replays_the_rest_of_the_latest_run_without_a_new_message() {
    List<Frame> all;
    try (SseClient stream = send("a b c")) {
      all = stream.readToEnd(WAIT);
    }

    List<Frame> replay;
    try (SseClient again = send("ignored", "Last-Event-ID", "3")) {
      replay = again.readToEnd(WAIT);
    }

    assertThat(replay).isEqualTo(all.subList(3, all.size()));
    assertThat(TestServer.json(server.get("/sessions/" + sessionId)).path("message_count").asInt())
        .isEqualTo(2);
    try (SseClient finished =
        send("ignored", "Last-Event-ID", String.valueOf(all.get(all.size() - 1).id()))) {
      assertThat(finished.readToEnd(WAIT)).isEmpty();
    }
  }

  @Test
  void a_client_that_disconnects_does_not_stop_the_run_and_can_reattach() {
    long lastSeen;
    try (SseClient stream = send("/tool write_todos {\"todos\": []}\n/sleep 1500\n/reply after")) {
      List<Frame> first = stream.readUntil("tool_result", WAIT);
      lastSeen = first.get(first.size() - 1).id();
    }

    List<Frame> rest;
    try (SseClient again = send("ignored", "Last-Event-ID", String.valueOf(lastSeen))) {
      rest = again.readToEnd(WAIT);
    }

    assertThat(rest.get(0).id()).isEqualTo(lastSeen + 1);
    for (int i = 1; i < rest.size(); i++) {
      assertThat(rest.get(i).id()).isEqualTo(rest.get(i - 1).id() + 1);
    }
    assertThat(types(rest)).endsWith("usage", "done");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        TestServer.json(server.get("/sessions/" + sessionId + "/runs"))
                            .path("runs")
                            .get(0)
                            .path("status")
                            .asText())
                    .isEqualTo("completed"));
  }

  @Test
  void a_session_without_a_model_provider_is_503_before_any_stream() {
    String plain = TestServer.json(server.post("/sessions", "{}")).path("id").asText();

    try (SseClient stream =
        SseClient.post(server, "/sessions/" + plain + "/messages", body("hi"))) {
      assertThat(stream.status()).isEqualTo(503);
      assertThat(stream.error().path("code").asText()).isEqualTo("LLM_UNAVAILABLE");
      assertThat(stream.error().path("error").asText())
          .contains("config.provider: \"mock\"", "/models/providers");
    }
    assertThat(TestServer.json(server.get("/sessions/" + plain)).path("message_count").asInt())
        .isZero();
  }

  @Test
  void bad_requests_are_rejected_before_anything_is_stored() {
    try (SseClient unknown = SseClient.post(server, "/sessions/nope/messages", body("hi"))) {
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.error().path("code").asText()).isEqualTo("SESSION_NOT_FOUND");
    }
    try (SseClient empty =
        SseClient.post(server, "/sessions/" + sessionId + "/messages", "{\"content\": \"\"}")) {
      assertThat(empty.status()).isEqualTo(422);
    }
    try (SseClient extra =
        SseClient.post(
            server, "/sessions/" + sessionId + "/messages", "{\"content\": \"x\", \"y\": 1}")) {
      assertThat(extra.status()).isEqualTo(422);
    }
    try (SseClient ftp =
        SseClient.post(
            server,
            "/sessions/" + sessionId + "/messages",
            "{\"content\": \"x\", \"callback_url\": \"ftp://example.com/x\"}")) {
      assertThat(ftp.status()).isEqualTo(422);
    }
    try (SseClient self =
        SseClient.post(
            server,
            "/sessions/" + sessionId + "/messages",
            "{\"content\": \"x\", \"callback_url\": \""
                + server.uri("/sessions").toString()
                + "\"}")) {
      assertThat(self.status()).isEqualTo(422);
    }
    assertThat(TestServer.json(server.get("/sessions/" + sessionId)).path("message_count").asInt())
        .isZero();
  }

  JsonNode abort() {
    HttpResponse<String> response = server.post("/sessions/" + sessionId + "/abort", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(response);
    assertThat(body.path("success").asBoolean()).isTrue();
    return body;
  }
}
