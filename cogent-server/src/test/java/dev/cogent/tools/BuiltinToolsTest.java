package dev.cogent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.settings.ToolSettings;
import dev.cogent.tools.sandbox.Sandboxes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinToolsTest {

  final BuiltinTools tools =
      new BuiltinTools(
          new ToolSettings("local", Duration.ofSeconds(300), 100_000, "python3", "node"),
          new Sandboxes(System.getenv()).find("local").orElseThrow());

  Tool tool(String name) {
    return tools.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void has_the_deep_agents_tools_plus_bash() {
    assertThat(tools.all())
        .extracting(Tool::name)
        .containsExactly(
            "ls", "read_file", "write_file", "edit_file", "glob", "grep", "execute", "bash");
  }

  @Test
  @SuppressWarnings("unchecked")
  void every_schema_is_a_closed_object_whose_required_arguments_exist() {
    for (Tool tool : tools.all()) {
      Map<String, Object> schema = tool.parametersSchema();
      Map<String, Object> properties = (Map<String, Object>) schema.get("properties");

      assertThat(schema.get("type")).as(tool.name()).isEqualTo("object");
      assertThat(schema.get("additionalProperties")).as(tool.name()).isEqualTo(false);
      assertThat(properties.keySet())
          .as(tool.name())
          .containsAll((List<String>) schema.get("required"));
      properties.forEach(
          (name, property) ->
              assertThat((Map<String, Object>) property)
                  .as("%s.%s", tool.name(), name)
                  .containsKeys("type", "description"));
      assertThat(tool.description()).as(tool.name()).isNotBlank();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_arguments_have_deep_agents_names() {
    Map<String, List<String>> expected =
        Map.of(
            "ls", List.of("path"),
            "read_file", List.of("file_path", "offset", "limit"),
            "write_file", List.of("file_path", "content"),
            "edit_file", List.of("file_path", "old_string", "new_string", "replace_all"),
            "glob", List.of("pattern", "path"),
            "grep", List.of("pattern", "path", "glob", "output_mode"),
            "execute", List.of("command", "timeout"));
    expected.forEach(
        (name, arguments) ->
            assertThat(
                    ((Map<String, Object>) tool(name).parametersSchema().get("properties"))
                        .keySet())
                .as(name)
                .containsExactlyElementsOf(arguments));
    assertThat(tool("edit_file").parametersSchema().get("required"))
        .isEqualTo(List.of("file_path", "old_string", "new_string"));
    assertThat(tool("execute").parametersSchema().get("required")).isEqualTo(List.of("command"));
  }

  @Test
  void file_tools_explain_the_virtual_root() {
    for (String name : List.of("ls", "read_file", "write_file", "edit_file", "glob", "grep")) {
      assertThat(tool(name).description()).as(name).contains("workspace", "`/`");
    }
  }

  @Test
  void execute_describes_the_sandbox_it_runs_in() {
    assertThat(tool("execute").description())
        .contains("exit code 124")
        .doesNotContain("no network");
  }
}
