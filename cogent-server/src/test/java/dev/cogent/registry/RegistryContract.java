package dev.cogent.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.registry.RegistryChange.Action;
import dev.cogent.scope.Scope;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic scoped registry in storage; runs on SQLite and on a real PostgreSQL. */
abstract class RegistryContract {

  static final Scope ALICE = Scope.of(Map.of("user", "alice"));
  static final Scope BOB = Scope.of(Map.of("user", "bob"));
  static final Scope ALICE_P1 = Scope.of(Map.of("user", "alice", "project", "p1"));

  @TempDir Path dir;

  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  final RegistryEvents events = new RegistryEvents();
  final List<RegistryChange> changes = new CopyOnWriteArrayList<>();
  Database database;
  Registry<Note> notes;

  abstract DatabaseKind kind();

  @BeforeEach
  void open() {
    database = Database.open(new StoreSettings(dir, kind().newDatabaseUrl(dir), null, null, 10));
    notes = new Registry<>(RegistryKind.TOOL, Note.class, database, new Json(), events, clock);
    events.subscribe(changes::add);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void lookup_returns_the_most_specific_row_within_the_callers_scope() {
    notes.put("n", Scope.GLOBAL, new Note("global"));
    notes.put("n", ALICE, new Note("alice"));
    notes.put("n", ALICE_P1, new Note("alice in p1"));

    assertThat(notes.find("n", Scope.GLOBAL)).map(e -> e.document().text()).hasValue("global");
    assertThat(notes.find("n", BOB)).map(e -> e.document().text()).hasValue("global");
    assertThat(notes.find("n", ALICE)).map(e -> e.document().text()).hasValue("alice");
    assertThat(notes.find("n", ALICE_P1)).map(e -> e.document().text()).hasValue("alice in p1");
    assertThat(notes.find("n", Scope.of(Map.of("user", "alice", "project", "p2"))))
        .map(e -> e.document().text())
        .hasValue("alice");
  }

  @Test
  void a_row_of_another_scope_is_invisible() {
    notes.put("private", ALICE, new Note("secret"));

    assertThat(notes.find("private", BOB)).isEmpty();
    assertThat(notes.find("private", Scope.GLOBAL)).isEmpty();
    assertThat(notes.list(BOB)).isEmpty();
    assertThat(notes.find("private", ALICE_P1)).isPresent();
  }

  @Test
  void lists_one_row_per_name_the_most_specific_visible_ordered_by_name() {
    notes.put("b", Scope.GLOBAL, new Note("global b"));
    notes.put("b", ALICE, new Note("alice b"));
    notes.put("a", Scope.GLOBAL, new Note("global a"));
    notes.put("c", BOB, new Note("bob c"));

    assertThat(notes.list(ALICE))
        .extracting(e -> e.name() + "=" + e.document().text())
        .containsExactly("a=global a", "b=alice b");
    assertThat(notes.list(BOB))
        .extracting(e -> e.name() + "=" + e.document().text())
        .containsExactly("a=global a", "b=global b", "c=bob c");
  }

  @Test
  void the_same_name_in_two_scopes_is_two_rows() {
    notes.put("n", ALICE, new Note("alice"));
    notes.put("n", BOB, new Note("bob"));

    notes.delete("n", ALICE);

    assertThat(notes.find("n", ALICE)).isEmpty();
    assertThat(notes.find("n", BOB)).map(e -> e.document().text()).hasValue("bob");
  }

  @Test
  void put_replaces_the_row_of_exactly_that_scope_and_keeps_created_at() {
    RegistryEntry<Note> first = notes.put("n", ALICE, new Note("one"));
    clock.advance(Duration.ofMinutes(1));

    RegistryEntry<Note> second = notes.put("n", ALICE, new Note("two"));

    assertThat(second.document().text()).isEqualTo("two");
    assertThat(second.source()).isEqualTo(Source.API);
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(second.updatedAt()).isEqualTo(clock.instant());
    assertThat(notes.findExact("n", ALICE)).hasValue(second);
  }

  @Test
  void update_and_delete_of_a_missing_row_are_404() {
    assertThatThrownBy(() -> notes.update("ghost", Scope.GLOBAL, new Note("x")))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThatThrownBy(() -> notes.delete("ghost", Scope.GLOBAL))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void file_rows_refuse_every_api_change_with_409() {
    notes.syncFiles(
        List.of(FileEntry.global("seeded", "/p/.cogent/tools/seeded.py", new Note("f"))));

    for (Runnable change :
        List.<Runnable>of(
            () -> notes.put("seeded", Scope.GLOBAL, new Note("x")),
            () -> notes.update("seeded", Scope.GLOBAL, new Note("x")),
            () -> notes.delete("seeded", Scope.GLOBAL))) {
      assertThatThrownBy(change::run)
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                assertThat(e.getMessage()).contains("/p/.cogent/tools/seeded.py");
              });
    }
    assertThat(notes.find("seeded", Scope.GLOBAL))
        .hasValueSatisfying(
            e -> {
              assertThat(e.document().text()).isEqualTo("f");
              assertThat(e.source()).isEqualTo(Source.FILE);
            });
  }

  @Test
  void file_sync_creates_updates_and_removes_file_rows_but_never_api_rows() {
    notes.put("api", Scope.GLOBAL, new Note("from the api"));
    notes.syncFiles(
        List.of(
            FileEntry.global("keep", "/f/keep", new Note("v1")),
            FileEntry.global("gone", "/f/gone", new Note("v1")),
            FileEntry.global("api", "/f/api", new Note("from a file"))));
    clock.advance(Duration.ofMinutes(1));

    SyncResult result =
        notes.syncFiles(
            List.of(
                FileEntry.global("keep", "/f/keep", new Note("v2")),
                FileEntry.global("new", "/f/new", new Note("v1")),
                FileEntry.global("api", "/f/api", new Note("from a file"))));

    assertThat(result).isEqualTo(new SyncResult(1, 1, 1, List.of("api")));
    assertThat(notes.list(Scope.GLOBAL))
        .extracting(e -> e.name() + "=" + e.document().text() + "/" + e.source().wireName())
        .containsExactly("api=from the api/api", "keep=v2/file", "new=v1/file");
    assertThat(
            notes.syncFiles(
                List.of(
                    FileEntry.global("keep", "/f/keep", new Note("v2")),
                    FileEntry.global("new", "/f/new", new Note("v1")))))
        .as("an unchanged file changes nothing")
        .isEqualTo(new SyncResult(0, 0, 0, List.of()));
  }

  @Test
  void every_committed_change_is_published() {
    notes.put("n", ALICE, new Note("one"));
    notes.put("n", ALICE, new Note("two"));
    notes.update("n", ALICE, new Note("three"));
    notes.delete("n", ALICE);
    notes.syncFiles(List.of(FileEntry.global("f", "/f", new Note("f"))));
    notes.syncFiles(List.of());

    assertThat(changes)
        .containsExactly(
            new RegistryChange(RegistryKind.TOOL, "n", ALICE, Action.CREATED),
            new RegistryChange(RegistryKind.TOOL, "n", ALICE, Action.UPDATED),
            new RegistryChange(RegistryKind.TOOL, "n", ALICE, Action.UPDATED),
            new RegistryChange(RegistryKind.TOOL, "n", ALICE, Action.DELETED),
            new RegistryChange(RegistryKind.TOOL, "f", Scope.GLOBAL, Action.CREATED),
            new RegistryChange(RegistryKind.TOOL, "f", Scope.GLOBAL, Action.DELETED));
  }

  @Test
  void a_refused_change_publishes_nothing() {
    notes.syncFiles(List.of(FileEntry.global("f", "/f", new Note("f"))));
    changes.clear();

    assertThatThrownBy(() -> notes.delete("f", Scope.GLOBAL)).isInstanceOf(ApiException.class);

    assertThat(changes).isEmpty();
  }

  @Test
  void kinds_have_separate_name_spaces() {
    var other = new Registry<>(RegistryKind.SKILL, Note.class, database, new Json(), events, clock);
    notes.put("same", Scope.GLOBAL, new Note("tool"));

    assertThat(other.find("same", Scope.GLOBAL)).isEmpty();
    other.put("same", Scope.GLOBAL, new Note("skill"));
    assertThat(notes.find("same", Scope.GLOBAL)).map(e -> e.document().text()).hasValue("tool");
  }

  @Test
  void a_caller_with_many_scope_keys_still_sees_its_rows() {
    Map<String, String> values = new java.util.TreeMap<>();
    for (int i = 0; i < 8; i++) {
      values.put("k" + i, "v" + i);
    }
    Scope wide = Scope.of(values);
    notes.put("n", Scope.of(Map.of("k3", "v3")), new Note("k3"));
    notes.put("n", Scope.of(Map.of("k3", "v3", "k5", "v5")), new Note("k3 k5"));
    notes.put("n", Scope.of(Map.of("k3", "other")), new Note("invisible"));

    assertThat(notes.find("n", wide)).map(e -> e.document().text()).hasValue("k3 k5");
    assertThat(notes.list(wide)).hasSize(1);
  }

  @Test
  void the_requested_scope_of_a_write_must_be_within_the_callers() {
    assertThat(Registry.targetScope(null, ALICE)).isEqualTo(ALICE);
    assertThat(Registry.targetScope(Map.of(), ALICE)).isEqualTo(Scope.GLOBAL);
    assertThat(Registry.targetScope(Map.of("user", "alice"), ALICE_P1)).isEqualTo(ALICE);
    assertThatThrownBy(() -> Registry.targetScope(Map.of("user", "bob"), ALICE))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    assertThatThrownBy(() -> Registry.targetScope(Map.of("user", "alice"), Scope.GLOBAL))
        .isInstanceOf(ApiException.class);
  }
}
