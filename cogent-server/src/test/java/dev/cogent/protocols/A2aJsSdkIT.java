package dev.cogent.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.NpmPackages;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The A2A endpoint spoken to by {@code @a2a-js/sdk}'s client (pinned, installed once into {@code
 * target/npm-cache/a2a-js-sdk}) run by node: card resolution, a blocking and a streamed message,
 * and {@code tasks/get}. Skipped, with the reason, without node, npm or the registry on the first
 * run. SQLite only: the storage behind A2A is covered on both databases by {@link
 * A2aJavaSdkContract}.
 */
class A2aJsSdkIT {

  private static final String PACKAGE = "@a2a-js/sdk";

  /**
   * The last release of the A2A 0.3 line, which this server speaks; the 1.x releases speak A2A 1.0
   * and reach 0.3 servers only through an opt-in compatibility layer.
   */
  private static final String VERSION = "0.3.14";

  private static final String AGENT = "js-agent";

  private static final String SCRIPT =
      """
      import { ClientFactory } from "@a2a-js/sdk/client";
      const client = await new ClientFactory().createFromUrl(process.argv[2]);
      const card = await client.getAgentCard();
      const message = (text) => ({ kind: "message", role: "user", messageId: crypto.randomUUID(),
        parts: [{ kind: "text", text }] });
      const sent = await client.sendMessage({ message: message("hello there"),
        configuration: { blocking: true } });
      const events = [];
      for await (const event of client.sendMessageStream({ message: message("/reply all good") })) {
        events.push(event);
      }
      const got = await client.getTask({ id: sent.id });
      console.log(JSON.stringify({ card, sent, events, got }));
      """;

  @TempDir Path dir;
  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void the_js_sdk_client_resolves_the_card_sends_streams_and_gets_the_task() throws Exception {
    Path prefix = Path.of("target", "npm-cache", "a2a-js-sdk").toAbsolutePath();
    NpmPackages.install(prefix, PACKAGE, VERSION, dir.resolve("npm.log"));
    server =
        TestServer.start(
            DatabaseKind.SQLITE, dir, Map.of(), MutableClock.at("2026-03-02T12:00:00Z"));
    HttpResponse<String> created =
        server.post(
            "/agents",
            "{\"name\": \""
                + AGENT
                + "\", \"description\": \"Answers over A2A\", \"system_prompt\": \"Help.\","
                + " \"model\": \"mock:scripted\", \"a2a_exposed\": true}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    JsonNode answer =
        new ObjectMapper()
            .readTree(
                NpmPackages.runScript(
                    prefix,
                    SCRIPT,
                    dir.resolve("node.log"),
                    server.uri("/a2a/" + AGENT + "/").toString()));

    JsonNode card = answer.path("card");
    assertThat(card.path("name").asText()).isEqualTo(AGENT);
    assertThat(card.path("url").asText()).isEqualTo(server.uri("/a2a/" + AGENT).toString());
    assertThat(card.path("capabilities").path("streaming").asBoolean()).isTrue();

    JsonNode sent = answer.path("sent");
    assertThat(sent.path("kind").asText()).isEqualTo("task");
    assertThat(sent.path("status").path("state").asText()).isEqualTo("completed");
    assertThat(text(sent.path("status").path("message"))).isEqualTo("Echo: hello there");
    assertThat(sent.path("contextId").asText()).isNotBlank();

    List<JsonNode> events = new ArrayList<>();
    answer.path("events").forEach(events::add);
    assertThat(events).isNotEmpty();
    assertThat(events.get(0).path("kind").asText()).isEqualTo("task");
    String streamedTask = events.get(0).path("id").asText();
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("kind").asText()).isEqualTo("status-update");
    assertThat(last.path("final").asBoolean()).isTrue();
    assertThat(last.path("taskId").asText()).isEqualTo(streamedTask);
    assertThat(last.path("status").path("state").asText()).isEqualTo("completed");
    assertThat(text(last.path("status").path("message"))).isEqualTo("all good");

    JsonNode got = answer.path("got");
    assertThat(got.path("id").asText()).isEqualTo(sent.path("id").asText());
    assertThat(got.path("contextId").asText()).isEqualTo(sent.path("contextId").asText());
    assertThat(got.path("status").path("state").asText()).isEqualTo("completed");
    assertThat(text(got.path("status").path("message"))).isEqualTo("Echo: hello there");
  }

  private static String text(JsonNode message) {
    StringBuilder text = new StringBuilder();
    message.path("parts").forEach(part -> text.append(part.path("text").asText()));
    return text.toString();
  }
}
