package dev.cogent.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.tools.ToolResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code write_todos} tool of the runtime (Deep Agents' planning tool): the model writes its
 * whole plan each time. A new or changed list of steps emits {@code planning} with the step
 * descriptions (strings, as spec 001 shows); each step that became {@code completed} emits {@code
 * step_complete} with its 1-based position in the current list.
 *
 * <p>One instance per run; used by the run's thread only.
 */
final class TodoList {

  static final String NAME = "write_todos";

  static final String DESCRIPTION =
      "Create and update your task plan. Send the whole list every time; mark each step pending,"
          + " in_progress or completed as you work.";

  static final Map<String, Object> SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of(
              "todos",
              Map.of(
                  "type",
                  "array",
                  "description",
                  "The plan, in order.",
                  "items",
                  Map.of(
                      "type",
                      "object",
                      "properties",
                      Map.of(
                          "content",
                          Map.of("type", "string", "description", "What the step does."),
                          "status",
                          Map.of(
                              "type",
                              "string",
                              "enum",
                              List.of("pending", "in_progress", "completed"))),
                      "required",
                      List.of("content", "status")))),
          "required",
          List.of("todos"),
          "additionalProperties",
          false);

  private List<String> steps = List.of();
  private Set<String> completed = Set.of();

  /** The plan as a checkpoint stores it. */
  record State(
      @JsonProperty("steps") List<String> steps,
      @JsonProperty("completed") List<String> completed) {}

  TodoList() {}

  /** A plan restored from a checkpoint; null means none yet. */
  TodoList(State state) {
    if (state != null) {
      steps = state.steps() == null ? List.of() : List.copyOf(state.steps());
      completed = state.completed() == null ? Set.of() : Set.copyOf(state.completed());
    }
  }

  State state() {
    return new State(steps, List.copyOf(completed));
  }

  /** Applies validated {@code write_todos} arguments, emitting planning and step events. */
  ToolResult write(Map<String, Object> arguments, RunEmitter emitter) {
    List<String> newSteps = new ArrayList<>();
    Set<String> newCompleted = new HashSet<>();
    for (Object item : (List<?>) arguments.get("todos")) {
      Map<?, ?> todo = (Map<?, ?>) item;
      String content = String.valueOf(todo.get("content"));
      newSteps.add(content);
      if ("completed".equals(todo.get("status"))) {
        newCompleted.add(content);
      }
    }
    if (!newSteps.isEmpty() && !newSteps.equals(steps)) {
      emitter.emit("planning", Map.of("todos", List.copyOf(newSteps)));
    }
    for (int i = 0; i < newSteps.size(); i++) {
      String step = newSteps.get(i);
      if (newCompleted.contains(step) && !completed.contains(step)) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("step_number", i + 1);
        event.put("total_steps", newSteps.size());
        event.put("description", step);
        emitter.emit("step_complete", event);
      }
    }
    steps = List.copyOf(newSteps);
    completed = Set.copyOf(newCompleted);
    return ToolResult.ok(
        "Updated the todo list: " + steps.size() + " steps, " + completed.size() + " completed.");
  }
}
