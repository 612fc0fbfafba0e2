package dev.cogent.tools.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.registry.RegistryEntry;
import dev.cogent.tools.Tool;
import java.util.List;
import java.util.Map;

/**
 * A tool as {@code /tools} shows it (spec 001, "Tools"). {@code source} repeats {@code source_type}
 * as the spec's example does: {@code builtin}, {@code file}, {@code api_code} or {@code api_path}.
 *
 * @param module the Java class of a built-in or {@code api_path} tool, the file of a file tool;
 *     null for {@code api_code}
 * @param functions the tools the model sees, with their argument schemas
 * @param code the source of a code tool; only in {@code GET /tools/{name}}, null in lists
 */
public record ToolView(
    @JsonProperty("name") String name,
    @JsonProperty("source_type") String sourceType,
    @JsonProperty("source") String source,
    @JsonProperty("module") String module,
    @JsonProperty("description") String description,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("interrupt_on") boolean interruptOn,
    @JsonProperty("language") ToolLanguage language,
    @JsonProperty("functions") List<ToolFunction> functions,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("code") String code) {

  public ToolView {
    functions = List.copyOf(functions);
    scope = Map.copyOf(scope);
  }

  static ToolView builtin(Tool tool) {
    return new ToolView(
        tool.name(),
        "builtin",
        "builtin",
        tool.getClass().getName(),
        tool.description(),
        true,
        false,
        ToolLanguage.JAVA,
        List.of(new ToolFunction(tool.name(), tool.description(), tool.parametersSchema())),
        Map.of(),
        null);
  }

  static ToolView of(RegistryEntry<ToolSpec> entry, boolean withCode) {
    ToolSpec spec = entry.document();
    String type =
        entry.isFileManaged() ? "file" : spec.language().isCode() ? "api_code" : "api_path";
    String module = entry.isFileManaged() ? entry.origin() : spec.path();
    String description = spec.description();
    if (description == null && !spec.functions().isEmpty()) {
      description = spec.functions().get(0).description();
    }
    return new ToolView(
        entry.name(),
        type,
        type,
        module,
        description,
        spec.enabled(),
        spec.interruptOn(),
        spec.language(),
        spec.functions(),
        entry.scope().values(),
        withCode ? spec.code() : null);
  }
}
