package dev.cogent.api;

import static dev.cogent.api.MemoryHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.api.MemoryHttp.Part;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memory operations over HTTP: forget in every combination, legacy delete and update, remember
 * (with and without a session) and improve (its tasks, agent sessions). SQLite and PostgreSQL.
 */
abstract class MemoryOperationsApiContract extends MemoryUsersApiContract {

  static final String ALICE_TEXT =
      "Alice Smith works at Acme Corp. Acme Corp is located in Berlin.";
  static final String BOB_TEXT = "Bob Jones works at Acme-Corp. Bob Jones lives in Paris.";

  /** A cognified dataset of two documents; answers its id and the data ids. */
  private String[] cognifiedDataset(String name) {
    JsonNode added =
        ok(
            http.post(
                alice,
                "/api/v1/add",
                "{\"data\": [\""
                    + ALICE_TEXT
                    + "\", \""
                    + BOB_TEXT
                    + "\"], \"datasetName\": \""
                    + name
                    + "\"}"));
    String datasetId = added.path("dataset_id").asText();
    ok(http.post(alice, "/api/v1/cognify", "{\"datasets\": [\"" + name + "\"]}"));
    return new String[] {
      datasetId,
      added.path("data_ingestion_info").get(0).path("data_id").asText(),
      added.path("data_ingestion_info").get(1).path("data_id").asText()
    };
  }

  @Test
  void forget_rejects_invalid_combinations_with_422_and_foreign_datasets_with_403() {
    String[] ids = cognifiedDataset("people");
    for (String body :
        List.of(
            "{}",
            "{\"dataset\": \"people\", \"dataset_id\": \"" + ids[0] + "\"}",
            "{\"data_id\": \"" + ids[1] + "\"}",
            "{\"memory_only\": true}",
            "{\"everything\": true, \"dataset\": \"people\"}")) {
      assertThat(http.post(alice, "/api/v1/forget", body).statusCode()).as(body).isEqualTo(422);
    }
    assertThat(
            http.post(alice, "/api/v1/forget", "{\"dataset\": \"people\", \"extra\": 1}")
                .statusCode())
        .isEqualTo(422);
    assertThat(
            http.post(bob, "/api/v1/forget", "{\"dataset_id\": \"" + ids[0] + "\"}").statusCode())
        .isEqualTo(403);
    assertThat(http.post(bob, "/api/v1/forget", "{\"dataset\": \"people\"}").statusCode())
        .isEqualTo(404);
    assertThat(ok(http.get(alice, "/api/v1/datasets"))).hasSize(1);
  }

  @Test
  void forget_memory_only_keeps_data_and_files_and_cognify_rebuilds_it() {
    String[] ids = cognifiedDataset("people");

    JsonNode one =
        ok(
            http.post(
                alice,
                "/api/v1/forget",
                "{\"datasetId\": \""
                    + ids[0]
                    + "\", \"dataId\": \""
                    + ids[2]
                    + "\", \"memoryOnly\": true}"));
    assertThat(one.path("memory_only").asBoolean()).isTrue();
    assertThat(one.path("nodes_removed").asLong()).isPositive();
    assertThat(http.nodeLabels(alice, ids[0])).contains("Alice Smith").doesNotContain("Bob Jones");

    JsonNode all =
        ok(http.post(alice, "/api/v1/forget", "{\"dataset\": \"people\", \"memory_only\": true}"));
    assertThat(all.path("data_items_reset").asInt()).isEqualTo(2);
    assertThat(http.nodeLabels(alice, ids[0])).isEmpty();
    JsonNode data = ok(http.get(alice, "/api/v1/datasets/" + ids[0] + "/data"));
    assertThat(data).hasSize(2);
    assertThat(data.get(0).path("status").asText()).isEqualTo("pending");
    assertThat(http.get(alice, "/api/v1/datasets/" + ids[0] + "/data/" + ids[1] + "/raw").body())
        .isEqualTo(ALICE_TEXT);

    JsonNode rerun = ok(http.post(alice, "/api/v1/cognify", "{\"datasets\": [\"people\"]}"));
    assertThat(rerun.path(ids[0]).path("payload").path("processed_items").asInt()).isEqualTo(2);
    assertThat(http.nodeLabels(alice, ids[0])).contains("Alice Smith", "Bob Jones");
  }

  @Test
  void forget_removes_one_item_a_dataset_or_everything_the_caller_owns() {
    String[] ids = cognifiedDataset("people");
    cognifiedDataset("second");
    ok(http.post(bob, "/api/v1/add", "{\"data\": \"Carol\", \"datasetName\": \"bobs\"}"));

    JsonNode item =
        ok(
            http.post(
                alice,
                "/api/v1/forget",
                "{\"dataset_id\": \"" + ids[0] + "\", \"data_id\": \"" + ids[2] + "\"}"));
    assertThat(item.path("data_id").asText()).isEqualTo(ids[2]);
    assertThat(ok(http.get(alice, "/api/v1/datasets/" + ids[0] + "/data"))).hasSize(1);
    assertThat(http.nodeLabels(alice, ids[0])).contains("Acme Corp").doesNotContain("Bob Jones");

    JsonNode dataset = ok(http.post(alice, "/api/v1/forget", "{\"dataset\": \"people\"}"));
    assertThat(dataset.path("dataset_id").asText()).isEqualTo(ids[0]);
    assertThat(ok(http.get(alice, "/api/v1/datasets"))).hasSize(1);

    JsonNode everything = ok(http.post(alice, "/api/v1/forget", "{\"everything\": true}"));
    assertThat(everything.path("datasets_removed").asInt()).isEqualTo(1);
    assertThat(ok(http.get(alice, "/api/v1/datasets"))).isEmpty();
    assertThat(ok(http.get(bob, "/api/v1/datasets"))).hasSize(1);
  }

  @Test
  void legacy_delete_and_update_replace_one_document() {
    String[] ids = cognifiedDataset("people");

    var updated =
        http.multipart(
            alice,
            "PATCH",
            "/api/v1/update?data_id=" + ids[2] + "&dataset_id=" + ids[0],
            List.of(Part.file("data", "dana.txt", "text/plain", "Dana White leads Initech Corp.")));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(TestServer.json(updated).path(ids[0]).path("status").asText())
        .isEqualTo("PipelineRunCompleted");
    assertThat(http.nodeLabels(alice, ids[0]))
        .contains("Dana White", "Alice Smith")
        .doesNotContain("Bob Jones");
    assertThat(
            http.multipart(
                    bob,
                    "PATCH",
                    "/api/v1/update?data_id=" + ids[1] + "&dataset_id=" + ids[0],
                    List.of(Part.file("data", "x.txt", "text/plain", "X")))
                .statusCode())
        .isEqualTo(403);

    assertThat(
            http.delete(
                    alice,
                    "/api/v1/delete?data_id=" + ids[1] + "&dataset_id=" + ids[0] + "&mode=bad")
                .statusCode())
        .isEqualTo(422);
    JsonNode deleted =
        ok(
            http.delete(
                alice,
                "/api/v1/delete?data_id=" + ids[1] + "&dataset_id=" + ids[0] + "&mode=soft"));
    assertThat(deleted.path("dataset_deleted").asBoolean()).isFalse();
    assertThat(http.nodeLabels(alice, ids[0])).doesNotContain("Alice Smith").contains("Dana White");
    String dana =
        ok(http.get(alice, "/api/v1/datasets/" + ids[0] + "/data")).get(0).path("id").asText();
    JsonNode last =
        ok(
            http.post(
                alice,
                "/api/v1/delete?data_id="
                    + dana
                    + "&dataset_id="
                    + ids[0]
                    + "&delete_dataset_if_empty=true",
                ""));
    assertThat(last.path("dataset_deleted").asBoolean()).isTrue();
    assertThat(ok(http.get(alice, "/api/v1/datasets"))).isEmpty();
  }

  @Test
  void remember_adds_cognifies_and_improves_in_one_call() {
    var response =
        http.multipart(
            alice,
            "POST",
            "/api/v1/remember",
            List.of(
                Part.field("datasetName", "notes"),
                Part.file("data", "note.txt", "text/plain", ALICE_TEXT)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = TestServer.json(response);

    assertThat(result.path("status").asText()).isEqualTo("completed");
    assertThat(result.path("dataset_name").asText()).isEqualTo("notes");
    assertThat(result.path("items_processed").asInt()).isEqualTo(1);
    assertThat(result.path("items").get(0).path("token_count").asInt()).isPositive();
    assertThat(result.path("content_hash").asText()).hasSize(64);
    String datasetId = result.path("dataset_id").asText();
    assertThat(http.nodeLabels(alice, datasetId)).contains("Alice Smith", "Acme Corp");
    assertThat(
            ok(http.get(
                    alice,
                    "/api/v1/datasets/status?dataset="
                        + datasetId
                        + "&pipeline=improve_pipeline&pipeline=cognify_pipeline"))
                .path(datasetId)
                .path("improve_pipeline")
                .asText())
        .isEqualTo("DATASET_PROCESSING_COMPLETED");
    assertThat(http.post(alice, "/api/v1/remember", "{\"data\": \"x\"}").statusCode())
        .isEqualTo(400);
    assertThat(
            http.post(
                    alice,
                    "/api/v1/remember",
                    "{\"data\": \"x\", \"datasetName\": \"n\", \"graph_model\": 3}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void remember_and_add_store_labels_and_external_metadata_per_file() {
    var remembered =
        http.multipart(
            alice,
            "POST",
            "/api/v1/remember",
            List.of(
                Part.field("datasetName", "labelled"),
                Part.file("data", "alice.txt", "text/plain", ALICE_TEXT),
                Part.file("data", "bob.txt", "text/plain", BOB_TEXT),
                Part.field("labels", "people,"),
                Part.field("external_metadata", "[{\"source\": \"crm\", \"rank\": 2}, null]"),
                Part.field("chunks_per_batch", "36"),
                Part.field("self_improvement", "false")));
    assertThat(remembered.statusCode()).as(remembered.body()).isEqualTo(200);
    String datasetId = TestServer.json(remembered).path("dataset_id").asText();
    ok(
        http.post(
            alice,
            "/api/v1/add",
            "{\"data\": [\"Carol Wu founded Initech.\"], \"datasetId\": \""
                + datasetId
                + "\", \"labels\": [\"companies\"], \"external_metadata\": [{\"from\":"
                + " \"json\"}]}"));

    Map<String, JsonNode> items = new java.util.HashMap<>();
    ok(http.get(alice, "/api/v1/datasets/" + datasetId + "/data"))
        .forEach(item -> items.put(item.path("name").asText(), item));
    assertThat(items.get("alice.txt").path("label").asText()).isEqualTo("people");
    assertThat(items.get("alice.txt").path("externalMetadata").path("source").asText())
        .isEqualTo("crm");
    assertThat(items.get("alice.txt").path("externalMetadata").path("rank").asInt()).isEqualTo(2);
    assertThat(items.get("bob.txt").path("label").isNull()).isTrue();
    assertThat(items.get("bob.txt").path("externalMetadata").isEmpty()).isTrue();
    assertThat(items.get("text.txt").path("label").asText()).isEqualTo("companies");
    assertThat(items.get("text.txt").path("externalMetadata").path("from").asText())
        .isEqualTo("json");
  }

  @Test
  void remember_add_and_cognify_reject_the_fields_they_cannot_honour() {
    List<Part> base =
        List.of(
            Part.field("datasetName", "strict"),
            Part.file("data", "a.txt", "text/plain", ALICE_TEXT));

    assertThat(rememberWith(base, Part.field("no_such_field", "x")).statusCode()).isEqualTo(422);
    assertThat(rememberWith(base, Part.field("labels", "[\"a\", \"b\"]")).statusCode())
        .isEqualTo(400);
    assertThat(
            rememberWith(base, Part.field("external_metadata", "[{\"node_set\": \"x\"}]"))
                .statusCode())
        .isEqualTo(400);
    assertThat(rememberWith(base, Part.field("ontology_key", "finance")).statusCode())
        .isEqualTo(409);
    assertThat(rememberWith(base, Part.field("import_mode", "preserve")).statusCode())
        .isEqualTo(400);
    assertThat(rememberWith(base, Part.field("chunks_per_batch", "0")).statusCode()).isEqualTo(422);
    assertThat(
            http.multipart(
                    alice,
                    "POST",
                    "/api/v1/add",
                    List.of(
                        Part.field("datasetName", "strict"),
                        Part.file("data", "a.txt", "text/plain", ALICE_TEXT),
                        Part.field("labelz", "x")))
                .statusCode())
        .isEqualTo(422);
    String datasetId =
        ok(http.post(alice, "/api/v1/add", "{\"data\": \"x y z\", \"datasetName\": \"strict\"}"))
            .path("dataset_id")
            .asText();
    var cognify =
        http.post(
            alice,
            "/api/v1/cognify",
            "{\"datasets\": [\"strict\"], \"ontology_key\": [\"finance\"]}");

    assertThat(cognify.statusCode()).isEqualTo(409);
    assertThat(cognify.body()).contains("Unknown ontology key 'finance'");
    // None of the refused requests stored anything.
    assertThat(ok(http.get(alice, "/api/v1/datasets/" + datasetId + "/data"))).hasSize(1);
  }

  private java.net.http.HttpResponse<String> rememberWith(List<Part> base, Part extra) {
    List<Part> parts = new java.util.ArrayList<>(base);
    parts.add(extra);
    return http.multipart(alice, "POST", "/api/v1/remember", parts);
  }

  @Test
  void remember_with_a_session_keeps_session_memory_and_bridges_it_in_the_background() {
    JsonNode result =
        ok(
            http.post(
                alice,
                "/api/v1/remember",
                "{\"data\": \"Erin Stone designs Hooli Inc.\", \"dataset_name\": \"chat\","
                    + " \"session_id\": \"s-1\"}"));

    assertThat(result.path("status").asText()).isEqualTo("session_stored");
    assertThat(result.path("session_ids").get(0).asText()).isEqualTo("s-1");
    String runId = result.path("pipeline_run_id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        ok(http.get(alice, "/api/v1/cognify/runs/" + runId))
                            .path("status")
                            .asText())
                    .isEqualTo("PipelineRunCompleted"));
    String datasetId = result.path("dataset_id").asText();
    assertThat(http.nodeLabels(alice, datasetId)).contains("Erin Stone", "Hooli Inc");
    JsonNode data = ok(http.get(alice, "/api/v1/datasets/" + datasetId + "/data"));
    assertThat(data.get(0).path("nodeSet").get(0).asText()).isEqualTo("user_sessions_from_cache");
  }

  @Test
  void improve_merges_duplicate_entities_weighs_them_and_rejects_unknown_tasks() {
    String[] ids = cognifiedDataset("people");
    assertThat(http.nodeLabels(alice, ids[0])).contains("Acme Corp", "Acme-Corp");

    assertThat(
            http.post(
                    alice,
                    "/api/v1/improve",
                    "{\"dataset_id\": \"" + ids[0] + "\", \"extraction_tasks\": [\"nope\"]}")
                .statusCode())
        .isEqualTo(422);
    assertThat(http.post(alice, "/api/v1/improve", "{}").statusCode()).isEqualTo(400);
    assertThat(
            http.post(bob, "/api/v1/improve", "{\"dataset_id\": \"" + ids[0] + "\"}").statusCode())
        .isEqualTo(403);

    JsonNode improved =
        ok(
            http.post(
                alice,
                "/api/v1/improve",
                "{\"datasetId\": \""
                    + ids[0]
                    + "\", \"extractionTasks\": [\"extract_subgraph\","
                    + " \"detect_entity_duplicates\"], \"enrichmentTasks\":"
                    + " [\"merge_entity_duplicates\", \"apply_frequency_weights\","
                    + " \"index_data_points\"]}"));

    JsonNode run = improved.path(ids[0]);
    assertThat(run.path("status").asText()).isEqualTo("PipelineRunCompleted");
    assertThat(run.path("payload").path("pipeline_name").asText()).isEqualTo("improve_pipeline");
    assertThat(run.path("payload").path("processed_items").asInt()).isEqualTo(5);
    JsonNode graph = ok(http.get(alice, "/api/v1/datasets/" + ids[0] + "/graph"));
    List<JsonNode> acme = new java.util.ArrayList<>();
    graph
        .path("nodes")
        .forEach(
            n -> {
              if (n.path("label").asText().startsWith("Acme")
                  && !n.path("type").asText().equals("EntityType")) {
                acme.add(n);
              }
            });
    assertThat(acme).hasSize(1);
    assertThat(acme.get(0).path("properties").path("frequency").asInt()).isEqualTo(2);
    List<String> worksAt = new java.util.ArrayList<>();
    graph
        .path("edges")
        .forEach(
            e -> {
              if (e.path("label").asText().equals("works_at")) {
                worksAt.add(e.path("target").asText());
              }
            });
    assertThat(worksAt).hasSize(2).containsOnly(acme.get(0).path("id").asText());
  }

  @Test
  void improve_turns_a_cogent_agent_session_into_memory() {
    ok(http.post(alice, "/api/v1/datasets", "{\"name\": \"agents\"}"));
    String sessionId =
        TestServer.json(
                server.post(
                    "/sessions",
                    "{\"config\": {\"provider\": \"mock\", \"model\": \"m\"}}",
                    "Authorization",
                    alice))
            .path("id")
            .asText();
    try (SseClient stream =
        SseClient.post(
            server,
            "/sessions/" + sessionId + "/messages",
            "{\"content\": \"Frank Ocean joined Umbrella Corp.\"}",
            "Authorization",
            alice)) {
      assertThat(stream.status()).isEqualTo(200);
      stream.readToEnd(Duration.ofSeconds(30));
    }

    JsonNode improved =
        ok(
            http.post(
                alice,
                "/api/v1/improve",
                "{\"dataset_name\": \"agents\", \"session_ids\": [\"" + sessionId + "\"]}"));

    String datasetId = improved.fieldNames().next();
    assertThat(improved.path(datasetId).path("status").asText()).isEqualTo("PipelineRunCompleted");
    assertThat(http.nodeLabels(alice, datasetId)).contains("Frank Ocean", "Umbrella Corp");
    // Bob's scope does not hold Alice's session: nothing of it becomes his memory.
    ok(http.post(bob, "/api/v1/datasets", "{\"name\": \"agents\"}"));
    JsonNode bobs =
        ok(
            http.post(
                bob,
                "/api/v1/improve",
                "{\"dataset_name\": \"agents\", \"session_ids\": [\"" + sessionId + "\"]}"));
    assertThat(http.nodeLabels(bob, bobs.fieldNames().next())).isEmpty();
  }
}
