package dev.cogent.tools.catalog;

import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import java.util.Map;

/** One function of a Python or JavaScript catalog row, run through the {@link CodeRunner}. */
final class CodeTool implements CatalogTool {

  private final String registryName;
  private final ToolSpec spec;
  private final ToolFunction function;
  private final CodeRunner runner;

  CodeTool(String registryName, ToolSpec spec, ToolFunction function, CodeRunner runner) {
    this.registryName = registryName;
    this.spec = spec;
    this.function = function;
    this.runner = runner;
  }

  @Override
  public String name() {
    return function.name();
  }

  @Override
  public String description() {
    return function.description().isEmpty() && spec.description() != null
        ? spec.description()
        : function.description();
  }

  @Override
  public Map<String, Object> parametersSchema() {
    return function.parameters();
  }

  @Override
  public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
    return runner.call(
        spec.language(),
        spec.code(),
        function.name(),
        arguments,
        context.workspace(),
        context.cancellation());
  }

  @Override
  public String registryName() {
    return registryName;
  }

  @Override
  public boolean interruptOn() {
    return spec.interruptOn();
  }
}
