package dev.cogent.runtime;

import dev.cogent.tools.ToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tool call came to after the middleware: a result for the model, or a pause for a human.
 *
 * @param result the result the model gets; null only when {@code paused}
 * @param paused the call waits for a human's decision (HITL); the run stops here
 * @param details more fields of the call's {@code tool_result} event (such as {@code saved_to})
 */
record ToolOutcome(ToolResult result, boolean paused, Map<String, Object> details) {

  ToolOutcome {
    if (result == null && !paused) {
      throw new IllegalArgumentException("a call that is not paused has a result");
    }
    details = Map.copyOf(details);
  }

  static ToolOutcome of(ToolResult result) {
    return new ToolOutcome(result, false, Map.of());
  }

  static ToolOutcome pause() {
    return new ToolOutcome(null, true, Map.of());
  }

  /** The same call with {@code result} for the model and one more event field. */
  ToolOutcome replaced(ToolResult replacement, String detail, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(details);
    more.put(detail, value);
    return new ToolOutcome(replacement, paused, more);
  }
}
