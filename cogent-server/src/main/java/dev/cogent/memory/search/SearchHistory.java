package dev.cogent.memory.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One search as the history lists it, in the anchor's shape ({@code GET /api/v1/search}: camelCase
 * {@code createdAt}, {@code datasetId}).
 *
 * @param text the query
 * @param user the id of the user who searched
 * @param datasetId the dataset searched, or null
 */
public record SearchHistory(
    @JsonProperty("id") String id,
    @JsonProperty("text") String text,
    @JsonProperty("user") String user,
    @JsonProperty("createdAt") Instant createdAt,
    @JsonProperty("datasetId") String datasetId,
    @JsonProperty("searchType") String searchType,
    @JsonProperty("result") String result) {}
