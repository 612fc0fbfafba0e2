package dev.cogent.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The A2A surface over real HTTP with the scripted mock model: agent cards by scope, JSON-RPC
 * messages, streaming, tasks/get and tasks/cancel, and the error mapping. Runs on SQLite and
 * PostgreSQL.
 *
 * <p>One server with the same skill and agents serves the whole class: no test changes them, and
 * every test starts tasks (sessions) of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class A2aApiContract {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ALICE = "X-Cognition-Scope-User";

  @TempDir static Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;

  abstract DatabaseKind kind();

  @BeforeAll
  void start() {
    server = TestServer.start(kind(), dir, Map.of("COGENT_SCOPING_ENABLED", "true"), clock);
    createSkill("deploy", "Deploy applications to production");
    createAgent("alice-agent", true, "alice", "[\"deploy\"]");
    createAgent("shared-agent", true, "bob", "[]");
    createAgent("private-agent", false, "alice", "[]");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  void createSkill(String name, String description) {
    String content = "---\\nname: " + name + "\\ndescription: " + description + "\\n---\\nSteps.";
    HttpResponse<String> created =
        server.post(
            "/skills",
            "{\"name\": \"" + name + "\", \"content\": \"" + content + "\", \"scope\": {}}",
            ALICE,
            "alice");
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
  }

  void createAgent(String name, boolean exposed, String user, String skills) {
    HttpResponse<String> created =
        server.post(
            "/agents",
            "{\"name\": \""
                + name
                + "\", \"description\": \"The "
                + name
                + "\", \"system_prompt\": \"Help.\", \"a2a_exposed\": "
                + exposed
                + ", \"skills\": "
                + skills
                + "}",
            ALICE,
            user);
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
  }

  String mockSession(String agent, String user) {
    HttpResponse<String> created =
        server.post(
            "/sessions",
            "{\"agent_name\": \""
                + agent
                + "\", \"config\": {\"provider\": \"mock\", \"model\": \"scripted\"}}",
            ALICE,
            user);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return TestServer.json(created).path("id").asText();
  }

  static String rpc(String method, Object id, Map<String, Object> params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.set("id", JSON.valueToTree(id));
    request.put("method", method);
    request.set("params", JSON.valueToTree(params));
    return request.toString();
  }

  static Map<String, Object> message(String text, String contextId) {
    Map<String, Object> message = new java.util.LinkedHashMap<>();
    message.put("role", "user");
    message.put("messageId", "m-" + text.hashCode());
    message.put("parts", List.of(Map.of("kind", "text", "text", text)));
    if (contextId != null) {
      message.put("contextId", contextId);
    }
    return Map.of("message", message);
  }

  JsonNode call(String agent, String body) {
    HttpResponse<String> response = server.post("/a2a/" + agent, body, ALICE, "alice");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response);
  }

  /** The data lines of an A2A stream, each a JSON-RPC response, until the server ends it. */
  List<JsonNode> stream(String agent, String body, java.util.function.Consumer<JsonNode> onFirst) {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/a2a/" + agent))
            .header("Content-Type", "application/json")
            .header(ALICE, "alice")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    List<JsonNode> frames = new ArrayList<>();
    try {
      HttpResponse<Stream<String>> response =
          HttpClient.newHttpClient()
              .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
              .get(30, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/event-stream");
      try (Stream<String> lines = response.body()) {
        for (String line : (Iterable<String>) lines::iterator) {
          if (line.startsWith("data:")) {
            JsonNode frame = JSON.readTree(line.substring(5).strip());
            frames.add(frame);
            if (frames.size() == 1) {
              onFirst.accept(frame);
            }
          }
        }
      }
      return frames;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void lists_the_cards_of_exposed_agents_visible_in_the_callers_scope() {
    HttpResponse<String> alice = server.get("/.well-known/agent-card.json", ALICE, "alice");
    HttpResponse<String> bob = server.get("/.well-known/agent-card.json", ALICE, "bob");

    assertThat(alice.statusCode()).isEqualTo(200);
    JsonNode cards = TestServer.json(alice).path("cards");
    assertThat(cards.findValuesAsText("name"))
        .contains("alice-agent")
        .doesNotContain("private-agent", "shared-agent", "default", "readonly");
    JsonNode card = cards.get(0);
    assertThat(card.path("name").asText()).isEqualTo("alice-agent");
    assertThat(card.path("description").asText()).isEqualTo("The alice-agent");
    assertThat(card.path("url").asText()).isEqualTo(server.uri("/a2a/alice-agent").toString());
    assertThat(card.path("capabilities").path("streaming").asBoolean()).isTrue();
    assertThat(card.path("capabilities").path("pushNotifications").asBoolean()).isFalse();
    assertThat(card.path("skills").get(0).path("name").asText()).isEqualTo("deploy");
    assertThat(card.path("skills").get(0).path("description").asText())
        .isEqualTo("Deploy applications to production");
    JsonNode bobCards = TestServer.json(bob).path("cards");
    assertThat(bobCards.findValuesAsText("name")).containsExactly("shared-agent");
  }

  @Test
  void serves_one_agents_card_and_404_for_a_hidden_missing_or_unexposed_one() {
    HttpResponse<String> card =
        server.get("/a2a/alice-agent/.well-known/agent-card.json", ALICE, "alice");
    assertThat(card.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(card).path("name").asText()).isEqualTo("alice-agent");

    assertThat(
            server
                .get("/a2a/private-agent/.well-known/agent-card.json", ALICE, "alice")
                .statusCode())
        .isEqualTo(404);
    assertThat(server.get("/a2a/nobody/.well-known/agent-card.json", ALICE, "alice").statusCode())
        .isEqualTo(404);
    assertThat(
            server.get("/a2a/alice-agent/.well-known/agent-card.json", ALICE, "bob").statusCode())
        .isEqualTo(404);
    assertThat(server.get("/a2a/default/.well-known/agent-card.json", ALICE, "alice").statusCode())
        .isEqualTo(404);
  }

  @Test
  void send_message_runs_the_agent_and_answers_the_completed_task() {
    String session = mockSession("alice-agent", "alice");

    JsonNode response =
        call("alice-agent", rpc("SendMessage", "1", message("hello there", session)));

    assertThat(response.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(response.path("id").asText()).isEqualTo("1");
    JsonNode result = response.path("result");
    assertThat(result.path("contextId").asText()).isEqualTo(session);
    assertThat(result.path("status").path("state").asText()).isEqualTo("completed");
    JsonNode agentMessage = result.path("status").path("message");
    assertThat(agentMessage.path("role").asText()).isEqualTo("agent");
    assertThat(agentMessage.path("parts").get(0).path("type").asText()).isEqualTo("text");
    assertThat(agentMessage.path("parts").get(0).path("text").asText())
        .isEqualTo("Echo: hello there");
    String taskId = result.path("taskId").asText();
    assertThat(result.path("id").asText()).isEqualTo(taskId);
    // The task is the session's run.
    HttpResponse<String> run =
        server.get("/sessions/" + session + "/runs/" + taskId, ALICE, "alice");
    assertThat(TestServer.json(run).path("status").asText()).isEqualTo("completed");

    JsonNode task = call("alice-agent", rpc("tasks/get", 2, Map.of("id", taskId)));
    assertThat(task.path("id").asInt()).isEqualTo(2);
    assertThat(task.path("result").path("status").path("state").asText()).isEqualTo("completed");
    assertThat(
            task.path("result")
                .path("status")
                .path("message")
                .path("parts")
                .get(0)
                .path("text")
                .asText())
        .isEqualTo("Echo: hello there");
    assertThat(task.path("result").path("contextId").asText()).isEqualTo(session);
  }

  @Test
  void message_send_continues_the_context_in_the_same_session() {
    String session = mockSession("alice-agent", "alice");

    call("alice-agent", rpc("message/send", "a", message("first", session)));
    JsonNode second = call("alice-agent", rpc("message/send", "b", message("second", session)));

    assertThat(second.path("result").path("status").path("state").asText()).isEqualTo("completed");
    assertThat(second.path("result").path("kind").asText()).isEqualTo("task");
    JsonNode messages =
        TestServer.json(server.get("/sessions/" + session + "/messages", ALICE, "alice"));
    assertThat(messages.path("messages").findValuesAsText("content"))
        .containsExactly("first", "Echo: first", "second", "Echo: second");
  }

  @Test
  void streams_task_states_in_order_ending_with_the_final_one() {
    String session = mockSession("alice-agent", "alice");

    List<JsonNode> frames =
        stream(
            "alice-agent",
            rpc("SendStreamingMessage", 7, message("/reply all good", session)),
            first -> {});

    assertThat(frames).allSatisfy(frame -> assertThat(frame.path("id").asInt()).isEqualTo(7));
    List<String> states =
        frames.stream().map(f -> f.path("result").path("status").path("state").asText()).toList();
    assertThat(states).containsExactly("submitted", "working", "working", "working", "completed");
    assertThat(frames.get(0).path("result").path("kind").asText()).isEqualTo("task");
    assertThat(
            frames
                .get(2)
                .path("result")
                .path("status")
                .path("message")
                .path("parts")
                .get(0)
                .path("text")
                .asText())
        .isEqualTo("all");
    JsonNode last = frames.get(frames.size() - 1).path("result");
    assertThat(last.path("kind").asText()).isEqualTo("status-update");
    assertThat(last.path("final").asBoolean()).isTrue();
    assertThat(last.path("status").path("message").path("parts").get(0).path("text").asText())
        .isEqualTo("all good");
    assertThat(frames.subList(0, frames.size() - 1))
        .noneSatisfy(frame -> assertThat(frame.path("result").path("final").asBoolean()).isTrue());
  }

  @Test
  void tasks_cancel_aborts_a_running_task_and_refuses_an_ended_one() {
    String session = mockSession("alice-agent", "alice");
    String[] taskId = new String[1];
    JsonNode[] cancelled = new JsonNode[1];

    List<JsonNode> frames =
        stream(
            "alice-agent",
            rpc("message/stream", "s", message("/sleep 60000\n/reply too late", session)),
            first -> {
              taskId[0] = first.path("result").path("id").asText();
              cancelled[0] = call("alice-agent", rpc("tasks/cancel", "c", Map.of("id", taskId[0])));
            });

    assertThat(cancelled[0].path("result").path("status").path("state").asText())
        .isEqualTo("canceled");
    assertThat(frames.get(frames.size() - 1).path("result").path("status").path("state").asText())
        .isEqualTo("canceled");
    JsonNode again = call("alice-agent", rpc("tasks/cancel", "d", Map.of("id", taskId[0])));
    assertThat(again.path("error").path("code").asInt()).isEqualTo(-32002);
    JsonNode got = call("alice-agent", rpc("tasks/get", "e", Map.of("id", taskId[0])));
    assertThat(got.path("result").path("status").path("state").asText()).isEqualTo("canceled");
  }

  @Test
  void a_task_of_another_scope_or_agent_is_not_found() {
    String session = mockSession("alice-agent", "alice");
    String taskId =
        call("alice-agent", rpc("SendMessage", 1, message("hi", session)))
            .path("result")
            .path("taskId")
            .asText();

    HttpResponse<String> bob =
        server.post("/a2a/shared-agent", rpc("tasks/get", 2, Map.of("id", taskId)), ALICE, "bob");
    assertThat(TestServer.json(bob).path("error").path("code").asInt()).isEqualTo(-32001);
    JsonNode unknown = call("alice-agent", rpc("tasks/get", 3, Map.of("id", "no-such-task")));
    assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32001);
    assertThat(unknown.path("id").asInt()).isEqualTo(3);
  }

  @Test
  void answers_404_422_and_400_with_the_error_envelope() {
    String valid = rpc("SendMessage", 1, message("hi", null));
    HttpResponse<String> unknown = server.post("/a2a/nobody", valid, ALICE, "alice");
    HttpResponse<String> unexposed = server.post("/a2a/private-agent", valid, ALICE, "alice");
    HttpResponse<String> otherScope = server.post("/a2a/alice-agent", valid, ALICE, "bob");
    HttpResponse<String> wrongVersion =
        server.post(
            "/a2a/alice-agent",
            "{\"jsonrpc\": \"1.0\", \"method\": \"SendMessage\"}",
            ALICE,
            "alice");
    HttpResponse<String> notJson = server.post("/a2a/alice-agent", "{nope", ALICE, "alice");
    HttpResponse<String> noText =
        server.post(
            "/a2a/alice-agent",
            rpc("SendMessage", 1, Map.of("message", Map.of("role", "user", "parts", List.of()))),
            ALICE,
            "alice");
    HttpResponse<String> unsupported =
        server.post("/a2a/alice-agent", rpc("tasks/resubscribe", 1, Map.of()), ALICE, "alice");

    assertThat(List.of(unknown, unexposed, otherScope))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(404));
    assertThat(List.of(wrongVersion, notJson, noText))
        .allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(422));
    assertThat(TestServer.json(wrongVersion).path("details").path("jsonrpc_code").asInt())
        .isEqualTo(-32600);
    assertThat(TestServer.json(notJson).path("details").path("jsonrpc_code").asInt())
        .isEqualTo(-32700);
    assertThat(unsupported.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(unsupported).path("details").path("jsonrpc_code").asInt())
        .isEqualTo(-32601);
  }

  @Test
  void capabilities_report_a2a() {
    JsonNode features =
        TestServer.json(server.get("/capabilities", ALICE, "alice")).path("features");
    assertThat(features.path("a2a").asBoolean()).isTrue();
    assertThat(features.path("a2a_jsonrpc").asBoolean()).isTrue();
    assertThat(features.path("a2a_streaming").asBoolean()).isTrue();
    assertThat(features.path("a2a_per_agent_cards").asBoolean()).isTrue();
    assertThat(features.path("a2a_push_notifications").asBoolean()).isFalse();
  }
}
