package dev.cogent.memory;

/** A piece of a data item's text, cut at sentence boundaries; the unit of embedding and search. */
public record Chunk(
    String id, String datasetId, String dataId, int chunkIndex, String text, int tokenCount) {}
