package dev.cogent.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@code POST /sessions/{id}/resume} ("ResumeRequest" in the OpenAPI): the human's
 * decision on the pending tool call of the {@code interrupt} event.
 *
 * @param decision {@code approve}, {@code edit} or {@code reject}
 * @param args with {@code edit} the replacement arguments; with {@code reject} an optional {@code
 *     message} for the model
 */
public record ResumeRequest(
    @JsonProperty("decision") String decision,
    @JsonProperty("tool_call_id") String toolCallId,
    @JsonProperty("tool_name") String toolName,
    @JsonProperty("args") Map<String, Object> args) {}
