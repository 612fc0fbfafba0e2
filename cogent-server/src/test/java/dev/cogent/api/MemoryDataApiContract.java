package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.http.OpenApiContract;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Memory data over HTTP: datasets, add (JSON and multipart), cognify (blocking and background) with
 * the heuristic extractor, the graph, provenance-aware deletes and permissions. SQLite and
 * PostgreSQL.
 */
abstract class MemoryDataApiContract extends MemoryUsersApiContract {

  private static final OpenApiContract CONTRACT = OpenApiContract.load();

  @Test
  void datasets_are_created_idempotently_by_name_and_only_readable_ones_are_listed() {
    JsonNode first = ok(post(alice, "/api/v1/datasets", "{\"name\": \"research\"}"));
    JsonNode again = ok(post(alice, "/api/v1/datasets", "{\"name\": \"research\"}"));
    ok(post(bob, "/api/v1/datasets", "{\"name\": \"research\"}"));

    assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(first.has("createdAt")).isTrue();
    assertThat(ok(get(alice, "/api/v1/datasets"))).hasSize(1);
    String id = first.path("id").asText();
    assertThat(get(bob, "/api/v1/datasets/" + id + "/data").statusCode()).isEqualTo(403);
    assertThat(delete(bob, "/api/v1/datasets/" + id).statusCode()).isEqualTo(403);
    assertThat(
            get(alice, "/api/v1/datasets/00000000-0000-0000-0000-000000000000/graph").statusCode())
        .isEqualTo(404);

    ok(delete(alice, "/api/v1/datasets/" + id));
    assertThat(ok(get(alice, "/api/v1/datasets"))).isEmpty();
  }

  @Test
  void add_then_cognify_builds_one_graph_with_shared_entities_and_provenance_aware_deletes() {
    JsonNode added =
        ok(
            post(
                alice,
                "/api/v1/add",
                "{\"data\": \"Alice Smith works at Acme Corp. Acme Corp is located in Berlin.\","
                    + " \"datasetName\": \"people\", \"node_set\": [\"team\"]}"));
    String datasetId = added.path("dataset_id").asText();
    assertThat(added.path("status").asText()).isEqualTo("PipelineRunCompleted");
    HttpResponse<String> file =
        multipart(
            alice,
            List.of(
                new Part("datasetName", null, null, "people"),
                new Part(
                    "data",
                    "bob.md",
                    "text/markdown",
                    "# Bob\n\nBob Jones manages Acme Corp. Bob Jones lives in Paris.")));
    assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
    String bobDataId =
        TestServer.json(file).path("data_ingestion_info").get(0).path("data_id").asText();
    // The same text again is not a new data item.
    ok(
        post(
            alice,
            "/api/v1/add",
            "{\"data\": \"Alice Smith works at Acme Corp. Acme Corp is located in Berlin.\", \"datasetId\": \""
                + datasetId
                + "\"}"));
    assertThat(ok(get(alice, "/api/v1/datasets/" + datasetId + "/data"))).hasSize(2);

    JsonNode cognified = ok(post(alice, "/api/v1/cognify", "{\"datasets\": [\"people\"]}"));

    JsonNode run = cognified.path(datasetId);
    assertThat(run.path("status").asText()).isEqualTo("PipelineRunCompleted");
    assertThat(run.path("payload").path("extractor").asText()).isEqualTo("heuristic");
    assertThat(run.path("payload").path("processed_items").asInt()).isEqualTo(2);
    JsonNode graph = ok(get(alice, "/api/v1/datasets/" + datasetId + "/graph"));
    List<String> labels = new ArrayList<>();
    graph.path("nodes").forEach(n -> labels.add(n.path("label").asText()));
    assertThat(labels).containsOnlyOnce("Acme Corp").contains("Alice Smith", "Bob Jones", "Berlin");
    List<String> relations = new ArrayList<>();
    graph.path("edges").forEach(e -> relations.add(e.path("label").asText()));
    assertThat(relations).contains("works_at", "manages", "is_a");
    assertThat(
            ok(get(alice, "/api/v1/datasets/status?dataset=" + datasetId)).path(datasetId).asText())
        .isEqualTo("DATASET_PROCESSING_COMPLETED");
    JsonNode summary = ok(get(alice, "/api/v1/datasets/graph-summary?dataset_ids=" + datasetId));
    assertThat(summary.get(0).path("numNodes").asLong()).isPositive();
    HttpResponse<String> raw =
        get(alice, "/api/v1/datasets/" + datasetId + "/data/" + bobDataId + "/raw");
    assertThat(raw.body()).startsWith("# Bob");

    ok(delete(alice, "/api/v1/datasets/" + datasetId + "/data/" + bobDataId));

    JsonNode after = ok(get(alice, "/api/v1/datasets/" + datasetId + "/graph"));
    List<String> left = new ArrayList<>();
    after.path("nodes").forEach(n -> left.add(n.path("label").asText()));
    assertThat(left).contains("Acme Corp", "Alice Smith").doesNotContain("Bob Jones", "Paris");
    // Cognify again is incremental: nothing is pending.
    JsonNode rerun =
        ok(post(alice, "/api/v1/cognify", "{\"dataset_ids\": [\"" + datasetId + "\"]}"));
    assertThat(rerun.path(datasetId).path("payload").path("total_items").asInt()).isZero();
  }

  @Test
  void cognify_in_the_background_is_polled_to_completion() {
    String datasetId =
        ok(post(
                alice,
                "/api/v1/add",
                "{\"data\": [\"Carol Lee founded Globex Inc.\"], \"dataset_name\": \"bg\"}"))
            .path("dataset_id")
            .asText();

    JsonNode started =
        ok(
            post(
                alice,
                "/api/v1/cognify",
                "{\"datasetIds\": [\"" + datasetId + "\"], \"runInBackground\": true}"));
    String runId = started.path(datasetId).path("pipeline_run_id").asText();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(ok(get(alice, "/api/v1/cognify/runs/" + runId)).path("status").asText())
                    .isEqualTo("PipelineRunCompleted"));
    assertThat(get(bob, "/api/v1/cognify/runs/" + runId).statusCode()).isEqualTo(403);
    assertThat(
            post(bob, "/api/v1/cognify", "{\"dataset_ids\": [\"" + datasetId + "\"]}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void add_rejects_unsupported_files_and_requests_without_a_dataset() {
    HttpResponse<String> unsupported =
        multipart(
            alice,
            List.of(
                new Part("datasetName", null, null, "files"),
                new Part("data", "tool.exe", "application/x-msdownload", "MZ")));
    assertThat(unsupported.statusCode()).isEqualTo(415);
    assertThat(post(alice, "/api/v1/add", "{\"data\": \"text\"}").statusCode()).isEqualTo(400);
    assertThat(post(alice, "/api/v1/cognify", "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void a_batch_a_stop_interrupted_is_redone_without_duplicates() throws IOException {
    String datasetId =
        ok(post(
                alice,
                "/api/v1/add",
                "{\"data\": [\"Alice Smith works at Acme Corp.\", \"Bob Jones works at Acme"
                    + " Corp.\", \"Carol White visits Berlin.\"], \"datasetName\": \"crash\"}"))
            .path("dataset_id")
            .asText();
    ok(post(alice, "/api/v1/cognify", "{\"datasets\": [\"crash\"]}"));
    JsonNode before = ok(get(alice, "/api/v1/datasets/" + datasetId + "/graph"));
    String databaseUrl = server.settings().store().databaseUrl();
    server.close();
    // What a stop between a batch's database writes and its index commit leaves behind: the
    // graph stored, the items still processing, no index.
    try (Database database =
        Database.open(new StoreSettings(dir.resolve("data"), databaseUrl, null, null, 2))) {
      database.useTransaction(
          handle ->
              handle
                  .createUpdate(
                      "UPDATE memory_data SET status = 'processing' WHERE dataset_id = :d")
                  .bind("d", datasetId)
                  .execute());
    }
    Path index = dir.resolve("data").resolve("memory").resolve("index").resolve(datasetId);
    try (Stream<Path> files = Files.walk(index)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
    server =
        TestServer.start(
            kind(),
            dir,
            Map.of("COGENT_REQUIRE_AUTHENTICATION", "true", "COGENT_DATABASE_URL", databaseUrl),
            clock);

    JsonNode rerun = ok(post(alice, "/api/v1/cognify", "{\"datasets\": [\"crash\"]}"));

    assertThat(rerun.path(datasetId).path("payload").path("processed_items").asInt()).isEqualTo(3);
    JsonNode after = ok(get(alice, "/api/v1/datasets/" + datasetId + "/graph"));
    assertThat(after.path("nodes")).hasSameSizeAs(before.path("nodes"));
    assertThat(after.path("edges")).hasSameSizeAs(before.path("edges"));
    JsonNode chunks =
        ok(
            post(
                alice,
                "/api/v1/search",
                "{\"search_type\": \"CHUNKS\", \"query\": \"Acme Corp\", \"top_k\": 10,"
                    + " \"datasets\": [\"crash\"]}"));
    assertThat(chunks.get(0).path("search_result").findValuesAsText("id"))
        .hasSize(3)
        .doesNotHaveDuplicates();
    // The entities are indexed again although their nodes were already stored.
    JsonNode context =
        ok(
            post(
                alice,
                "/api/v1/search",
                "{\"search_type\": \"GRAPH_COMPLETION\", \"query\": \"Who works at Acme"
                    + " Corp?\", \"only_context\": true, \"datasets\": [\"crash\"]}"));
    assertThat(context.toString()).contains("Acme Corp");
  }

  @Test
  void uploads_over_the_memory_limits_answer_413_and_store_nothing() {
    restart(
        Map.of("COGENT_MEMORY_MAX_UPLOAD_BYTES", "1000", "COGENT_MEMORY_MAX_UPLOAD_FILES", "3"));
    String datasetId =
        ok(post(
                alice,
                "/api/v1/add",
                "{\"data\": \"" + "a".repeat(1000) + "\", \"datasetName\": \"kept\"}"))
            .path("dataset_id")
            .asText();
    String dataId =
        ok(get(alice, "/api/v1/datasets/" + datasetId + "/data")).get(0).path("id").asText();

    HttpResponse<String> bigFile =
        multipart(
            alice,
            "POST",
            "/api/v1/add",
            List.of(
                new Part("datasetName", null, null, "big"),
                new Part("data", "big.txt", "text/plain", "b".repeat(1001))));
    HttpResponse<String> bigTexts =
        post(
            alice,
            "/api/v1/add",
            "{\"data\": [\""
                + "c".repeat(600)
                + "\", \""
                + "d".repeat(600)
                + "\"], \"datasetName\": \"big\"}");
    HttpResponse<String> manyTexts =
        post(
            alice,
            "/api/v1/add",
            "{\"data\": [\"e\", \"f\", \"g\", \"h\"], \"datasetName\": \"big\"}");
    HttpResponse<String> bigRemember =
        post(
            alice,
            "/api/v1/remember",
            "{\"data\": \"" + "i".repeat(1001) + "\", \"datasetName\": \"big\"}");
    HttpResponse<String> bigUpdate =
        multipart(
            alice,
            "PATCH",
            "/api/v1/update?data_id=" + dataId + "&dataset_id=" + datasetId,
            List.of(new Part("data", "new.txt", "text/plain", "j".repeat(1001))));

    for (HttpResponse<String> refused : List.of(bigFile, bigTexts, bigRemember, bigUpdate)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
      assertThat(TestServer.json(refused).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
      assertThat(TestServer.json(refused).path("error").asText())
          .contains("memory.max_upload_bytes allows 1000");
    }
    assertThat(manyTexts.statusCode()).isEqualTo(413);
    assertThat(TestServer.json(manyTexts).path("error").asText())
        .contains("memory.max_upload_files allows 3");
    // Nothing stored: no dataset "big", and the item the update would have replaced is still there.
    assertThat(ok(get(alice, "/api/v1/datasets")).findValuesAsText("name")).containsExactly("kept");
    assertThat(ok(get(alice, "/api/v1/datasets/" + datasetId + "/data")).get(0).path("id").asText())
        .isEqualTo(dataId);
  }

  /** Starts the server again on the same database (the tokens stay valid), with more settings. */
  private void restart(Map<String, String> settings) {
    Map<String, String> restarted = new HashMap<>(settings);
    restarted.put("COGENT_REQUIRE_AUTHENTICATION", "true");
    restarted.put("COGENT_DATABASE_URL", server.settings().store().databaseUrl());
    server.close();
    server = TestServer.start(kind(), dir, restarted, clock);
  }

  record Part(String name, String fileName, String contentType, String content) {}

  private HttpResponse<String> multipart(String bearer, List<Part> parts) {
    return multipart(bearer, "POST", "/api/v1/add", parts);
  }

  private HttpResponse<String> multipart(
      String bearer, String method, String path, List<Part> parts) {
    String boundary = "cogent-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
      if (part.fileName() != null) {
        head.append("; filename=\"").append(part.fileName()).append('"');
      }
      head.append("\r\n");
      if (part.contentType() != null) {
        head.append("Content-Type: ").append(part.contentType()).append("\r\n");
      }
      head.append("\r\n");
      body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content().getBytes(StandardCharsets.UTF_8));
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Authorization", bearer)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    HttpResponse<String> response = server.sendUnchecked(request);
    CONTRACT.assertValid(request, response);
    return response;
  }

  private HttpResponse<String> get(String bearer, String path) {
    return server.get(path, "Authorization", bearer);
  }

  private HttpResponse<String> post(String bearer, String path, String body) {
    return server.post(path, body, "Authorization", bearer);
  }

  private HttpResponse<String> delete(String bearer, String path) {
    return server.delete(path, "Authorization", bearer);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return TestServer.json(response);
  }
}
