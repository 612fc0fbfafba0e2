package dev.cogent.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The knowledge-graph memory ({@code /api/v1}: add, cognify, remember, recall, improve, forget,
 * search, and the legacy delete and update). Obtain it from {@link CogentClient#memory()}; datasets
 * themselves are {@link CogentClient#datasets()}. Thread-safe.
 *
 * <p>Errors are {@link CogentException}s carrying the server's envelope: 403 {@code FORBIDDEN}
 * without the dataset permission, 404 {@code NOT_FOUND} for an unknown dataset, 415 for a file type
 * the server cannot read, 422 {@code VALIDATION_ERROR} for invalid fields, 409 {@code CONFLICT}
 * when a blocking pipeline errored, 503 {@code LLM_UNAVAILABLE} when a completion needs a model and
 * none is configured.
 */
public final class Memory {

  private static final TypeReference<Map<String, PipelineRun>> RUNS = new TypeReference<>() {};

  private final Transport transport;

  Memory(Transport transport) {
    this.transport = transport;
  }

  /**
   * Stores documents as data items (content already in the dataset is not stored twice) without
   * cognifying them; the answer is the completed {@code add_pipeline} run.
   *
   * @param listener hears the bytes of the upload as they are sent
   */
  public PipelineRun add(AddRequest request, ProgressListener listener) {
    Multipart form = new Multipart();
    request.uploads().forEach(upload -> form.file("data", upload));
    form.field("datasetName", request.datasetName())
        .field("datasetId", request.datasetId())
        .fields("node_set", request.nodeSet());
    return transport.callMultipart(
        "POST", "/api/v1/add", form, listener, new TypeReference<PipelineRun>() {});
  }

  /**
   * Turns pending and errored documents of each dataset into chunks, summaries, graph and index:
   * one {@code cognify_pipeline} run per dataset, by dataset id. Blocking unless the request is
   * {@link CognifyRequest#inBackground()}.
   */
  public Map<String, PipelineRun> cognify(CognifyRequest request) {
    return transport.call("POST", "/api/v1/cognify", request, RUNS);
  }

  /** A pipeline run of a readable dataset, as it is now. */
  public PipelineRun getRun(String pipelineRunId) {
    return transport.call(
        "GET", "/api/v1/cognify/runs/" + Transport.encode(pipelineRunId), null, PipelineRun.class);
  }

  /**
   * Polls a run every {@code interval} until it completed or errored, telling {@code listener} the
   * processed and total items after each poll. Blocks the calling thread; every run ends (a server
   * stop marks its unfinished runs errored at the next start).
   *
   * @return the finished run; check {@link PipelineRun#isErrored()}
   */
  public PipelineRun awaitRun(String pipelineRunId, Duration interval, ProgressListener listener) {
    while (true) {
      PipelineRun run = getRun(pipelineRunId);
      if (run.payload() != null) {
        listener.progress(run.payload().processedItems(), run.payload().totalItems());
      }
      if (run.isFinished()) {
        return run;
      }
      transport.sleep(interval);
    }
  }

  /**
   * Adds, cognifies and (by default) improves in one call; or, with a session id, stores session
   * memory. The documents always travel as one multipart form.
   *
   * @param listener hears the bytes of the upload as they are sent
   * @throws CogentException {@code CONFLICT} (409) when the blocking pipeline errored, the result
   *     in {@code details.result}; 400 for session memory that is not text
   */
  public RememberResult remember(RememberRequest request, ProgressListener listener) {
    Multipart form = new Multipart();
    request.uploads().forEach(upload -> form.file("data", upload));
    form.field("datasetName", request.datasetName())
        .field("datasetId", request.datasetId())
        .field("session_id", request.sessionId())
        .fields("node_set", request.nodeSet())
        .field("run_in_background", String.valueOf(request.runInBackground()))
        .field("custom_prompt", request.customPrompt())
        .field("graph_model", request.graphModel())
        .field("chunk_size", request.chunkSize() == null ? null : request.chunkSize().toString())
        .field("self_improvement", String.valueOf(request.selfImprovement()));
    return transport.callMultipart(
        "POST", "/api/v1/remember", form, listener, new TypeReference<RememberResult>() {});
  }

  /**
   * Searches memory and answers flat items. A request without a search type lets the server's query
   * router pick one from the query (without a model); {@code skills}, {@code tools} and {@code
   * maxIter} are not sent (they belong to {@code search}).
   */
  public List<RecallItem> recall(SearchRequest request) {
    ObjectNode body = transport.json().valueToTree(request);
    body.remove(List.of("skills", "tools", "max_iter"));
    if (request.searchType() == null) {
      body.putNull("search_type");
    }
    return transport.call("POST", "/api/v1/recall", body, new TypeReference<>() {});
  }

  /**
   * Runs one search type on every dataset the request names (all readable ones when none): one
   * result per dataset.
   *
   * @throws CogentException {@code VALIDATION_ERROR} (422) when nothing searched is cognified
   *     ({@code details.reason: not_cognified}) or for {@code CYPHER}/{@code NATURAL_LANGUAGE}
   */
  public List<SearchResult> search(SearchRequest request) {
    return transport.call("POST", "/api/v1/search", request, new TypeReference<>() {});
  }

  /** The caller's searches and recalls, newest first. */
  public List<SearchHistoryEntry> searchHistory() {
    return transport.call("GET", "/api/v1/search", null, new TypeReference<>() {});
  }

  /**
   * Runs improve tasks on one dataset: one {@code improve_pipeline} run by dataset id.
   *
   * @throws CogentException {@code CONFLICT} (409) when a blocking run errored, the runs in {@code
   *     details.runs}; 422 for an unknown task
   */
  public Map<String, PipelineRun> improve(ImproveRequest request) {
    return transport.call("POST", "/api/v1/improve", request, RUNS);
  }

  /**
   * Deletes everything, a dataset, a document, or only what cognify derived from them.
   *
   * @throws CogentException {@code VALIDATION_ERROR} (422) for an invalid combination
   */
  public ForgetResult forget(ForgetRequest request) {
    return transport.call("POST", "/api/v1/forget", request, ForgetResult.class);
  }

  /**
   * The legacy {@code DELETE /api/v1/delete}: removes one document and what only it produced.
   *
   * @param deleteDatasetIfEmpty also deletes the dataset when this was its last document
   */
  public ForgetResult deleteData(String datasetId, String dataId, boolean deleteDatasetIfEmpty) {
    return transport.call(
        "DELETE",
        "/api/v1/delete?data_id="
            + Transport.encode(dataId)
            + "&dataset_id="
            + Transport.encode(datasetId)
            + "&delete_dataset_if_empty="
            + deleteDatasetIfEmpty,
        null,
        ForgetResult.class);
  }

  /**
   * The legacy {@code PATCH /api/v1/update}: replaces a document with {@code upload} and cognifies
   * the dataset (blocking).
   */
  public Map<String, PipelineRun> update(
      String datasetId, String dataId, Upload upload, ProgressListener listener) {
    Multipart form = new Multipart().file("data", upload);
    String path =
        "/api/v1/update?data_id="
            + Transport.encode(dataId)
            + "&dataset_id="
            + Transport.encode(datasetId);
    return transport.callMultipart("PATCH", path, form, listener, RUNS);
  }
}
