package dev.cogent.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a run paused for approval needs to continue, stored as JSON by {@link
 * dev.cogent.session.RunCheckpoints}. The conversation itself is the session's stored transcript
 * (the assistant message with the calls, and the results of the calls before the pending one).
 *
 * @param pending the call that waits for the human's decision
 * @param remaining the later calls of the same model turn, not yet run
 * @param turn the model turn (0-based) that made the calls
 */
record Checkpoint(
    @JsonProperty("pending") ParsedCall pending,
    @JsonProperty("remaining") List<ParsedCall> remaining,
    @JsonProperty("turn") int turn,
    @JsonProperty("input_tokens") int inputTokens,
    @JsonProperty("output_tokens") int outputTokens,
    @JsonProperty("provider") String provider,
    @JsonProperty("model") String model,
    @JsonProperty("todos") TodoList.State todos) {

  Checkpoint {
    remaining = remaining == null ? List.of() : List.copyOf(remaining);
  }
}
