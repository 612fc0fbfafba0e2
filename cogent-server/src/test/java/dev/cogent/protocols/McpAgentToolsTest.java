package dev.cogent.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McpAgentToolsTest {

  @ParameterizedTest
  @CsvSource({
    "deploy-agent, ask_deploy-agent",
    "helper.bot, ask_helper_bot",
    "Research_2, ask_Research_2",
    "a b/c, ask_a_b_c"
  })
  void names_the_tool_of_an_agent_with_only_letters_digits_underscores_and_hyphens(
      String agent, String tool) {
    assertThat(McpAgentTools.toolName(agent)).isEqualTo(tool);
  }
}
