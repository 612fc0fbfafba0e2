package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result of a search on one dataset. Without {@code verbose}, {@code searchResult} holds the
 * answer ({@code ["answer"]}), the context ({@code only_context}) or the retrieved payloads; with
 * it, {@code searchType}, {@code textResult}, {@code contextResult} and {@code objectsResult} are
 * set instead.
 */
public record SearchResult(
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("dataset_name") String datasetName,
    @JsonProperty("dataset_tenant_id") String datasetTenantId,
    @JsonProperty("search_result") JsonNode searchResult,
    @JsonProperty("search_type") String searchType,
    @JsonProperty("text_result") JsonNode textResult,
    @JsonProperty("context_result") JsonNode contextResult,
    @JsonProperty("objects_result") JsonNode objectsResult) {}
