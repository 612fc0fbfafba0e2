package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One past search or recall of the caller (camelCase on the wire, as the anchor's history). */
public record SearchHistoryEntry(
    @JsonProperty("id") String id,
    @JsonProperty("text") String text,
    @JsonProperty("user") String user,
    @JsonProperty("createdAt") Instant createdAt,
    @JsonProperty("datasetId") String datasetId,
    @JsonProperty("searchType") String searchType,
    @JsonProperty("result") String result) {}
