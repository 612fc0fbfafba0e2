package dev.cogent.memory;

/** The summary of one chunk. */
public record ChunkSummary(
    String id, String datasetId, String chunkId, String dataId, String text) {}
