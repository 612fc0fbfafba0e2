package dev.cogent.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.scope.Scope;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts in storage: versioning, scopes and the read-only rules; SQLite and PostgreSQL. */
abstract class ArtifactServiceContract {

  private static final Scope ALICE = Scope.of(Map.of("user", "alice", "project", "p1"));
  private static final Scope BOB = Scope.of(Map.of("user", "bob", "project", "p1"));

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-05-21T10:00:00Z");
  private Database database;
  private ArtifactService artifacts;

  abstract DatabaseKind kind();

  @BeforeEach
  void open() {
    database = Database.open(new StoreSettings(dir, kind().newDatabaseUrl(dir), null, null, 10));
    artifacts = new ArtifactService(database, clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static ArtifactRequests.Create request(String id, String type, String content) {
    return new ArtifactRequests.Create(
        id, "Name of " + id, type, content, null, null, null, null, null, null);
  }

  private Artifact create(String id, Scope scope) {
    return artifacts.create(request(id, "artifact", "v1 of " + id), scope);
  }

  private static ArtifactRequests.Update content(String content) {
    return new ArtifactRequests.Update(content, null, null, null, null, null, null);
  }

  private static void assertFails(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void creates_version_one_with_defaults_and_reads_it_back() {
    Artifact created =
        artifacts.create(
            new ArtifactRequests.Create(
                "deployment-plan",
                "Deployment Plan",
                "artifact",
                "# Deployment Plan",
                "text/markdown",
                "/plans/deployment.md",
                "run-1",
                "cp-1",
                null,
                null),
            ALICE);

    assertThat(created.version()).isEqualTo(1);
    assertThat(created.parentVersion()).isNull();
    assertThat(created.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(created.source()).isEqualTo(ArtifactSource.API);
    assertThat(created.scope()).isEqualTo(ALICE.values());
    assertThat(created.createdAt()).isEqualTo(clock.instant()).isEqualTo(created.updatedAt());
    assertThat(artifacts.get("deployment-plan", ALICE)).isEqualTo(created);
    assertThat(artifacts.getVersion("deployment-plan", 1, ALICE)).isEqualTo(created);
  }

  @Test
  void a_content_change_creates_a_new_version_chained_to_the_previous() {
    Artifact first = create("plan", ALICE);
    clock.advance(Duration.ofHours(1));
    Artifact second = artifacts.update("plan", content("v2"), ALICE);
    clock.advance(Duration.ofHours(1));
    Artifact third =
        artifacts.update(
            "plan",
            new ArtifactRequests.Update("v3", "Plan v3", null, null, null, null, "public"),
            ALICE);

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.parentVersion()).isEqualTo(1);
    assertThat(third.version()).isEqualTo(3);
    assertThat(third.parentVersion()).isEqualTo(2);
    assertThat(third.name()).isEqualTo("Plan v3");
    assertThat(third.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(third.createdAt()).isEqualTo(first.createdAt());
    assertThat(third.updatedAt()).isEqualTo(clock.instant());
    assertThat(artifacts.get("plan", ALICE)).isEqualTo(third);

    ArtifactVersionList versions = artifacts.listVersions("plan", ALICE);
    assertThat(versions.artifactId()).isEqualTo("plan");
    assertThat(versions.count()).isEqualTo(3);
    assertThat(versions.versions())
        .extracting(
            ArtifactVersion::version, ArtifactVersion::parentVersion, ArtifactVersion::content)
        .containsExactly(tuple(3, 2, "v3"), tuple(2, 1, "v2"), tuple(1, null, "v1 of plan"));
    assertThat(versions.versions().get(2).createdAt()).isEqualTo(first.createdAt());
    assertThat(versions.versions().get(0).createdAt()).isEqualTo(third.updatedAt());

    Artifact old = artifacts.getVersion("plan", 1, ALICE);
    assertThat(old.content()).isEqualTo("v1 of plan");
    assertThat(old.name()).isEqualTo("Name of plan");
    assertThat(old.visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void a_metadata_only_change_edits_the_latest_version_in_place() {
    create("plan", ALICE);
    artifacts.update("plan", content("v2"), ALICE);
    clock.advance(Duration.ofMinutes(5));

    Artifact renamed =
        artifacts.update(
            "plan",
            new ArtifactRequests.Update(
                "v2", "Renamed", "text/markdown", "/p.md", "run-9", "cp-9", "run"),
            ALICE);

    assertThat(renamed.version()).isEqualTo(2);
    assertThat(renamed.parentVersion()).isEqualTo(1);
    assertThat(renamed.name()).isEqualTo("Renamed");
    assertThat(renamed.contentType()).isEqualTo("text/markdown");
    assertThat(renamed.runId()).isEqualTo("run-9");
    assertThat(renamed.visibility()).isEqualTo(Visibility.RUN);
    assertThat(renamed.updatedAt()).isEqualTo(clock.instant());
    assertThat(artifacts.get("plan", ALICE)).isEqualTo(renamed);
    assertThat(artifacts.listVersions("plan", ALICE).count()).isEqualTo(2);
    assertThat(artifacts.getVersion("plan", 1, ALICE).name()).isEqualTo("Name of plan");
  }

  @Test
  void an_update_that_changes_nothing_keeps_the_artifact_as_it_was() {
    Artifact created = create("plan", ALICE);
    clock.advance(Duration.ofMinutes(5));

    Artifact same =
        artifacts.update(
            "plan",
            new ArtifactRequests.Update(created.content(), null, null, null, null, null, null),
            ALICE);

    assertThat(same).isEqualTo(created);
    assertThat(artifacts.get("plan", ALICE)).isEqualTo(created);
  }

  @Test
  void a_duplicate_id_conflicts_in_its_scope_but_not_in_another() {
    create("plan", ALICE);

    assertFails(() -> create("plan", ALICE), ErrorCode.CONFLICT);
    assertThat(create("plan", BOB).scope()).isEqualTo(BOB.values());
    assertThat(artifacts.get("plan", ALICE).scope()).isEqualTo(ALICE.values());
  }

  @Test
  void an_artifact_of_another_scope_does_not_exist_for_the_caller() {
    create("secret", ALICE);

    assertFails(() -> artifacts.get("secret", BOB), ErrorCode.NOT_FOUND);
    assertFails(() -> artifacts.update("secret", content("stolen"), BOB), ErrorCode.NOT_FOUND);
    assertFails(() -> artifacts.delete("secret", BOB), ErrorCode.NOT_FOUND);
    assertFails(() -> artifacts.listVersions("secret", BOB), ErrorCode.NOT_FOUND);
    assertFails(() -> artifacts.getVersion("secret", 1, BOB), ErrorCode.NOT_FOUND);
    assertThat(artifacts.list(new ArtifactQuery(BOB, null, null)).count()).isZero();
    assertThat(artifacts.get("secret", ALICE).content()).isEqualTo("v1 of secret");
  }

  @Test
  void an_artifact_owned_by_an_enclosing_scope_is_visible_and_the_most_specific_wins() {
    var shared =
        new ArtifactRequests.Create(
            "handbook",
            "Handbook",
            "policy",
            "be kind",
            null,
            null,
            null,
            null,
            "public",
            Map.of());
    artifacts.create(shared, ALICE);
    var projectWide =
        new ArtifactRequests.Create(
            "plan",
            "Project plan",
            "artifact",
            "project",
            null,
            null,
            null,
            null,
            null,
            Map.of("project", "p1"));
    artifacts.create(projectWide, ALICE);
    artifacts.create(request("plan", "artifact", "alice's own"), ALICE);

    assertThat(artifacts.get("handbook", BOB).scope()).isEmpty();
    assertThat(artifacts.get("plan", ALICE).content()).isEqualTo("alice's own");
    assertThat(artifacts.get("plan", BOB).content()).isEqualTo("project");
    assertThat(artifacts.list(new ArtifactQuery(ALICE, null, null)).artifacts())
        .extracting(Artifact::id, Artifact::content)
        .containsExactly(tuple("handbook", "be kind"), tuple("plan", "alice's own"));
    assertThat(
            artifacts
                .list(new ArtifactQuery(Scope.of(Map.of("user", "carol")), null, null))
                .artifacts())
        .extracting(Artifact::id)
        .containsExactly("handbook");

    artifacts.delete("plan", ALICE);
    assertThat(artifacts.get("plan", ALICE).content())
        .as("the project-wide artifact shows once alice's own is gone")
        .isEqualTo("project");
  }

  @Test
  void the_requested_scope_must_be_within_the_callers() {
    var outside =
        new ArtifactRequests.Create(
            "x", "X", "artifact", "c", null, null, null, null, null, Map.of("user", "bob"));
    var wider =
        new ArtifactRequests.Create(
            "x",
            "X",
            "artifact",
            "c",
            null,
            null,
            null,
            null,
            null,
            Map.of("user", "alice", "team", "t"));

    assertFails(() -> artifacts.create(outside, ALICE), ErrorCode.VALIDATION_ERROR);
    assertFails(() -> artifacts.create(wider, ALICE), ErrorCode.VALIDATION_ERROR);
    assertFails(() -> artifacts.get("x", ALICE), ErrorCode.NOT_FOUND);
  }

  @Test
  void reports_every_missing_or_invalid_field_together() {
    var request =
        new ArtifactRequests.Create(
            "bad/id", null, "notes", null, null, null, null, null, "secret", null);

    assertThatThrownBy(() -> artifacts.create(request, ALICE))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
              assertThat(e.details().get("errors").toString())
                  .contains(
                      "field=id",
                      "field=name",
                      "field=artifact_type",
                      "field=content",
                      "field=visibility");
            });
    assertFails(
        () ->
            artifacts.create(
                new ArtifactRequests.Create(
                    null, null, null, null, null, null, null, null, null, null),
                ALICE),
        ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void content_may_be_one_mebibyte_per_version_and_no_more() {
    String limit = "a".repeat(ArtifactValidator.MAX_CONTENT_BYTES);
    String over = "é".repeat(ArtifactValidator.MAX_CONTENT_BYTES / 2 + 1);

    assertThat(artifacts.create(request("big", "artifact", limit), ALICE).content())
        .hasSize(limit.length());
    assertFails(
        () -> artifacts.create(request("huge", "artifact", over), ALICE),
        ErrorCode.VALIDATION_ERROR);
    assertFails(
        () -> artifacts.update("big", content(limit + "b"), ALICE), ErrorCode.VALIDATION_ERROR);
    assertThat(artifacts.get("big", ALICE).version()).isEqualTo(1);
  }

  @Test
  void file_managed_artifacts_cannot_be_changed_or_deleted() {
    Artifact seeded =
        new Artifact(
            "house-rules",
            "House rules",
            ArtifactType.CONTRACT,
            "rules.md",
            "be brief",
            "text/markdown",
            1,
            null,
            null,
            null,
            Visibility.PUBLIC,
            Map.of(),
            ArtifactSource.FILE,
            clock.instant(),
            clock.instant());
    assertThat(new ArtifactRepository(database).insert(seeded)).isTrue();

    assertThat(artifacts.get("house-rules", ALICE)).isEqualTo(seeded);
    assertFails(
        () -> artifacts.update("house-rules", content("changed"), ALICE), ErrorCode.CONFLICT);
    assertFails(() -> artifacts.delete("house-rules", ALICE), ErrorCode.CONFLICT);
    assertThat(artifacts.get("house-rules", ALICE)).isEqualTo(seeded);
  }

  @Test
  void policy_artifacts_cannot_be_updated_but_can_be_deleted() {
    Artifact policy = artifacts.create(request("policy", "policy", "no secrets"), ALICE);

    assertFails(
        () -> artifacts.update("policy", content("anything goes"), ALICE), ErrorCode.CONFLICT);
    assertThat(artifacts.get("policy", ALICE)).isEqualTo(policy);

    artifacts.delete("policy", ALICE);
    assertFails(() -> artifacts.get("policy", ALICE), ErrorCode.NOT_FOUND);
  }

  @Test
  void lists_latest_versions_filtered_by_type_and_run() {
    artifacts.create(
        new ArtifactRequests.Create(
            "a", "A", "scratch", "a", null, null, "run-1", null, null, null),
        ALICE);
    artifacts.create(request("b", "contract", "b"), ALICE);
    artifacts.create(
        new ArtifactRequests.Create(
            "c", "C", "contract", "c", null, null, "run-1", null, null, null),
        ALICE);
    artifacts.update("c", content("c2"), ALICE);

    assertThat(artifacts.list(new ArtifactQuery(ALICE, null, null)).artifacts())
        .extracting(Artifact::id, Artifact::version)
        .containsExactly(tuple("a", 1), tuple("b", 1), tuple("c", 2));
    assertThat(artifacts.list(new ArtifactQuery(ALICE, ArtifactType.CONTRACT, null)).artifacts())
        .extracting(Artifact::id)
        .containsExactly("b", "c");
    assertThat(artifacts.list(new ArtifactQuery(ALICE, ArtifactType.CONTRACT, "run-1")).artifacts())
        .extracting(Artifact::id)
        .containsExactly("c");
    assertThat(artifacts.list(new ArtifactQuery(ALICE, null, "run-2")).count()).isZero();
  }

  @Test
  void deleting_removes_every_version() {
    create("plan", ALICE);
    artifacts.update("plan", content("v2"), ALICE);

    artifacts.delete("plan", ALICE);

    assertFails(() -> artifacts.get("plan", ALICE), ErrorCode.NOT_FOUND);
    assertFails(() -> artifacts.delete("plan", ALICE), ErrorCode.NOT_FOUND);
    int rows =
        database.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM artifact_versions WHERE artifact_id = 'plan'")
                    .mapTo(Integer.class)
                    .one());
    assertThat(rows).isZero();
    assertThat(create("plan", ALICE).version()).as("the id is free again").isEqualTo(1);
  }

  @Test
  void an_unknown_version_is_not_found() {
    create("plan", ALICE);

    assertFails(() -> artifacts.getVersion("plan", 2, ALICE), ErrorCode.NOT_FOUND);
    assertFails(() -> artifacts.getVersion("nothing", 1, ALICE), ErrorCode.NOT_FOUND);
  }

  @Test
  void concurrent_updates_produce_distinct_consecutive_versions() throws Exception {
    create("plan", ALICE);
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Callable<Artifact>> updates = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String text = "writer " + i;
        updates.add(
            () -> {
              start.await(10, TimeUnit.SECONDS);
              return artifacts.update("plan", content(text), ALICE);
            });
      }
      List<Future<Artifact>> results = new ArrayList<>();
      for (Callable<Artifact> update : updates) {
        results.add(pool.submit(update));
      }
      start.countDown();
      List<Integer> written = new ArrayList<>();
      for (Future<Artifact> result : results) {
        Artifact artifact = result.get(30, TimeUnit.SECONDS);
        assertThat(artifact.parentVersion()).isEqualTo(artifact.version() - 1);
        written.add(artifact.version());
      }
      assertThat(written)
          .containsExactlyInAnyOrderElementsOf(
              IntStream.rangeClosed(2, writers + 1).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
    ArtifactVersionList versions = artifacts.listVersions("plan", ALICE);
    assertThat(versions.versions())
        .extracting(ArtifactVersion::version)
        .containsExactlyElementsOf(
            IntStream.iterate(writers + 1, v -> v >= 1, v -> v - 1).boxed().toList());
    assertThat(versions.versions())
        .allSatisfy(
            v ->
                assertThat(v.parentVersion()).isEqualTo(v.version() == 1 ? null : v.version() - 1));
    assertThat(artifacts.get("plan", ALICE).version()).isEqualTo(writers + 1);
  }
}
