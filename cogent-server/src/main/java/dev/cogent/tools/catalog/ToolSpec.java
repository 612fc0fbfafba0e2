package dev.cogent.tools.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The registry document of a catalog tool.
 *
 * @param code the Python or JavaScript source ({@code api_code} and file tools); null for Java
 * @param path the Java class name ({@code api_path}); null for code
 * @param description the registration's description; null to use the first function's
 * @param interruptOn whether calls of its functions wait for a human by default
 * @param functions what the code or class offers the model, extracted when it was stored
 */
public record ToolSpec(
    @JsonProperty("language") ToolLanguage language,
    @JsonProperty("code") String code,
    @JsonProperty("path") String path,
    @JsonProperty("description") String description,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("interrupt_on") boolean interruptOn,
    @JsonProperty("functions") List<ToolFunction> functions) {

  public ToolSpec {
    if (language == null) {
      throw new IllegalArgumentException("language is required");
    }
    if ((code == null) == (path == null)) {
      throw new IllegalArgumentException("exactly one of code and path");
    }
    functions = functions == null ? List.of() : List.copyOf(functions);
  }
}
