package dev.cogent.observability;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One circuit breaker as {@code GET /health} lists it.
 *
 * @param kind {@code provider} or {@code mcp_server}
 * @param state {@code closed}, {@code open} or {@code half_open}
 * @param openedAt when it last opened; null while it has not
 * @param retryAt when an open breaker lets a trial call through; null while it has not opened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BreakerState(
    @JsonProperty("name") String name,
    @JsonProperty("kind") String kind,
    @JsonProperty("state") String state,
    @JsonProperty("consecutive_failures") int consecutiveFailures,
    @JsonProperty("opened_at") Instant openedAt,
    @JsonProperty("retry_at") Instant retryAt) {}
