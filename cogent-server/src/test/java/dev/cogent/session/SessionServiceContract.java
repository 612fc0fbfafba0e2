package dev.cogent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.scope.Scope;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.Agents;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour of sessions in storage; runs on SQLite and on a real PostgreSQL. */
abstract class SessionServiceContract {

  private static final Scope ALICE = Scope.of(Map.of("user", "alice"));
  private static final Scope BOB = Scope.of(Map.of("user", "bob"));

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private Database database;
  private SessionService sessions;
  private List<ProviderChoice> providers = List.of();

  abstract DatabaseKind kind();

  @BeforeEach
  void open() {
    database = Database.open(new StoreSettings(dir, kind().newDatabaseUrl(dir), null, null, 10));
    Json json = new Json();
    sessions =
        new SessionService(
            database,
            json,
            Agents.directory(database, json, clock, dir),
            scope -> providers,
            clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private Session create(String title, Map<String, Object> metadata, Scope scope) {
    return sessions.create(new SessionRequests.Create(title, null, metadata, null), scope);
  }

  @Test
  void creates_a_session_with_defaults_and_reads_it_back() {
    Session created = create("My session", Map.of("repository", "myorg/myrepo"), Scope.GLOBAL);

    assertThat(created.agentName()).isEqualTo("default");
    assertThat(created.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(created.messageCount()).isZero();
    assertThat(created.createdAt()).isEqualTo(clock.instant());
    assertThat(created.threadId()).isNotBlank().isNotEqualTo(created.id());
    assertThat(sessions.get(created.id(), Scope.GLOBAL)).isEqualTo(created);
  }

  @Test
  void stores_metadata_as_text_and_keeps_the_config() {
    var config = new SessionConfig(null, "openai", "gpt-4o", 0.3, 2048, 500);
    Session created =
        sessions.create(
            new SessionRequests.Create(
                null, "readonly", Map.of("pr_number", 42, "draft", true), config),
            Scope.GLOBAL);

    Session read = sessions.get(created.id(), Scope.GLOBAL);
    assertThat(read.metadata()).containsEntry("pr_number", "42").containsEntry("draft", "true");
    assertThat(read.config()).isEqualTo(config);
    assertThat(read.agentName()).isEqualTo("readonly");
  }

  @Test
  void an_empty_config_clears_the_override() {
    Session created =
        sessions.create(
            new SessionRequests.Create(
                null, null, null, new SessionConfig(null, "openai", "gpt-4o", null, null, null)),
            Scope.GLOBAL);

    Session cleared =
        sessions.update(
            created.id(),
            new SessionRequests.Update(
                null, null, null, new SessionConfig(null, null, null, null, null, null)),
            Scope.GLOBAL);

    assertThat(cleared.config()).isNull();
    assertThat(sessions.get(created.id(), Scope.GLOBAL).config()).isNull();
  }

  @Test
  void rejects_unknown_agents_long_titles_and_nested_metadata_together() {
    var request =
        new SessionRequests.Create(
            "x".repeat(201), "nobody", Map.of("nested", Map.of("a", "b")), null);

    assertThatThrownBy(() -> sessions.create(request, Scope.GLOBAL))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
              assertThat(e.details().get("errors").toString())
                  .contains("title", "agent_name", "metadata.nested");
            });
    assertThat(sessions.list(new SessionQuery(Scope.GLOBAL, Map.of(), 50, 0)).total()).isZero();
  }

  @Test
  void validates_session_config_against_the_enabled_providers() {
    providers =
        List.of(
            new ProviderChoice("my-openai", "openai", "gpt-4o"),
            new ProviderChoice("router", "openai_compatible", "gpt-4o"),
            new ProviderChoice("claude", "anthropic", "claude-sonnet-4-6"));

    assertThat(createWith(new SessionConfig("my-openai", null, null, null, null, null)).config())
        .isNotNull();
    assertThat(createWith(new SessionConfig(null, null, "claude-sonnet-4-6", null, null, null)))
        .isNotNull();
    assertThatThrownBy(() -> createWith(new SessionConfig("missing", null, null, null, null, null)))
        .hasMessageContaining("config.provider_id");
    assertThatThrownBy(() -> createWith(new SessionConfig(null, null, "gpt-4o", null, null, null)))
        .hasMessageContaining("several provider types")
        .hasMessageContaining("openai, openai_compatible");
    assertThatThrownBy(() -> createWith(new SessionConfig(null, null, "unknown", null, null, null)))
        .hasMessageContaining("no enabled provider serves model 'unknown'");
    assertThatThrownBy(() -> createWith(new SessionConfig(null, "openai", null, null, null, null)))
        .hasMessageContaining("config.model");
    assertThatThrownBy(() -> createWith(new SessionConfig(null, "openai", "m", 2.5, 0, 0)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.details().get("errors").toString())
                    .contains("config.temperature", "config.max_tokens", "config.recursion_limit"));
  }

  private Session createWith(SessionConfig config) {
    return sessions.create(new SessionRequests.Create(null, null, null, config), Scope.GLOBAL);
  }

  @Test
  void lists_newest_first_with_total_limit_and_offset() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(create("s" + i, Map.of(), Scope.GLOBAL).id());
      clock.advance(Duration.ofSeconds(1));
    }

    SessionPage page = sessions.list(new SessionQuery(Scope.GLOBAL, Map.of(), 2, 1));

    assertThat(page.total()).isEqualTo(5);
    assertThat(page.sessions()).extracting(Session::id).containsExactly(ids.get(3), ids.get(2));
  }

  @Test
  void filters_by_every_metadata_pair() {
    Session match =
        create("a", Map.of("repository", "myorg/myrepo", "pr_number", 42), Scope.GLOBAL);
    create("b", Map.of("repository", "myorg/myrepo", "pr_number", "43"), Scope.GLOBAL);
    create("c", Map.of("repository", "other/repo"), Scope.GLOBAL);

    var one =
        sessions.list(
            new SessionQuery(
                Scope.GLOBAL, Map.of("repository", "myorg/myrepo", "pr_number", "42"), 50, 0));
    var repo =
        sessions.list(new SessionQuery(Scope.GLOBAL, Map.of("repository", "myorg/myrepo"), 50, 0));

    assertThat(one.sessions()).extracting(Session::id).containsExactly(match.id());
    assertThat(one.total()).isEqualTo(1);
    assertThat(repo.total()).isEqualTo(2);
  }

  @Test
  void a_session_of_another_scope_does_not_exist_for_the_caller() {
    Session alices = create("private", Map.of(), ALICE);

    assertThatThrownBy(() -> sessions.get(alices.id(), BOB))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SESSION_NOT_FOUND));
    assertThatThrownBy(() -> sessions.delete(alices.id(), BOB)).isInstanceOf(ApiException.class);
    assertThatThrownBy(
            () ->
                sessions.update(
                    alices.id(), new SessionRequests.Update("stolen", null, null, null), BOB))
        .isInstanceOf(ApiException.class);
    assertThat(sessions.list(new SessionQuery(BOB, Map.of(), 50, 0)).total()).isZero();
    assertThat(sessions.get(alices.id(), ALICE).title()).isEqualTo("private");
  }

  @Test
  void updates_only_the_fields_given_and_bumps_updated_at() {
    Session created = create("before", Map.of("a", "1"), Scope.GLOBAL);
    clock.advance(Duration.ofMinutes(1));

    Session updated =
        sessions.update(
            created.id(),
            new SessionRequests.Update(null, "readonly", Map.of("b", "2"), null),
            Scope.GLOBAL);

    assertThat(updated.title()).isEqualTo("before");
    assertThat(updated.agentName()).isEqualTo("readonly");
    assertThat(updated.metadata()).containsExactly(Map.entry("b", "2"));
    assertThat(updated.updatedAt()).isEqualTo(clock.instant()).isAfter(created.createdAt());
    assertThat(sessions.get(created.id(), Scope.GLOBAL)).isEqualTo(updated);
    assertThat(sessions.list(new SessionQuery(Scope.GLOBAL, Map.of("a", "1"), 50, 0)).total())
        .as("old metadata no longer matches")
        .isZero();
  }

  @Test
  void an_invalid_update_changes_nothing() {
    Session created = create("keep", Map.of(), Scope.GLOBAL);

    assertThatThrownBy(
            () ->
                sessions.update(
                    created.id(),
                    new SessionRequests.Update("new", "nobody", null, null),
                    Scope.GLOBAL))
        .isInstanceOf(ApiException.class);
    assertThat(sessions.get(created.id(), Scope.GLOBAL)).isEqualTo(created);
  }

  @Test
  void deletes_a_session_with_its_metadata() {
    Session created = create("gone", Map.of("k", "v"), Scope.GLOBAL);

    sessions.delete(created.id(), Scope.GLOBAL);

    assertThatThrownBy(() -> sessions.get(created.id(), Scope.GLOBAL))
        .isInstanceOf(ApiException.class);
    assertThat(sessions.list(new SessionQuery(Scope.GLOBAL, Map.of("k", "v"), 50, 0)).total())
        .isZero();
    int orphans =
        database.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM session_metadata WHERE session_id = :id")
                    .bind("id", created.id())
                    .mapTo(Integer.class)
                    .one());
    assertThat(orphans).isZero();
  }

  @Test
  void counts_sessions_with_a_running_run() {
    Session busy = create("busy", Map.of(), Scope.GLOBAL);
    create("idle", Map.of(), Scope.GLOBAL);
    database.useTransaction(
        h ->
            h.createUpdate(
                    "INSERT INTO runs (id, session_id, status, created_at) VALUES ('r1', :s,"
                        + " 'running', 0), ('r2', :s, 'running', 1)")
                .bind("s", busy.id())
                .execute());

    assertThat(sessions.countActive()).isEqualTo(1);
  }

  @Test
  void fifty_concurrent_writers_all_succeed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Callable<Session>> writers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        int n = i;
        writers.add(() -> create("w" + n, Map.of("writer", String.valueOf(n)), Scope.GLOBAL));
      }
      for (Future<Session> result : pool.invokeAll(writers)) {
        assertThat(result.get().id()).isNotBlank();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sessions.list(new SessionQuery(Scope.GLOBAL, Map.of(), 50, 0)).total())
        .isEqualTo(50);
  }
}
