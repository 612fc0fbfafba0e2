package dev.cogent.api;

import static dev.cogent.api.MemoryHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.api.MemoryHttp.Part;
import dev.cogent.llm.FakeProviderServer;
import dev.cogent.llm.WireFormats;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * LLM utilities, activity, model extraction through an OpenAI-compatible server, restart recovery
 * and pdf/docx ingestion over HTTP. SQLite and PostgreSQL.
 */
abstract class MemoryUtilitiesApiContract extends MemoryUsersApiContract {

  static final String TEXT = "Alice Smith works at Acme Corp. Acme Corp is located in Berlin.";

  /** A database URL of the test's own, so that a restarted server finds the same store. */
  @Override
  Map<String, String> environment() {
    return Map.of(
        "COGENT_REQUIRE_AUTHENTICATION", "true", "COGENT_DATABASE_URL", kind().newDatabaseUrl(dir));
  }

  @Test
  void infer_schema_and_custom_prompt_are_deterministic_with_the_mock_and_cognify_takes_them() {
    ok(
        http.post(
            alice,
            "/models/providers",
            "{\"id\": \"mock\", \"provider\": \"mock\", \"model\": \"m\"}"));
    String body =
        "{\"text\": \""
            + TEXT
            + "\", \"parameters\": {\"temperature\": 0, \"seed\": 7, \"other\": 1}}";

    JsonNode schema = ok(http.post(alice, "/api/v1/llm/infer-schema", body)).path("graphSchema");
    JsonNode again = ok(http.post(alice, "/api/v1/llm/infer-schema", body)).path("graphSchema");

    assertThat(again).isEqualTo(schema);
    assertThat(schema.at("/$defs/Node/properties/type/enum").toString()).contains("Organization");
    assertThat(schema.at("/$defs/Edge/properties/relationship_name/enum").toString())
        .contains("works_at");
    assertThat(http.post(alice, "/api/v1/llm/infer-schema", "{\"text\": \" \"}").statusCode())
        .isEqualTo(400);
    assertThat(
            http.multipart(
                    alice,
                    "POST",
                    "/api/v1/llm/infer-schema",
                    List.of(Part.field("text", TEXT), Part.field("parameters", "{not json")))
                .statusCode())
        .isEqualTo(422);
    var multipart =
        http.multipart(
            alice,
            "POST",
            "/api/v1/llm/infer-schema",
            List.of(Part.file("data", "a.txt", "text/plain", TEXT)));
    assertThat(TestServer.json(multipart).path("graphSchema")).isEqualTo(schema);

    String prompt =
        ok(http.post(alice, "/api/v1/llm/custom-prompt", "{\"graph_model\": " + schema + "}"))
            .path("customPrompt")
            .asText();
    assertThat(prompt)
        .contains("works_at", "Organization")
        .endsWith("You MUST follow the shape of the model, do not add any wrappers around it.");
    assertThat(http.post(alice, "/api/v1/llm/custom-prompt", "{}").statusCode()).isEqualTo(400);

    String datasetId =
        ok(http.post(alice, "/api/v1/add", "{\"data\": \"" + TEXT + "\", \"datasetName\": \"s\"}"))
            .path("dataset_id")
            .asText();
    JsonNode run =
        ok(
            http.post(
                alice,
                "/api/v1/cognify",
                "{\"datasets\": [\"s\"], \"graph_model\": "
                    + schema
                    + ", \"custom_prompt\": "
                    + Json.quote(prompt)
                    + "}"));
    assertThat(run.path(datasetId).path("status").asText()).isEqualTo("PipelineRunCompleted");
    assertThat(run.path(datasetId).path("payload").path("extractor").asText())
        .isEqualTo("model:mock/m");
  }

  @Test
  void activity_lists_recent_runs_with_owner_and_exports_the_graph_as_markdown() {
    String datasetId =
        ok(http.post(alice, "/api/v1/add", "{\"data\": \"" + TEXT + "\", \"datasetName\": \"a\"}"))
            .path("dataset_id")
            .asText();
    // Runs of the same millisecond have no defined order; the cognify run comes a second later.
    clock.advance(Duration.ofSeconds(1));
    ok(http.post(alice, "/api/v1/cognify", "{\"datasets\": [\"a\"]}"));

    JsonNode runs = ok(http.get(alice, "/api/v1/activity/pipeline-runs?dataset_id=" + datasetId));
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).path("pipeline_name").asText()).isEqualTo("cognify_pipeline");
    assertThat(runs.get(0).path("dataset_name").asText()).isEqualTo("a");
    assertThat(runs.get(0).path("owner_email").asText()).isEqualTo("alice@example.com");
    assertThat(ok(http.get(bob, "/api/v1/activity/pipeline-runs"))).isEmpty();
    assertThat(http.get(bob, "/api/v1/activity/pipeline-runs?dataset_id=" + datasetId).statusCode())
        .isEqualTo(403);

    HttpResponse<String> export = http.get(alice, "/api/v1/activity/export/" + datasetId);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
        .contains("a-memory-export.md");
    assertThat(export.body())
        .contains("## Summaries", "## Entities", "| Alice Smith | Entity |", "## Relationships")
        .contains("| Alice Smith | works_at | Acme Corp |", "## Documents", "## Other Nodes");
    assertThat(http.get(bob, "/api/v1/activity/export/" + datasetId).statusCode()).isEqualTo(403);
  }

  @Test
  void cognify_extracts_with_a_model_through_structured_output() {
    try (FakeProviderServer provider = new FakeProviderServer()) {
      String graph =
          "{\"nodes\": [{\"id\": \"alice\", \"name\": \"Alice Smith\", \"type\": \"Person\","
              + " \"description\": \"An engineer\"}, {\"id\": \"acme\", \"name\": \"Acme Corp\","
              + " \"type\": \"Organization\", \"description\": \"A company\"}], \"edges\":"
              + " [{\"source_node_id\": \"alice\", \"target_node_id\": \"acme\","
              + " \"relationship_name\": \"employed by\", \"description\": \"works there\"}]}";
      provider.enqueue(
          FakeProviderServer.Reply.stream(WireFormats.openAiText("m", 5, "Alice works at Acme.")));
      provider.enqueue(
          FakeProviderServer.Reply.stream(
              WireFormats.openAiText("m", 5, graph.replace("\"", "\\\""))));
      ok(
          http.post(
              alice,
              "/models/providers",
              "{\"id\": \"fake\", \"provider\": \"openai_compatible\", \"model\": \"m\","
                  + " \"base_url\": \""
                  + provider.url("/v1")
                  + "\"}"));
      String datasetId =
          ok(http.post(
                  alice, "/api/v1/add", "{\"data\": \"" + TEXT + "\", \"datasetName\": \"m\"}"))
              .path("dataset_id")
              .asText();

      JsonNode run =
          ok(http.post(alice, "/api/v1/cognify", "{\"datasets\": [\"m\"]}")).path(datasetId);

      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("PipelineRunCompleted");
      assertThat(run.path("payload").path("extractor").asText())
          .isEqualTo("model:openai_compatible/m");
      JsonNode nodes = ok(http.get(alice, "/api/v1/datasets/" + datasetId + "/graph"));
      assertThat(nodes.toString()).contains("\"Person\"", "employed_by", "An engineer");
      String extraction = provider.received().get(1).body();
      assertThat(extraction).contains("\"response_format\"", "json_schema", "KnowledgeGraph");
    }
  }

  @Test
  void an_interrupted_run_is_errored_at_restart_and_can_be_run_again() {
    String datasetId =
        ok(http.post(alice, "/api/v1/add", "{\"data\": \"" + TEXT + "\", \"datasetName\": \"r\"}"))
            .path("dataset_id")
            .asText();
    server.close();
    // What a crash leaves behind: a cognify run still started and its item still processing.
    try (Database database =
        Database.open(
            new StoreSettings(
                dir.resolve("data"), env.get("COGENT_DATABASE_URL"), null, null, 2))) {
      database.useTransaction(
          handle -> {
            handle
                .createUpdate(
                    "INSERT INTO memory_pipeline_runs (id, dataset_id, dataset_name, owner_id,"
                        + " pipeline_name, status, total_items, processed_items, created_at,"
                        + " updated_at) SELECT 'crashed-run', id, name, owner_id, 'cognify_pipeline',"
                        + " 'DATASET_PROCESSING_STARTED', 1, 0, 0, 0 FROM memory_datasets WHERE id = :d")
                .bind("d", datasetId)
                .execute();
            handle
                .createUpdate("UPDATE memory_data SET status = 'processing' WHERE dataset_id = :d")
                .bind("d", datasetId)
                .execute();
          });
    }

    server = TestServer.start(kind(), dir, env, clock);
    http = new MemoryHttp(server);
    alice = loginAgain();

    JsonNode crashed = ok(http.get(alice, "/api/v1/cognify/runs/crashed-run"));
    assertThat(crashed.path("status").asText()).isEqualTo("PipelineRunErrored");
    assertThat(crashed.path("payload").path("error").asText()).contains("Interrupted");
    JsonNode rerun =
        ok(http.post(alice, "/api/v1/cognify", "{\"datasets\": [\"r\"]}")).path(datasetId);
    assertThat(rerun.path("payload").path("processed_items").asInt()).isEqualTo(1);
    assertThat(http.nodeLabels(alice, datasetId)).contains("Alice Smith");
  }

  @Test
  void pdf_and_docx_documents_are_ingested_and_cognified() throws IOException {
    var response =
        http.multipart(
            alice,
            "POST",
            "/api/v1/add",
            List.of(
                Part.field("datasetName", "docs"),
                new Part("data", "a.pdf", "application/pdf", pdf("Grace Hopper joined Navy Corp.")),
                new Part(
                    "data",
                    "b.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx("Linus Torvalds created Linux Foundation Inc."))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String datasetId = TestServer.json(response).path("dataset_id").asText();

    ok(http.post(alice, "/api/v1/cognify", "{\"datasets\": [\"docs\"]}"));

    assertThat(http.nodeLabels(alice, datasetId))
        .contains("Grace Hopper", "Navy Corp", "Linus Torvalds", "Linux Foundation Inc");
  }

  private String loginAgain() {
    // The users survive the restart; a new login gives a token of this server.
    return new MemoryHttp(server).login("alice@example.com");
  }

  static byte[] pdf(String text) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(String text) throws IOException {
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText(text);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    }
  }

  /** JSON string quoting for request bodies. */
  static final class Json {
    static String quote(String text) {
      return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
  }
}
