package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One execution of the agent for a message, as stored and served ("Run" in the OpenAPI). */
public record Run(
    @JsonProperty("id") String id,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("status") RunStatus status,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("finished_at") Instant finishedAt,
    @JsonProperty("user_message_id") String userMessageId,
    @JsonProperty("assistant_message_id") String assistantMessageId,
    @JsonProperty("first_sequence") Long firstSequence,
    @JsonProperty("last_sequence") Long lastSequence,
    @JsonProperty("error") RunError error) {}
