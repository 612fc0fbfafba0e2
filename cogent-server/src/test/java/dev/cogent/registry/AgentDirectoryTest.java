package dev.cogent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.scope.Scope;
import org.junit.jupiter.api.Test;

class AgentDirectoryTest {

  @Test
  void without_a_registry_only_the_built_in_agents_own_sessions() {
    AgentDirectory agents = new AgentDirectory();

    assertThat(agents.isPrimary(AgentDirectory.DEFAULT_AGENT, Scope.GLOBAL)).isTrue();
    assertThat(agents.isPrimary("readonly", Scope.GLOBAL)).isTrue();
    assertThat(agents.isPrimary("ghost", Scope.GLOBAL)).isFalse();
    assertThat(agents.primaryNames(Scope.GLOBAL)).containsExactly("default", "readonly");
  }

  @Test
  void subagents_cannot_own_sessions_and_primary_and_all_can() {
    assertThat(AgentMode.PRIMARY.canOwnSessions()).isTrue();
    assertThat(AgentMode.ALL.canOwnSessions()).isTrue();
    assertThat(AgentMode.SUBAGENT.canOwnSessions()).isFalse();
    assertThat(AgentMode.PRIMARY.canBeDelegatedTo()).isFalse();
    assertThat(AgentMode.SUBAGENT.canBeDelegatedTo()).isTrue();
  }
}
