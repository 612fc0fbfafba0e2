package dev.cogent.api;

import static dev.cogent.api.MemoryHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.TestServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Feedback on memory over HTTP (issue #7): recall in a session stores QA entries, remember/entry
 * rates them or stores agent traces, and improve's feedback tasks apply them. SQLite and
 * PostgreSQL.
 */
abstract class MemoryFeedbackApiContract extends MemoryUsersApiContract {

  static final String TEXT =
      "Alice Smith works at Acme Corp. Acme Corp is located in Berlin. Bob Jones lives in Paris.";
  static final String QUERY = "Where does Alice Smith work?";

  private String cognifiedDataset() {
    JsonNode added =
        ok(
            http.post(
                alice, "/api/v1/add", "{\"data\": [\"" + TEXT + "\"], \"datasetName\": \"kb\"}"));
    ok(http.post(alice, "/api/v1/cognify", "{\"datasets\": [\"kb\"]}"));
    return added.path("dataset_id").asText();
  }

  private String recallInSession(String datasetId, String session) {
    JsonNode items =
        ok(
            http.post(
                alice,
                "/api/v1/recall",
                "{\"search_type\": \"GRAPH_COMPLETION\", \"dataset_ids\": [\""
                    + datasetId
                    + "\"], \"query\": \""
                    + QUERY
                    + "\", \"top_k\": 1, \"only_context\": true, \"session_id\": \""
                    + session
                    + "\"}"));
    assertThat(items).hasSize(1);
    return items.get(0).path("metadata").path("qa_id").asText();
  }

  /**
   * The graph's nodes whose feedback weight moved, with their weights (the anchor's graph wire
   * shows no edge properties).
   */
  private Map<String, Double> weighed(String datasetId) {
    JsonNode graph = ok(http.get(alice, "/api/v1/datasets/" + datasetId + "/graph"));
    Map<String, Double> weights = new LinkedHashMap<>();
    for (JsonNode node : graph.path("nodes")) {
      JsonNode weight = node.path("properties").path("feedback_weight");
      if (!weight.isMissingNode()) {
        weights.put(node.path("id").asText(), weight.asDouble());
      }
    }
    return weights;
  }

  private JsonNode improve(String datasetId, String... tasks) {
    return ok(
        http.post(
            alice,
            "/api/v1/improve",
            "{\"dataset_id\": \""
                + datasetId
                + "\", \"enrichment_tasks\": [\""
                + String.join("\", \"", tasks)
                + "\"]}"));
  }

  @Test
  void feedback_on_a_session_answer_weighs_exactly_the_nodes_and_edges_it_used_once() {
    String datasetId = cognifiedDataset();
    JsonNode used =
        ok(http.post(
                alice,
                "/api/v1/search",
                "{\"search_type\": \"GRAPH_COMPLETION\", \"dataset_ids\": [\""
                    + datasetId
                    + "\"], \"query\": \""
                    + QUERY
                    + "\", \"top_k\": 1, \"only_context\": true, \"verbose\": true}"))
            .get(0)
            .path("objects_result")
            .get(0);
    String qaId = recallInSession(datasetId, "s-1");
    assertThat(qaId).isNotBlank();

    JsonNode stored =
        ok(
            http.post(
                alice,
                "/api/v1/remember/entry",
                "{\"dataset_id\": \""
                    + datasetId
                    + "\", \"session_id\": \"s-1\", \"entry\": {\"type\": \"feedback\","
                    + " \"qa_id\": \""
                    + qaId
                    + "\", \"feedback_score\": 5, \"feedback_text\": \"spot on\"}}"));
    assertThat(stored.path("entry_type").asText()).isEqualTo("feedback");
    assertThat(stored.path("entry_id").asText()).isEqualTo(qaId);
    assertThat(weighed(datasetId)).isEmpty();

    JsonNode run = improve(datasetId, "apply_feedback_weights").path(datasetId);
    assertThat(run.path("status").asText()).isEqualTo("PipelineRunCompleted");
    // Score 5 normalises to 1; the neutral 0.5 moves halfway there.
    assertThat(weighed(datasetId))
        .containsOnly(
            Map.entry(used.path("source").path("id").asText(), 0.75),
            Map.entry(used.path("target").path("id").asText(), 0.75));

    improve(datasetId, "apply_feedback_weights");
    assertThat(weighed(datasetId))
        .hasSize(2)
        .allSatisfy((id, weight) -> assertThat(weight).isEqualTo(0.75));
  }

  private JsonNode topTriplets(String datasetId, int topK) {
    return ok(http.post(
            alice,
            "/api/v1/search",
            "{\"search_type\": \"GRAPH_COMPLETION\", \"dataset_ids\": [\""
                + datasetId
                + "\"], \"query\": \""
                + QUERY
                + "\", \"top_k\": "
                + topK
                + ", \"only_context\": true, \"verbose\": true}"))
        .get(0)
        .path("objects_result");
  }

  @Test
  void with_feedback_influence_a_positively_rated_triplet_scores_closer() {
    server.close();
    server =
        TestServer.start(
            kind(),
            dir.resolve("influence"),
            Map.of(
                "COGENT_REQUIRE_AUTHENTICATION", "true", "COGENT_MEMORY_FEEDBACK_INFLUENCE", "1"),
            clock);
    http = new MemoryHttp(server);
    http.user("admin@example.com");
    alice = http.user("alice@example.com");
    String datasetId = cognifiedDataset();
    JsonNode before = topTriplets(datasetId, 10);
    assertThat(before.size()).isGreaterThan(1);
    JsonNode second = before.get(1);
    String entry =
        "{\"dataset_id\": \""
            + datasetId
            + "\", \"entry\": {\"type\": \"qa\", \"qa_id\": \"q-1\", \"question\": \"q\","
            + " \"answer\": \"a\", \"used_graph_element_ids\": [\""
            + second.path("source").path("id").asText()
            + "\", \""
            + second.path("id").asText()
            + "\", \""
            + second.path("target").path("id").asText()
            + "\"]}}";
    ok(http.post(alice, "/api/v1/remember/entry", entry));
    String rate =
        "{\"dataset_id\": \""
            + datasetId
            + "\", \"entry\": {\"type\": \"feedback\", \"qa_id\": \"q-1\","
            + " \"feedback_score\": 5}}";
    for (int round = 0; round < 3; round++) {
      ok(http.post(alice, "/api/v1/remember/entry", rate));
      improve(datasetId, "apply_feedback_weights");
    }

    // Three ratings of 5 move the weight 0.5 -> 0.75 -> 0.875 -> 0.9375; with influence 1 every
    // term of the triplet's score is multiplied by 1 - (0.9375 - 0.5).
    JsonNode after = topTriplets(datasetId, 10);
    double rescored = -1;
    int rank = -1;
    for (int i = 0; i < after.size(); i++) {
      if (after.get(i).path("id").asText().equals(second.path("id").asText())) {
        rescored = after.get(i).path("score").asDouble();
        rank = i;
      }
    }
    assertThat(rescored)
        .isCloseTo(
            second.path("score").asDouble() * 0.5625, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(rank).isBetween(0, 1);
    assertThat(after.get(0).path("score").asDouble())
        .isLessThanOrEqualTo(before.get(0).path("score").asDouble());
  }

  @Test
  void trace_feedback_becomes_graph_memory_through_the_trace_tasks() {
    String datasetId = cognifiedDataset();
    JsonNode stored =
        ok(
            http.post(
                alice,
                "/api/v1/remember/entry",
                "{\"dataset_name\": \"kb\", \"entry\": {\"type\": \"trace\", \"trace_id\": \"t-1\","
                    + " \"origin_function\": \"plan\", \"status\": \"success\", \"memory_query\":"
                    + " \"who\", \"memory_context\": \"ctx\", \"method_return_value\": {\"n\": 1},"
                    + " \"error_message\": null, \"session_feedback\": \"Frank Ocean joined"
                    + " Umbrella Corp.\"}}"));
    assertThat(stored.path("entry_type").asText()).isEqualTo("trace");
    assertThat(stored.path("entry_id").asText()).isEqualTo("t-1");
    assertThat(http.nodeLabels(alice, datasetId)).doesNotContain("Frank Ocean");

    JsonNode run =
        ok(http.post(
                alice,
                "/api/v1/improve",
                "{\"dataset_id\": \""
                    + datasetId
                    + "\", \"extraction_tasks\": [\"extract_agent_trace_feedbacks\"],"
                    + " \"enrichment_tasks\": [\"cognify_agent_trace_feedback\"]}"))
            .path(datasetId);

    assertThat(run.path("status").asText()).isEqualTo("PipelineRunCompleted");
    assertThat(http.nodeLabels(alice, datasetId)).contains("Frank Ocean", "Umbrella Corp");
  }

  @Test
  void remember_entry_rejects_unknown_answers_unsupported_types_and_other_users() {
    String datasetId = cognifiedDataset();
    String qaId = recallInSession(datasetId, "s-1");
    String feedback =
        "{\"dataset_id\": \""
            + datasetId
            + "\", \"session_id\": \"%s\", \"entry\": {\"type\": \"feedback\", \"qa_id\": \"%s\","
            + " \"feedback_score\": %d}}";

    assertThat(
            http.post(alice, "/api/v1/remember/entry", feedback.formatted("s-1", "nope", 4))
                .statusCode())
        .isEqualTo(404);
    // Another session's answer is not found either.
    assertThat(
            http.post(alice, "/api/v1/remember/entry", feedback.formatted("s-2", qaId, 4))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            http.post(alice, "/api/v1/remember/entry", feedback.formatted("s-1", qaId, 6))
                .statusCode())
        .isEqualTo(422);
    assertThat(
            http.post(bob, "/api/v1/remember/entry", feedback.formatted("s-1", qaId, 4))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.post(
                    alice,
                    "/api/v1/remember/entry",
                    "{\"dataset_id\": \"" + datasetId + "\", \"entry\": {\"type\": \"skill_run\"}}")
                .body())
        .contains("not supported");
    assertThat(
            http.post(alice, "/api/v1/remember/entry", "{\"entry\": {\"type\": \"qa\"}}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            http.post(
                    alice,
                    "/api/v1/remember/entry",
                    "{\"dataset_id\": \""
                        + datasetId
                        + "\", \"entry\": {\"type\": \"qa\", \"question\": \"q\", \"answer\": \"a\"}}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.post(alice, "/api/v1/remember/entry", feedback.formatted("s-1", qaId, 2))
                .statusCode())
        .isEqualTo(200);
  }
}
