package dev.cogent.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The error envelope of every error response (spec 001, "Error Format"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(
    @JsonProperty("error") String error,
    @JsonProperty("code") String code,
    @JsonProperty("details") Map<String, Object> details,
    @JsonProperty("request_id") String requestId) {}
