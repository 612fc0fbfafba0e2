package dev.cogent.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /sessions/{id}/messages} ("MessageCreate"): the user's message, an
 * optional model override, the parent message and a completion callback URL.
 */
public record MessageRequest(
    @JsonProperty("content") String content,
    @JsonProperty("model") String model,
    @JsonProperty("parent_id") String parentId,
    @JsonProperty("callback_url") String callbackUrl) {}
