package dev.cogent.client;

import java.util.List;

/**
 * What {@link Memory#remember} stores: documents for one dataset (by name, created when missing, or
 * by id) and how to process them. Without {@code sessionId}, remember adds, cognifies and improves;
 * with it, the text becomes session memory that a background improve bridges into the graph. {@code
 * graphModel} is a JSON Schema as text; {@code chunkSize} is in tokens (16-8192).
 */
public record RememberRequest(
    String datasetName,
    String datasetId,
    List<Upload> uploads,
    String sessionId,
    List<String> nodeSet,
    boolean runInBackground,
    String customPrompt,
    String graphModel,
    Integer chunkSize,
    boolean selfImprovement) {

  public RememberRequest {
    if ((datasetName == null) == (datasetId == null)) {
      throw new IllegalArgumentException("exactly one of datasetName and datasetId is required");
    }
    uploads = uploads == null ? List.of() : List.copyOf(uploads);
    nodeSet = nodeSet == null ? List.of() : List.copyOf(nodeSet);
  }

  /** Into the caller's dataset {@code datasetName}, blocking, with the default improve. */
  public static RememberRequest into(String datasetName, List<Upload> uploads) {
    return new RememberRequest(
        datasetName, null, uploads, null, List.of(), false, null, null, null, true);
  }

  /** Into the dataset with this id (a dataset shared with the caller is named by id). */
  public static RememberRequest intoDatasetId(String datasetId, List<Upload> uploads) {
    return new RememberRequest(
        null, datasetId, uploads, null, List.of(), false, null, null, null, true);
  }

  /** Tags the documents, for searches with {@code node_name}. */
  public RememberRequest withNodeSet(List<String> value) {
    return new RememberRequest(
        datasetName,
        datasetId,
        uploads,
        sessionId,
        value,
        runInBackground,
        customPrompt,
        graphModel,
        chunkSize,
        selfImprovement);
  }

  /** Answers at once with status {@code running}; poll the run with {@link Memory#awaitRun}. */
  public RememberRequest inBackground() {
    return new RememberRequest(
        datasetName,
        datasetId,
        uploads,
        sessionId,
        nodeSet,
        true,
        customPrompt,
        graphModel,
        chunkSize,
        selfImprovement);
  }

  /** Keeps the text as memory of this session instead of cognifying it now. */
  public RememberRequest withSessionId(String value) {
    return new RememberRequest(
        datasetName,
        datasetId,
        uploads,
        value,
        nodeSet,
        runInBackground,
        customPrompt,
        graphModel,
        chunkSize,
        selfImprovement);
  }

  /** Extraction instructions and the graph's JSON Schema (null: the defaults). */
  public RememberRequest withExtraction(String prompt, String graphModelSchema) {
    return new RememberRequest(
        datasetName,
        datasetId,
        uploads,
        sessionId,
        nodeSet,
        runInBackground,
        prompt,
        graphModelSchema,
        chunkSize,
        selfImprovement);
  }

  public RememberRequest withChunkSize(int tokens) {
    return new RememberRequest(
        datasetName,
        datasetId,
        uploads,
        sessionId,
        nodeSet,
        runInBackground,
        customPrompt,
        graphModel,
        tokens,
        selfImprovement);
  }

  /** Whether the default improve (triplet embeddings, re-index) follows a completed cognify. */
  public RememberRequest withSelfImprovement(boolean value) {
    return new RememberRequest(
        datasetName,
        datasetId,
        uploads,
        sessionId,
        nodeSet,
        runInBackground,
        customPrompt,
        graphModel,
        chunkSize,
        value);
  }

  /** The bytes the uploads add up to. */
  long size() {
    return uploads.stream().mapToLong(Upload::size).sum();
  }
}
