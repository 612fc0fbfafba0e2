package dev.cogent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.Json;
import dev.cogent.scope.Scope;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.Agents;
import dev.cogent.testing.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentDirectoryTest {

  @TempDir Path dir;

  @Test
  void a_fresh_registry_lets_only_the_built_in_agents_own_sessions() {
    try (Database database = Database.open(new StoreSettings(dir, null, null, null, 4))) {
      AgentDirectory agents =
          Agents.directory(database, new Json(), MutableClock.at("2026-03-02T12:00:00Z"), dir);

      assertThat(agents.isPrimary(AgentDirectory.DEFAULT_AGENT, Scope.GLOBAL)).isTrue();
      assertThat(agents.isPrimary("readonly", Scope.GLOBAL)).isTrue();
      assertThat(agents.isPrimary("ghost", Scope.GLOBAL)).isFalse();
      assertThat(agents.primaryNames(Scope.GLOBAL)).containsExactly("default", "readonly");
    }
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
