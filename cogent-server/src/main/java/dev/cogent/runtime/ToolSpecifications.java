package dev.cogent.runtime;

import dev.cogent.Json;
import dev.cogent.tools.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Describes our tools to LangChain4j: the JSON schema maps of the SPI become its schema types.
 *
 * <p>Every model turn of every run needs the specifications of its agent's tools, and they rarely
 * change, so the ones made are kept (they are immutable) and made again only for a new name,
 * description or schema. At most {@link #CAPACITY} are kept: tools whose descriptions change all
 * the time (an MCP server generating them) are then made anew on every turn instead of filling the
 * heap. Thread-safe.
 */
final class ToolSpecifications {

  static final int CAPACITY = 1024;

  private final Json json;
  private final Map<Key, ToolSpecification> made = new ConcurrentHashMap<>();

  ToolSpecifications(Json json) {
    this.json = json;
  }

  ToolSpecification of(Tool tool) {
    return of(tool.name(), tool.description(), tool.parametersSchema());
  }

  ToolSpecification of(String name, String description, Map<String, Object> schema) {
    Key key = new Key(name, description, schema);
    ToolSpecification known = made.get(key);
    if (known != null) {
      return known;
    }
    ToolSpecification specification = make(name, description, schema);
    if (made.size() < CAPACITY) {
      // Kept with a copy of the schema: a plugin may change the map it returned, never the key.
      made.putIfAbsent(new Key(name, description, frozen(schema)), specification);
    }
    return specification;
  }

  /** A deep copy of JSON-shaped maps and lists that cannot change; equal to the original. */
  @SuppressWarnings("unchecked")
  private static <T> T frozen(T node) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((name, value) -> copy.put(name, frozen(value)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(value -> copy.add(frozen(value)));
      return (T) Collections.unmodifiableList(copy);
    }
    return node;
  }

  private ToolSpecification make(String name, String description, Map<String, Object> schema) {
    return ToolSpecification.builder()
        .name(name)
        .description(description)
        .parameters(object(schema))
        .build();
  }

  private JsonObjectSchema object(Map<String, Object> schema) {
    JsonObjectSchema.Builder builder = JsonObjectSchema.builder();
    String description = text(schema.get("description"));
    if (description != null) {
      builder.description(description);
    }
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      properties.forEach(
          (name, property) -> builder.addProperty(String.valueOf(name), element(property)));
    }
    if (schema.get("required") instanceof List<?> required) {
      builder.required(required.stream().map(String::valueOf).toList());
    }
    if (schema.get("additionalProperties") instanceof Boolean additional) {
      builder.additionalProperties(additional);
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private JsonSchemaElement element(Object node) {
    if (!(node instanceof Map<?, ?> map)) {
      return JsonStringSchema.builder().build();
    }
    Map<String, Object> schema = (Map<String, Object>) map;
    String description = text(schema.get("description"));
    if (schema.get("enum") instanceof List<?> values
        && values.stream().allMatch(v -> v instanceof String)) {
      return JsonEnumSchema.builder()
          .enumValues(values.stream().map(String::valueOf).toList())
          .description(description)
          .build();
    }
    Object type = schema.get("type");
    if (!(type instanceof String name)) {
      return JsonRawSchema.from(json.write(schema));
    }
    return switch (name) {
      case "string" -> JsonStringSchema.builder().description(description).build();
      case "integer" -> JsonIntegerSchema.builder().description(description).build();
      case "number" -> JsonNumberSchema.builder().description(description).build();
      case "boolean" -> JsonBooleanSchema.builder().description(description).build();
      case "array" ->
          JsonArraySchema.builder()
              .items(element(schema.getOrDefault("items", Map.of())))
              .description(description)
              .build();
      case "object" -> object(schema);
      default -> JsonRawSchema.from(json.write(schema));
    };
  }

  private record Key(String name, String description, Map<String, Object> schema) {}

  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }
}
