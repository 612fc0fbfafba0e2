package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * One execution of the agent for a message or a resume. {@code status}: {@code queued}, {@code
 * running}, {@code waiting_for_approval}, {@code completed}, {@code failed}, {@code aborted}.
 * {@code firstSequence}/{@code lastSequence} bound its events in the session's log (null before the
 * first). {@code error} ({@code code}, {@code message}) is set when it failed or was aborted.
 */
public record Run(
    @JsonProperty("id") String id,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("status") String status,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("finished_at") Instant finishedAt,
    @JsonProperty("user_message_id") String userMessageId,
    @JsonProperty("assistant_message_id") String assistantMessageId,
    @JsonProperty("first_sequence") Long firstSequence,
    @JsonProperty("last_sequence") Long lastSequence,
    @JsonProperty("error") Map<String, String> error) {}
