package dev.cogent.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One ingested document of a dataset. Its raw bytes are a file at {@code rawLocation}, relative to
 * the data dir.
 *
 * @param contentHash SHA-256 hex of the raw bytes; unique per dataset
 * @param nodeSet the tags given at ingestion ({@code node_set})
 * @param externalMetadata caller-supplied metadata, empty when none
 * @param tokenCount the tokens of the extracted text once cognified, else null
 */
public record DataItem(
    String id,
    String datasetId,
    String name,
    String extension,
    String mimeType,
    String contentHash,
    long dataSize,
    String rawLocation,
    List<String> nodeSet,
    String label,
    Map<String, Object> externalMetadata,
    String ownerId,
    DataStatus status,
    Integer tokenCount,
    Instant createdAt,
    Instant updatedAt) {

  public DataItem {
    nodeSet = List.copyOf(nodeSet);
    externalMetadata = externalMetadata == null ? Map.of() : Map.copyOf(externalMetadata);
  }

  public DataItem withStatus(DataStatus newStatus, Integer newTokenCount, Instant at) {
    return new DataItem(
        id,
        datasetId,
        name,
        extension,
        mimeType,
        contentHash,
        dataSize,
        rawLocation,
        nodeSet,
        label,
        externalMetadata,
        ownerId,
        newStatus,
        newTokenCount,
        createdAt,
        at);
  }
}
