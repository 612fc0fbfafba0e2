package dev.cogent.memory.search;

import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.identity.Principal;
import dev.cogent.memory.Remember;
import dev.cogent.memory.Upload;
import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents' {@code remember} tool: {@code POST /api/v1/remember} of one text into a dataset of
 * the session's owner ({@link SessionOwners}), created when missing, with the owner's permissions.
 * It waits for cognify, so that a {@code recall} right after finds the text, and runs no {@code
 * improve} (a tool call stays short; {@code POST /api/v1/improve} does that). Errors are failed
 * results with the API's message.
 *
 * <p>Thread-safe.
 */
public final class RememberTool implements Tool {

  /** The anchor's default dataset. */
  static final String DEFAULT_DATASET = "main_dataset";

  private static final Map<String, Object> SCHEMA = schema();

  private final Remember remember;
  private final SessionOwners owners;
  private final Json json;

  public RememberTool(Remember remember, SessionOwners owners, Json json) {
    this.remember = remember;
    this.owners = owners;
    this.json = json;
  }

  @Override
  public String name() {
    return "remember";
  }

  @Override
  public String description() {
    return "Stores a text in your knowledge-graph memory: it is added to a dataset (default "
        + DEFAULT_DATASET
        + "), chunked, embedded and its entities and relations put into the graph, so that recall"
        + " finds it later, also in other sessions.";
  }

  @Override
  public Map<String, Object> parametersSchema() {
    return SCHEMA;
  }

  @Override
  public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
    Optional<Principal> owner = owners.owner(context.scope());
    if (owner.isEmpty()) {
      return ToolResult.failed("Error: this session has no owning user, so it has no memory");
    }
    Object text = arguments.get("text");
    if (text == null || String.valueOf(text).isBlank()) {
      return ToolResult.failed("Error: text is empty");
    }
    Object dataset = arguments.get("dataset");
    List<String> nodeSet = new ArrayList<>();
    if (arguments.get("node_set") instanceof List<?> tags) {
      tags.forEach(tag -> nodeSet.add(String.valueOf(tag)));
    }
    try {
      Remember.Result result =
          remember.remember(
              owner.get(),
              new Remember.Request(
                  dataset == null ? DEFAULT_DATASET : String.valueOf(dataset),
                  null,
                  null,
                  List.of(Upload.text(String.valueOf(text))),
                  nodeSet,
                  false,
                  null,
                  null,
                  null,
                  false,
                  null,
                  null),
              context.scope());
      String answer = json.write(result);
      return result.errored() ? ToolResult.failed(answer) : ToolResult.ok(answer);
    } catch (ApiException e) {
      return ToolResult.failed("Error: " + e.getMessage());
    }
  }

  private static Map<String, Object> schema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("text", Map.of("type", "string", "description", "What to remember."));
    properties.put(
        "dataset",
        Map.of(
            "type",
            "string",
            "description",
            "The name of one of your datasets; created when missing (default "
                + DEFAULT_DATASET
                + ")."));
    properties.put(
        "node_set",
        Map.of(
            "type",
            "array",
            "items",
            Map.of("type", "string"),
            "description",
            "Tags; recall's node_name finds what was stored with them."));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Collections.unmodifiableMap(properties));
    schema.put("required", List.of("text"));
    schema.put("additionalProperties", false);
    return Collections.unmodifiableMap(schema);
  }
}
