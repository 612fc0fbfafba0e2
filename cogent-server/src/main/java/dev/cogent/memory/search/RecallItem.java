package dev.cogent.memory.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One item of a recall: the anchor's {@code SearchResultItem} with {@code source: "graph"}.
 *
 * @param kind what the text is ({@code chunk}, {@code summary}, {@code graph_completion}, …)
 * @param score the similarity of a retrieved item (higher is closer); null for answers
 * @param metadata how the item was found ({@code routed}, {@code route_reasons}, {@code
 *     only_context})
 * @param raw the retrieved payload, or the context for answers
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecallItem(
    @JsonProperty("source") String source,
    @JsonProperty("kind") String kind,
    @JsonProperty("search_type") String searchType,
    @JsonProperty("text") String text,
    @JsonProperty("score") Double score,
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("dataset_name") String datasetName,
    @JsonProperty("metadata") Map<String, Object> metadata,
    @JsonProperty("raw") Object raw,
    @JsonProperty("structured") Object structured) {

  public RecallItem {
    metadata = Map.copyOf(metadata);
  }
}
