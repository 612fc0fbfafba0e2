package dev.cogent.tools.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One callable of a catalog tool as the model sees it: a {@code @tool} function of Python code, a
 * tool of a JavaScript module, or a Java plugin tool. Its schema is extracted once, when the tool
 * is registered or discovered, and stored with the row.
 *
 * @param parameters the JSON schema ({@code type: object}) of its arguments
 */
public record ToolFunction(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("parameters") Map<String, Object> parameters) {

  /** The names model APIs accept for a tool. */
  static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

  public ToolFunction {
    if (name == null || parameters == null) {
      throw new IllegalArgumentException("name and parameters are required");
    }
    description = description == null ? "" : description;
    parameters = Map.copyOf(parameters);
  }
}
