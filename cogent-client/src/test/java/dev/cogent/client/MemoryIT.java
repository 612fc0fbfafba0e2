package dev.cogent.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's memory and dataset resources against a real server (heuristic extraction). One server
 * for the class, since each start loads the embedding model; every test uses its own datasets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryIT {

  private static final String BABBAGE = "Charles Babbage designed the Analytical Engine in 1837.";
  private static final String ADA =
      "Ada Lovelace published notes on the Analytical Engine in 1843.";

  @TempDir static Path dir;
  private TestServer server;
  private CogentClient cogent;

  @BeforeAll
  void start() {
    server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of("COGENT_RATE_LIMIT_BURST", "1000"),
            InstantSource.system());
    cogent = CogentClient.builder(server.uri("").toString()).build();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void adds_files_cognifies_in_the_background_and_reads_the_dataset() throws Exception {
    Path file = Files.writeString(dir.resolve("babbage.txt"), BABBAGE);
    Dataset history = cogent.datasets().create("history");
    List<long[]> sent = new ArrayList<>();

    PipelineRun added =
        cogent
            .memory()
            .add(
                AddRequest.into("history", List.of(Upload.of(file), Upload.text(ADA)))
                    .withNodeSet(List.of("computing")),
                (done, total) -> sent.add(new long[] {done, total}));
    Map<String, PipelineRun> started =
        cogent.memory().cognify(CognifyRequest.datasets(List.of("history")).inBackground());
    List<Long> processed = new ArrayList<>();
    PipelineRun finished =
        cogent
            .memory()
            .awaitRun(
                started.get(history.id()).pipelineRunId(),
                Duration.ofMillis(20),
                (done, total) -> processed.add(done));

    assertThat(cogent.datasets().create("history").id()).isEqualTo(history.id());
    assertThat(added.isCompleted()).isTrue();
    assertThat(added.dataIngestionInfo())
        .extracting(PipelineRun.IngestedData::name)
        .contains("babbage.txt");
    assertThat(sent).isNotEmpty();
    assertThat(sent.get(sent.size() - 1)[0]).isEqualTo(sent.get(sent.size() - 1)[1]);
    assertThat(finished.isCompleted()).isTrue();
    assertThat(finished.payload().totalItems()).isEqualTo(2);
    assertThat(processed).last().isEqualTo(2L);
    assertThat(cogent.datasets().list()).extracting(Dataset::name).contains("history");
    assertThat(cogent.datasets().get("history").id()).isEqualTo(history.id());
    assertThat(cogent.datasets().status(List.of(history.id())))
        .containsEntry(history.id(), "DATASET_PROCESSING_COMPLETED");
    List<DataItem> data = cogent.datasets().data(history.id());
    assertThat(data).extracting(DataItem::status).containsOnly("cognified");
    assertThat(data).allSatisfy(item -> assertThat(item.nodeSet()).containsExactly("computing"));
    DataItem babbage =
        data.stream().filter(item -> item.name().equals("babbage.txt")).findFirst().orElseThrow();
    assertThat(
            new String(cogent.datasets().raw(history.id(), babbage.id()), StandardCharsets.UTF_8))
        .isEqualTo(BABBAGE);
    assertThat(cogent.datasets().graph(history.id()).nodes())
        .extracting(DatasetGraph.Node::label)
        .contains("Charles Babbage", "Ada Lovelace", "Analytical Engine");
  }

  @Test
  void remembers_recalls_searches_and_keeps_the_history() {
    RememberResult remembered =
        cogent
            .memory()
            .remember(
                RememberRequest.into("lectures", List.of(Upload.text(BABBAGE), Upload.text(ADA))),
                ProgressListener.NONE);

    List<SearchResult> chunks =
        cogent
            .memory()
            .search(
                SearchRequest.builder(SearchType.CHUNKS, "Who designed the Analytical Engine?")
                    .datasets(List.of("lectures"))
                    .topK(1)
                    .build());
    List<SearchResult> context =
        cogent
            .memory()
            .search(
                SearchRequest.builder(SearchType.GRAPH_COMPLETION, "Babbage")
                    .datasets(List.of("lectures"))
                    .onlyContext(true)
                    .verbose(true)
                    .build());
    List<RecallItem> routed =
        cogent
            .memory()
            .recall(
                SearchRequest.builder(null, "\"Analytical Engine\"")
                    .datasets(List.of("lectures"))
                    .build());
    List<RecallItem> typed =
        cogent.memory().recall(SearchRequest.of(SearchType.CHUNKS_LEXICAL, "Lovelace"));

    assertThat(remembered.status()).isEqualTo("completed");
    assertThat(remembered.itemsProcessed()).isEqualTo(2);
    assertThat(chunks)
        .singleElement()
        .satisfies(
            result -> {
              assertThat(result.datasetName()).isEqualTo("lectures");
              assertThat(result.searchResult().get(0).path("text").asText()).isEqualTo(BABBAGE);
            });
    assertThat(context.get(0).searchType()).isEqualTo("GRAPH_COMPLETION");
    assertThat(context.get(0).contextResult().asText()).contains("Charles Babbage");
    assertThat(routed).isNotEmpty();
    assertThat(routed.get(0).searchType()).isEqualTo("CHUNKS_LEXICAL");
    assertThat(routed.get(0).metadata()).containsEntry("routed", true);
    assertThat(typed).extracting(RecallItem::text).contains(ADA);
    assertThat(cogent.memory().searchHistory())
        .extracting(SearchHistoryEntry::text)
        .contains("Who designed the Analytical Engine?", "Lovelace");
  }

  @Test
  void improves_forgets_updates_and_deletes() throws Exception {
    RememberResult remembered =
        cogent
            .memory()
            .remember(
                RememberRequest.into("notes", List.of(Upload.text(BABBAGE), Upload.text(ADA))),
                ProgressListener.NONE);
    String datasetId = remembered.datasetId();

    Map<String, PipelineRun> improved =
        cogent
            .memory()
            .improve(
                ImproveRequest.dataset("notes")
                    .withTasks(List.of(), List.of("apply_frequency_weights")));
    ForgetResult memoryOnly =
        cogent.memory().forget(ForgetRequest.dataset("notes").withMemoryOnly());
    assertThat(cogent.datasets().data(datasetId))
        .extracting(DataItem::status)
        .containsOnly("pending");
    Map<String, PipelineRun> updated =
        cogent
            .memory()
            .update(
                datasetId,
                remembered.items().get(0).id(),
                new Upload(
                    "babbage.md",
                    "text/markdown",
                    "# Babbage\nHe built engines.".getBytes(StandardCharsets.UTF_8)),
                ProgressListener.NONE);
    ForgetResult deleted =
        cogent.memory().deleteData(datasetId, remembered.items().get(1).id(), false);

    assertThat(improved.get(datasetId).isCompleted()).isTrue();
    assertThat(improved.get(datasetId).payload().pipelineName()).isEqualTo("improve_pipeline");
    assertThat(memoryOnly.memoryOnly()).isTrue();
    assertThat(memoryOnly.dataItemsReset()).isEqualTo(2);
    assertThat(updated.get(datasetId).isCompleted()).isTrue();
    assertThat(deleted.dataId()).isEqualTo(remembered.items().get(1).id());
    assertThat(cogent.datasets().data(datasetId))
        .extracting(DataItem::name)
        .containsExactly("babbage.md");

    cogent.datasets().delete(datasetId);
    assertThat(cogent.datasets().list()).extracting(Dataset::name).doesNotContain("notes");
    cogent.datasets().create("a");
    cogent.datasets().create("b");
    assertThat(cogent.memory().forget(ForgetRequest.allDatasets()).datasetsRemoved())
        .isGreaterThanOrEqualTo(2);
    assertThat(cogent.datasets().list()).isEmpty();
  }

  @Test
  void errors_carry_the_envelope() {
    cogent.datasets().create("empty");

    assertThatThrownBy(() -> cogent.datasets().graph("00000000-0000-0000-0000-000000000000"))
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> cogent.datasets().get("ghost"))
        .isInstanceOfSatisfying(
            CogentException.class, e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
    assertThatThrownBy(
            () ->
                cogent
                    .memory()
                    .search(
                        SearchRequest.builder(SearchType.CHUNKS, "x")
                            .datasets(List.of("empty"))
                            .build()))
        .isInstanceOfSatisfying(
            CogentException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.details()).containsEntry("reason", "not_cognified");
            });
    assertThatThrownBy(
            () ->
                cogent
                    .memory()
                    .add(
                        AddRequest.into(
                            "empty",
                            List.of(
                                new Upload("x.bin", "application/octet-stream", new byte[] {1}))),
                        ProgressListener.NONE))
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(415));
    assertThatThrownBy(() -> cogent.memory().forget(new ForgetRequest(null, null, null, "d", null)))
        .isInstanceOfSatisfying(
            CogentException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_ERROR"));
  }
}
