package dev.cogent.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.scope.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnersTest {

  @Test
  void the_global_scope_sees_only_global_owners() {
    assertThat(Owners.visibleTo(Scope.GLOBAL)).containsExactly("");
  }

  @Test
  void a_scope_sees_every_scope_within_it() {
    Scope caller = Scope.of(Map.of("user", "alice", "project", "p1"));

    List<String> owners = Owners.visibleTo(caller);

    assertThat(owners)
        .containsExactlyInAnyOrder("", "user=alice", "project=p1", "project=p1&user=alice");
    assertThat(owners)
        .allSatisfy(o -> assertThat(Scope.fromCanonical(o).isWithin(caller)).isTrue());
  }

  @Test
  void the_owner_with_more_keys_is_more_specific_and_ties_break_on_the_canonical_form() {
    Artifact global = owned(Map.of());
    Artifact user = owned(Map.of("user", "alice"));
    Artifact project = owned(Map.of("project", "p1"));
    Artifact both = owned(Map.of("user", "alice", "project", "p1"));

    assertThat(List.of(global, user, project, both).stream().sorted(Owners.MOST_SPECIFIC_FIRST))
        .containsExactly(both, project, user, global);
  }

  private static Artifact owned(Map<String, String> scope) {
    Instant now = Instant.parse("2026-05-21T10:00:00Z");
    return new Artifact(
        "plan",
        "Plan",
        ArtifactType.ARTIFACT,
        null,
        "c",
        null,
        1,
        null,
        null,
        null,
        Visibility.PRIVATE,
        scope,
        ArtifactSource.API,
        now,
        now);
  }
}
