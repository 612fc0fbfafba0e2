package dev.cogent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.Json;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolSpecificationsTest {

  private static final Map<String, Object> SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of(
              "file_path", Map.of("type", "string", "description", "Where"),
              "limit", Map.of("type", "integer"),
              "mode", Map.of("enum", List.of("a", "b")),
              "tags", Map.of("type", "array", "items", Map.of("type", "string"))),
          "required",
          List.of("file_path"),
          "additionalProperties",
          false);

  private final ToolSpecifications specifications = new ToolSpecifications(new Json());

  @Test
  void translatesTheJsonSchemaIntoLangChain4jTypes() {
    ToolSpecification spec = specifications.of("read_file", "Reads a file", SCHEMA);

    assertThat(spec.name()).isEqualTo("read_file");
    assertThat(spec.description()).isEqualTo("Reads a file");
    JsonObjectSchema parameters = spec.parameters();
    assertThat(parameters.required()).containsExactly("file_path");
    assertThat(parameters.additionalProperties()).isFalse();
    assertThat(parameters.properties().get("file_path"))
        .isEqualTo(JsonStringSchema.builder().description("Where").build());
    assertThat(parameters.properties().get("limit")).isInstanceOf(JsonIntegerSchema.class);
    assertThat(((JsonEnumSchema) parameters.properties().get("mode")).enumValues())
        .containsExactly("a", "b");
    assertThat(((JsonArraySchema) parameters.properties().get("tags")).items())
        .isInstanceOf(JsonStringSchema.class);
  }

  @Test
  void theSameToolIsDescribedOnceAndThenReused() {
    ToolSpecification first = specifications.of("read_file", "Reads a file", SCHEMA);

    assertThat(specifications.of("read_file", "Reads a file", new LinkedHashMap<>(SCHEMA)))
        .isSameAs(first);
  }

  @Test
  void aChangedNameDescriptionOrSchemaIsDescribedAnew() {
    ToolSpecification first = specifications.of("task", "Subagents: a", SCHEMA);
    Map<String, Object> otherSchema = new LinkedHashMap<>(SCHEMA);
    otherSchema.put("required", List.of());

    assertThat(specifications.of("task", "Subagents: a, b", SCHEMA).description())
        .isEqualTo("Subagents: a, b");
    assertThat(specifications.of("task2", "Subagents: a", SCHEMA).name()).isEqualTo("task2");
    ToolSpecification changed = specifications.of("task", "Subagents: a", otherSchema);
    assertThat(changed.parameters().required()).isEmpty();
    assertThat(specifications.of("task", "Subagents: a", SCHEMA)).isSameAs(first);
  }

  @Test
  void aSchemaChangedByItsToolAfterwardsIsDescribedAnew() {
    Map<String, Object> schema = new LinkedHashMap<>(SCHEMA);
    ToolSpecification first = specifications.of("plugin", "A plugin's tool", schema);

    schema.put("required", List.of("limit"));

    ToolSpecification changed = specifications.of("plugin", "A plugin's tool", schema);
    assertThat(changed.parameters().required()).containsExactly("limit");
    assertThat(specifications.of("plugin", "A plugin's tool", SCHEMA)).isSameAs(first);
  }

  @Test
  void beyondItsCapacityItStillDescribesEveryToolRight() {
    for (int i = 0; i < ToolSpecifications.CAPACITY + 10; i++) {
      ToolSpecification spec = specifications.of("tool" + i, "generated " + i, SCHEMA);
      assertThat(spec.description()).isEqualTo("generated " + i);
    }
    ToolSpecification late = specifications.of("late", "not kept", SCHEMA);

    assertThat(specifications.of("late", "not kept", SCHEMA)).isNotSameAs(late).isEqualTo(late);
  }
}
