package dev.cogent.tools.catalog;

import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import java.util.Map;

/** A Java tool of an {@code api_path} row, with the row's name and {@code interrupt_on}. */
final class PluginTool implements CatalogTool {

  private final String registryName;
  private final boolean interruptOn;
  private final Tool tool;

  PluginTool(String registryName, boolean interruptOn, Tool tool) {
    this.registryName = registryName;
    this.interruptOn = interruptOn;
    this.tool = tool;
  }

  @Override
  public String name() {
    return tool.name();
  }

  @Override
  public String description() {
    return tool.description();
  }

  @Override
  public Map<String, Object> parametersSchema() {
    return tool.parametersSchema();
  }

  @Override
  public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
    return tool.execute(arguments, context);
  }

  @Override
  public String registryName() {
    return registryName;
  }

  @Override
  public boolean interruptOn() {
    return interruptOn;
  }
}
