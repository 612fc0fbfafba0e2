package dev.cogent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.cli.CliRunner.Result;
import dev.cogent.client.AddRequest;
import dev.cogent.client.CogentClient;
import dev.cogent.client.ProgressListener;
import dev.cogent.client.Upload;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory commands against a real server. One server for the class, since each start loads the
 * embedding model; every test uses its own datasets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryCommandsIT {

  private static final String BABBAGE = "Charles Babbage designed the Analytical Engine in 1837.";
  private static final String ADA =
      "Ada Lovelace published notes on the Analytical Engine in 1843.";

  @TempDir static Path dir;
  private TestServer server;
  private CogentClient sdk;
  private String url;
  private CliRunner cli;

  @BeforeAll
  void start() {
    server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of("COGENT_RATE_LIMIT_BURST", "1000"),
            InstantSource.system());
    url = server.uri("").toString();
    sdk = CogentClient.builder(url).build();
    cli = new CliRunner(url, dir.resolve("cli.yaml"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Result run(String... args) {
    return cli.run(args);
  }

  private Result runAt(String serverUrl, String... args) {
    return cli.runAt(serverUrl, args);
  }

  private static JsonNode json(String text) throws Exception {
    return ProjectFiles.JSON.readTree(text);
  }

  @Test
  void remember_uploads_files_and_text_and_waits_for_cognify() throws Exception {
    Path file = Files.writeString(dir.resolve("babbage.md"), "# Engines\n\n" + BABBAGE);

    Result remembered =
        run("remember", file.toString(), "--text", ADA, "--dataset", "history", "--node-set", "x");

    assertThat(remembered.exitCode()).as(remembered.err()).isZero();
    assertThat(remembered.out()).startsWith("completed: 2 document(s) in dataset history (run ");
    assertThat(remembered.err()).isEmpty();
    assertThat(remembered.out()).doesNotContain("\r", "\u001b[");
    String id = sdk.datasets().get("history").id();
    assertThat(sdk.datasets().data(id))
        .extracting(item -> item.name() + ":" + item.status())
        .containsExactlyInAnyOrder("babbage.md:cognified", "text.txt:cognified");
  }

  @Test
  void remember_json_prints_one_document_without_progress_bars() throws Exception {
    Result remembered = run("remember", "--text", BABBAGE, "--dataset", "jsonset", "--json");

    assertThat(remembered.exitCode()).as(remembered.err()).isZero();
    assertThat(remembered.err()).isEmpty();
    assertThat(remembered.out()).doesNotContain("\r", "upload", "cognify [");
    JsonNode body = json(remembered.out());
    assertThat(body.path("status").asText()).isEqualTo("completed");
    assertThat(body.path("dataset_name").asText()).isEqualTo("jsonset");
    assertThat(body.path("items")).hasSize(1);
  }

  @Test
  void remember_without_input_or_with_a_missing_file_is_a_usage_error() {
    Result nothing = run("remember");
    Result missing = run("remember", dir.resolve("nope.txt").toString());
    Result unsupported =
        run("remember", "--text", "x", "--dataset", "history", "--url", "not a url");

    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err()).contains("give at least one FILE or --text");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    assertThat(unsupported.exitCode()).isEqualTo(2);
  }

  @Test
  void recall_prints_a_table_or_json_and_checks_the_type() throws Exception {
    sdk.memory()
        .remember(
            dev.cogent.client.RememberRequest.into(
                "lectures", List.of(Upload.text(BABBAGE), Upload.text(ADA))),
            ProgressListener.NONE);

    Result table =
        run(
            "recall",
            "Who",
            "designed",
            "it?",
            "--type",
            "chunks",
            "--dataset",
            "lectures",
            "--top-k",
            "1");
    Result routed = run("recall", "\"Analytical Engine\"", "--dataset", "lectures", "--json");
    Result badType = run("recall", "x", "--type", "psychic");

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out().lines().toList())
        .hasSize(2)
        .first()
        .asString()
        .startsWith("KIND")
        .contains("SEARCH_TYPE", "SCORE", "DATASET_NAME", "TEXT");
    assertThat(table.out()).contains("chunk", "CHUNKS", "lectures", BABBAGE);
    assertThat(routed.exitCode()).isZero();
    JsonNode items = json(routed.out());
    assertThat(items.get(0).path("search_type").asText()).isEqualTo("CHUNKS_LEXICAL");
    assertThat(items.get(0).path("metadata").path("routed").asBoolean()).isTrue();
    assertThat(badType.exitCode()).isEqualTo(2);
    assertThat(badType.err()).contains("unknown search type 'psychic'");
  }

  @Test
  void datasets_commands_list_show_cognify_and_delete() throws Exception {
    Result created = run("datasets", "create", "library");
    String id = created.out().strip();
    sdk.memory()
        .add(AddRequest.into("library", List.of(Upload.text(BABBAGE))), ProgressListener.NONE);

    Result pending = run("datasets", "status", "library");
    Result cognify = run("datasets", "cognify", "library");
    Result status = run("datasets", "status", id, "--json");
    Result list = run("datasets", "list");
    Result data = run("datasets", "data", "library");
    String dataId = sdk.datasets().data(id).get(0).id();
    Result raw = run("datasets", "raw", "library", dataId);
    Result graph = run("datasets", "graph", "library");
    Result deleted = run("datasets", "delete", "library");
    Result gone = run("datasets", "data", "library");

    assertThat(created.exitCode()).isZero();
    assertThat(pending.out()).contains("library", "NOT_COGNIFIED");
    assertThat(cognify.exitCode()).as(cognify.err()).isZero();
    assertThat(cognify.out()).contains("library", "PipelineRunCompleted");
    assertThat(cognify.err()).isEmpty();
    assertThat(json(status.out()).get(0).path("status").asText())
        .isEqualTo("DATASET_PROCESSING_COMPLETED");
    assertThat(list.out()).contains("ID", "NAME", id, "library");
    assertThat(data.out()).contains("text.txt", "cognified");
    assertThat(raw.out()).isEqualTo(BABBAGE);
    assertThat(graph.out()).contains("SOURCE", "RELATION", "TARGET", "Charles Babbage", "designed");
    assertThat(deleted.out()).isEqualTo("deleted library" + System.lineSeparator());
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err()).contains("NOT_FOUND (HTTP 404)");
  }

  @Test
  void improve_and_forget_follow_the_exit_codes() throws Exception {
    run("remember", "--text", BABBAGE, "--dataset", "scratch");

    Result improved =
        run("improve", "--dataset", "scratch", "--enrichment-task", "apply_frequency_weights");
    Result badTask = run("improve", "--dataset", "scratch", "--extraction-task", "dream");
    Result memoryOnly = run("forget", "--dataset", "scratch", "--memory-only");
    Result noTarget = run("forget");
    Result both = run("forget", "--all", "--dataset", "scratch");
    Result ghost = run("forget", "--dataset", "ghost");
    Result forgotten = run("forget", "--dataset", "scratch", "--json");

    assertThat(improved.exitCode()).as(improved.err()).isZero();
    assertThat(improved.out()).contains("scratch", "PipelineRunCompleted");
    assertThat(badTask.exitCode()).isEqualTo(1);
    assertThat(badTask.err()).contains("VALIDATION_ERROR");
    assertThat(memoryOnly.exitCode()).isZero();
    assertThat(memoryOnly.out())
        .contains("forgot the memory of dataset", "1 document(s) to cognify again");
    assertThat(noTarget.exitCode()).isEqualTo(2);
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(ghost.exitCode()).isEqualTo(1);
    assertThat(forgotten.exitCode()).isZero();
    assertThat(json(forgotten.out()).path("status").asText()).isEqualTo("success");
  }

  @Test
  void an_unreachable_server_exits_3() {
    Result unreachable = runAt("http://127.0.0.1:1", "recall", "anything");

    assertThat(unreachable.exitCode()).isEqualTo(3);
    assertThat(unreachable.err()).contains("cannot reach");
  }
}
