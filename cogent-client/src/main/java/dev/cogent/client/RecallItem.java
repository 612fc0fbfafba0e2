package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One item a recall found: an answer (its context in {@code raw}), a chunk or summary ({@code
 * score} = similarity) or a rule. {@code metadata} says {@code routed} and {@code route_reasons}
 * when the query router picked the type.
 */
public record RecallItem(
    @JsonProperty("source") String source,
    @JsonProperty("kind") String kind,
    @JsonProperty("search_type") String searchType,
    @JsonProperty("text") String text,
    @JsonProperty("score") Double score,
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("dataset_name") String datasetName,
    @JsonProperty("metadata") Map<String, Object> metadata,
    @JsonProperty("raw") JsonNode raw,
    @JsonProperty("structured") JsonNode structured) {

  public RecallItem {
    // a JSON null may sit among the values, which Map.copyOf refuses
    metadata =
        metadata == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }
}
