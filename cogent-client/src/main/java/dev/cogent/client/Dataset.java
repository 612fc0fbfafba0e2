package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A memory dataset (camelCase on the wire, as the memory API answers datasets). */
public record Dataset(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("createdAt") Instant createdAt,
    @JsonProperty("updatedAt") Instant updatedAt,
    @JsonProperty("ownerId") String ownerId) {}
