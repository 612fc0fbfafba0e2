package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/search} and {@code /api/v1/recall} over real HTTP: request validation, the
 * prerequisites and the history. Runs on SQLite and PostgreSQL.
 */
abstract class MemorySearchApiContract {

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;

  abstract DatabaseKind kind();

  @BeforeEach
  void start() {
    server = TestServer.start(kind(), dir, Map.of(), clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> search(String body) {
    return server.post("/api/v1/search", body);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return TestServer.json(response);
  }

  @Test
  void search_before_anything_is_cognified_is_422_saying_what_to_do() {
    HttpResponse<String> response = search("{\"query\": \"Who designed the engine?\"}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).path("error").asText()).contains("cognify first");
    assertThat(json(response).path("details").path("reason").asText()).isEqualTo("not_cognified");
  }

  @Test
  void recall_with_a_null_search_type_is_routed_and_has_the_same_prerequisites() {
    HttpResponse<String> response =
        server.post("/api/v1/recall", "{\"search_type\": null, \"query\": \"Why?\"}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).path("details").path("reason").asText()).isEqualTo("not_cognified");
  }

  @Test
  void unknown_fields_are_rejected_not_ignored() {
    HttpResponse<String> response = search("{\"query\": \"x\", \"dataset_name\": \"main\"}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("dataset_name");
    assertThat(server.post("/api/v1/recall", "{\"scope\": \"graph\"}").statusCode()).isEqualTo(422);
  }

  @Test
  void skills_and_tools_need_agentic_completion_and_max_iter_must_be_positive() {
    HttpResponse<String> skills =
        search("{\"search_type\": \"GRAPH_COMPLETION\", \"skills\": [\"review\"]}");
    HttpResponse<String> tools = search("{\"tools\": [\"memory_search\"]}");
    HttpResponse<String> maxIter =
        search("{\"search_type\": \"AGENTIC_COMPLETION\", \"max_iter\": 0}");

    assertThat(skills.statusCode()).isEqualTo(422);
    assertThat(json(skills).path("details").path("errors").get(0).path("field").asText())
        .isEqualTo("skills");
    assertThat(tools.statusCode()).isEqualTo(422);
    assertThat(maxIter.statusCode()).isEqualTo(422);
    assertThat(json(maxIter).path("details").path("errors").get(0).path("field").asText())
        .isEqualTo("max_iter");
  }

  @Test
  void unknown_search_types_and_bad_top_k_are_422() {
    assertThat(search("{\"search_type\": \"CODE\"}").statusCode()).isEqualTo(422);
    assertThat(search("{\"top_k\": 0}").statusCode()).isEqualTo(422);
    assertThat(search("{\"topK\": -1}").statusCode()).isEqualTo(422);
  }

  @Test
  void cypher_and_natural_language_say_there_is_no_graph_query_backend() {
    for (String type : new String[] {"CYPHER", "NATURAL_LANGUAGE"}) {
      HttpResponse<String> response =
          search("{\"search_type\": \"" + type + "\", \"query\": \"MATCH (n) RETURN n\"}");

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(json(response).path("error").asText()).contains("graph-query (Cypher) backend");
    }
  }

  @Test
  void a_dataset_name_the_caller_does_not_own_is_404() {
    HttpResponse<String> response = search("{\"datasets\": [\"nowhere\"]}");

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void the_history_starts_empty_for_both_paths() {
    assertThat(json(server.get("/api/v1/search")).isArray()).isTrue();
    assertThat(json(server.get("/api/v1/search"))).isEmpty();
    assertThat(json(server.get("/api/v1/recall"))).isEmpty();
  }
}
