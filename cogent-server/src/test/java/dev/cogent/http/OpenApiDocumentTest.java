package dev.cogent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OpenAPI document itself: complete against spec 001 and true to the lead's conventions. */
class OpenApiDocumentTest {

  private static final JsonNode DOCUMENT = OpenApiContract.load().document();
  private static final List<String> HTTP_METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^/}]+)}");

  @Test
  void is_an_openapi_3_1_document_with_a_2020_12_dialect() {
    assertThat(DOCUMENT.path("openapi").asText()).startsWith("3.1.");
    assertThat(DOCUMENT.path("jsonSchemaDialect").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(DOCUMENT.path("info").path("title").asText()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // spec 001, in its order
    "GET,    /health",
    "GET,    /ready",
    "POST,   /sessions",
    "GET,    /sessions",
    "GET,    /sessions/{session_id}",
    "PATCH,  /sessions/{session_id}",
    "DELETE, /sessions/{session_id}",
    "POST,   /sessions/{session_id}/abort",
    "POST,   /sessions/{session_id}/resume",
    "POST,   /sessions/{session_id}/messages",
    "GET,    /sessions/{session_id}/messages",
    "GET,    /sessions/{session_id}/messages/{message_id}",
    "GET,    /agents",
    "GET,    /agents/{name}",
    "POST,   /agents",
    "PUT,    /agents/{name}",
    "PATCH,  /agents/{name}",
    "DELETE, /agents/{name}",
    "GET,    /skills",
    "GET,    /skills/{name}",
    "POST,   /skills",
    "PUT,    /skills/{name}",
    "PATCH,  /skills/{name}",
    "DELETE, /skills/{name}",
    "GET,    /tools",
    "GET,    /tools/{name}",
    "GET,    /tools/errors",
    "POST,   /tools",
    "DELETE, /tools/{name}",
    "POST,   /tools/reload",
    "GET,    /models",
    "GET,    /models/providers",
    "GET,    /models/providers/{provider_id}/models",
    "POST,   /models/providers",
    "PATCH,  /models/providers/{provider_id}",
    "DELETE, /models/providers/{provider_id}",
    "POST,   /models/providers/{provider_id}/test",
    "GET,    /config",
    "PATCH,  /config",
    "POST,   /config/rollback",
    "GET,    /mcp-servers",
    "POST,   /mcp-servers",
    "GET,    /mcp-servers/{name}",
    "PATCH,  /mcp-servers/{name}",
    "DELETE, /mcp-servers/{name}",
    "GET,    /artifacts",
    "POST,   /artifacts",
    "GET,    /artifacts/{artifact_id}",
    "PUT,    /artifacts/{artifact_id}",
    "DELETE, /artifacts/{artifact_id}",
    "GET,    /artifacts/{artifact_id}/versions",
    "GET,    /artifacts/{artifact_id}/versions/{version}",
    "GET,    /capabilities",
    "GET,    /.well-known/agent-card.json",
    "POST,   /a2a/{agent_name}",
    // Cogent additions
    "GET,    /sessions/{session_id}/events",
    "GET,    /sessions/{session_id}/runs",
    "GET,    /sessions/{session_id}/runs/{run_id}",
    "GET,    /openapi.json",
    "GET,    /docs",
  })
  void documents_the_operation(String method, String path) {
    JsonNode operation = DOCUMENT.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));

    assertThat(operation.isObject()).as("%s %s is documented", method, path).isTrue();
  }

  @Test
  void documents_sse_responses_for_messages_and_resume() {
    assertThat(
            response("/sessions/{session_id}/messages", "post", "200")
                .path("content")
                .has("text/event-stream"))
        .isTrue();
    assertThat(
            response("/sessions/{session_id}/resume", "post", "200")
                .path("content")
                .has("text/event-stream"))
        .isTrue();
  }

  @Test
  void documents_a_payload_schema_for_every_sse_event_type() {
    JsonNode schemas = DOCUMENT.path("components").path("schemas");
    List<String> types = new ArrayList<>();
    schemas.path("EventType").path("enum").forEach(type -> types.add(type.asText()));

    assertThat(types)
        .containsExactlyInAnyOrder(
            "token",
            "tool_call",
            "tool_result",
            "planning",
            "step_complete",
            "delegation",
            "status",
            "interrupt",
            "usage",
            "error",
            "done");
    for (String type : types) {
      assertThat(schemas.has(pascalCase(type) + "Event")).as("schema for %s", type).isTrue();
    }
  }

  @Test
  void every_operation_has_a_unique_camel_case_id_a_tag_and_a_summary() {
    Set<String> ids = new HashSet<>();
    forEachOperation(
        (name, operation) -> {
          String id = operation.path("operationId").asText("");
          assertThat(id).as("operationId of %s", name).matches(CAMEL_CASE);
          assertThat(ids.add(id)).as("operationId %s is unique", id).isTrue();
          assertThat(operation.path("tags").isEmpty()).as("tags of %s", name).isFalse();
          assertThat(operation.path("summary").asText("")).as("summary of %s", name).isNotBlank();
          assertThat(operation.path("description").asText(""))
              .as("description of %s", name)
              .isNotBlank();
        });
    assertThat(ids).hasSizeGreaterThanOrEqualTo(60);
  }

  @Test
  void every_operation_lists_the_common_error_responses() {
    forEachOperation(
        (name, operation) -> {
          List<String> expected = new ArrayList<>(List.of("403", "429", "500"));
          if (operation.has("requestBody")) {
            expected.addAll(List.of("400", "413", "422"));
          }
          List<String> documented = new ArrayList<>();
          operation.path("responses").fieldNames().forEachRemaining(documented::add);

          assertThat(documented).as("responses of %s", name).containsAll(expected);
        });
  }

  @Test
  void every_error_response_uses_the_error_envelope() {
    forEachOperation(
        (name, operation) ->
            operation
                .path("responses")
                .properties()
                .forEach(
                    entry -> {
                      if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                        JsonNode schema =
                            resolve(entry.getValue())
                                .path("content")
                                .path("application/json")
                                .path("schema");
                        assertThat(refersTo(schema, "#/components/schemas/Error", new HashSet<>()))
                            .as("%s response %s uses Error", name, entry.getKey())
                            .isTrue();
                      }
                    }));
  }

  @Test
  void every_request_body_rejects_unknown_fields() {
    forEachOperation(
        (name, operation) -> {
          JsonNode content = resolve(operation.path("requestBody")).path("content");
          if (operation.has("requestBody") && content.has("application/json")) {
            // Multipart-only bodies (file uploads) are checked by their routes, field by field.
            JsonNode schema = resolve(content.path("application/json")).path("schema");
            if ("array".equals(resolve(schema).path("type").asText())) {
              return; // a bare JSON array (e.g. dataset ids) has no fields to reject
            }

            assertThat(resolve(schema).path("additionalProperties").isBoolean())
                .as("request body of %s sets additionalProperties", name)
                .isTrue();
            assertThat(resolve(schema).path("additionalProperties").asBoolean(true))
                .as("request body of %s sets additionalProperties: false", name)
                .isFalse();
          }
        });
  }

  @Test
  void every_path_parameter_is_declared() {
    DOCUMENT
        .path("paths")
        .properties()
        .forEach(
            path -> {
              Set<String> inTemplate = new HashSet<>();
              Matcher matcher = PATH_PARAMETER.matcher(path.getKey());
              while (matcher.find()) {
                inTemplate.add(matcher.group(1));
              }
              for (String method : HTTP_METHODS) {
                if (path.getValue().has(method)) {
                  Set<String> declared = new HashSet<>();
                  List<JsonNode> parameters = new ArrayList<>();
                  path.getValue().path("parameters").forEach(parameters::add);
                  path.getValue().path(method).path("parameters").forEach(parameters::add);
                  for (JsonNode parameter : parameters) {
                    JsonNode resolved = resolve(parameter);
                    if (resolved.path("in").asText().equals("path")) {
                      declared.add(resolved.path("name").asText());
                    }
                  }

                  assertThat(declared)
                      .as("path parameters of %s %s", method, path.getKey())
                      .isEqualTo(inTemplate);
                }
              }
            });
  }

  @Test
  void every_ref_resolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(DOCUMENT, refs);

    assertThat(refs).hasSizeGreaterThan(100);
    assertThat(refs)
        .allSatisfy(
            ref -> {
              assertThat(ref).startsWith("#/");
              assertThat(DOCUMENT.at(ref.substring(1)).isMissingNode())
                  .as("%s resolves", ref)
                  .isFalse();
            });
  }

  @Test
  void the_error_code_enum_matches_the_server_error_codes() {
    List<String> documented = new ArrayList<>();
    DOCUMENT
        .path("components")
        .path("schemas")
        .path("ErrorCode")
        .path("enum")
        .forEach(code -> documented.add(code.asText()));

    assertThat(documented)
        .containsExactly(Arrays.stream(ErrorCode.values()).map(Enum::name).toArray(String[]::new));
  }

  private static JsonNode response(String path, String method, String status) {
    return resolve(DOCUMENT.path("paths").path(path).path(method).path("responses").path(status));
  }

  private static void forEachOperation(BiConsumer<String, JsonNode> action) {
    DOCUMENT
        .path("paths")
        .properties()
        .forEach(
            path -> {
              for (String method : HTTP_METHODS) {
                if (path.getValue().has(method)) {
                  action.accept(
                      method.toUpperCase(Locale.ROOT) + " " + path.getKey(),
                      path.getValue().path(method));
                }
              }
            });
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      current = DOCUMENT.at(current.path("$ref").asText().substring(1));
    }
    return current;
  }

  /** Whether {@code schema} is, or reaches through {@code $ref}s and subschemas, {@code target}. */
  private static boolean refersTo(JsonNode schema, String target, Set<String> visited) {
    if (schema.has("$ref")) {
      String ref = schema.path("$ref").asText();
      return ref.equals(target)
          || (visited.add(ref) && refersTo(DOCUMENT.at(ref.substring(1)), target, visited));
    }
    for (JsonNode child : schema) {
      if (child.isContainerNode() && refersTo(child, target, visited)) {
        return true;
      }
    }
    return false;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equals("$ref")) {
          refs.add(field.getValue().asText());
        } else {
          collectRefs(field.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }

  private static String pascalCase(String snake) {
    StringBuilder result = new StringBuilder();
    for (String part : snake.split("_")) {
      result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return result.toString();
  }
}
