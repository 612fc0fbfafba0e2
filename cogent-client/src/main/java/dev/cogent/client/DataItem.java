package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One document of a dataset. {@code status} is {@code pending}, {@code processing}, {@code
 * completed} or {@code errored} (of cognify).
 */
public record DataItem(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("createdAt") Instant createdAt,
    @JsonProperty("updatedAt") Instant updatedAt,
    @JsonProperty("extension") String extension,
    @JsonProperty("mimeType") String mimeType,
    @JsonProperty("rawDataLocation") String rawDataLocation,
    @JsonProperty("datasetId") String datasetId,
    @JsonProperty("label") String label,
    @JsonProperty("externalMetadata") Map<String, Object> externalMetadata,
    @JsonProperty("contentHash") String contentHash,
    @JsonProperty("dataSize") long dataSize,
    @JsonProperty("nodeSet") List<String> nodeSet,
    @JsonProperty("status") String status,
    @JsonProperty("tokenCount") Integer tokenCount) {

  public DataItem {
    // a JSON null may sit among the values, which Map.copyOf refuses
    externalMetadata =
        externalMetadata == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(externalMetadata));
    nodeSet = nodeSet == null ? List.of() : List.copyOf(nodeSet);
  }
}
