package dev.cogent.registry;

import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.registry.RegistryChange.Action;
import dev.cogent.registry.RegistryRepository.Row;
import dev.cogent.scope.Scope;
import dev.cogent.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The scoped configuration registry for one {@link RegistryKind}, holding documents of type {@code
 * T} (a record that the one {@link Json} mapper reads and writes).
 *
 * <p>Visibility: a row is visible to a caller when its scope {@link Scope#isWithin is within} the
 * caller's scope; among the visible rows of one name the most specific (most scope keys) wins. Rows
 * with {@link Source#FILE} are seeded by {@link #syncFiles} and refuse API changes with 409. Every
 * committed change is published to {@link RegistryEvents}.
 *
 * <p>Thread-safe; every method is one database transaction.
 */
public final class Registry<T> {

  /** Beyond this many scope keys the candidate scopes are not enumerated but filtered in Java. */
  private static final int MAX_ENUMERATED_KEYS = 6;

  private final RegistryKind kind;
  private final Class<T> type;
  private final Database database;
  private final Json json;
  private final RegistryEvents events;
  private final InstantSource clock;
  private final RegistryRepository repository = new RegistryRepository();

  public Registry(
      RegistryKind kind,
      Class<T> type,
      Database database,
      Json json,
      RegistryEvents events,
      InstantSource clock) {
    this.kind = kind;
    this.type = type;
    this.database = database;
    this.json = json;
    this.events = events;
    this.clock = clock;
  }

  public RegistryKind kind() {
    return kind;
  }

  /**
   * The scope a write stores its row under: the request's {@code scope} when given, which must be
   * within the caller's scope, else the caller's own scope.
   *
   * @throws ApiException 422 on field {@code scope} when the requested scope is not within the
   *     caller's
   */
  public static Scope targetScope(Map<String, String> requested, Scope caller) {
    if (requested == null) {
      return caller;
    }
    Scope scope = Scope.of(requested);
    if (!scope.isWithin(caller)) {
      throw ApiException.invalid(
          "scope",
          "must be within the caller's scope "
              + caller.values()
              + " (a subset of its keys with the same values)");
    }
    return scope;
  }

  /** The most specific row named {@code name} visible in {@code caller}'s scope. */
  public Optional<RegistryEntry<T>> find(String name, Scope caller) {
    List<Row> rows =
        database.withHandle(
            handle ->
                candidateScopes(caller)
                    .map(scopes -> repository.namedInScopes(handle, kind.wireName(), name, scopes))
                    .orElseGet(() -> repository.all(handle, kind.wireName(), Optional.of(name))));
    return mostSpecificPerName(rows, caller).stream().findFirst();
  }

  /** The row named {@code name} stored under exactly {@code scope}. */
  public Optional<RegistryEntry<T>> findExact(String name, Scope scope) {
    return database
        .withHandle(handle -> repository.find(handle, kind.wireName(), name, scope.canonical()))
        .map(this::entry);
  }

  /** One row per name, the most specific visible in {@code caller}'s scope, ordered by name. */
  public List<RegistryEntry<T>> list(Scope caller) {
    List<Row> rows =
        database.withHandle(
            handle ->
                candidateScopes(caller)
                    .map(scopes -> repository.inScopes(handle, kind.wireName(), scopes))
                    .orElseGet(() -> repository.all(handle, kind.wireName(), Optional.empty())));
    return mostSpecificPerName(rows, caller);
  }

  /**
   * Creates or replaces the API row {@code name} under exactly {@code scope}.
   *
   * @throws ApiException 409 when that row is file-managed
   */
  public RegistryEntry<T> put(String name, Scope scope, T document) {
    try {
      return putOnce(name, scope, document);
    } catch (RuntimeException e) {
      if (!database.dialect().isUniqueViolation(e)) {
        throw e;
      }
      // A concurrent writer inserted the same row first; now it exists, so this one replaces it.
      return putOnce(name, scope, document);
    }
  }

  private RegistryEntry<T> putOnce(String name, Scope scope, T document) {
    Instant now = clock.instant();
    Written<T> written =
        database.inTransaction(
            handle -> {
              Optional<Row> existing =
                  repository.find(handle, kind.wireName(), name, scope.canonical());
              existing.ifPresent(this::refuseIfFileManaged);
              long createdAt = existing.map(Row::createdAt).orElse(now.toEpochMilli());
              Row row = row(name, scope, Source.API, null, document, createdAt, now);
              if (existing.isPresent()) {
                repository.update(handle, row);
                return new Written<>(entry(row), Action.UPDATED);
              }
              repository.insert(handle, row);
              return new Written<>(entry(row), Action.CREATED);
            });
    publish(written.entry(), written.action());
    return written.entry();
  }

  /**
   * Replaces the document of the existing API row {@code name} under exactly {@code scope}.
   *
   * @throws ApiException 404 when the row does not exist, 409 when it is file-managed
   */
  public RegistryEntry<T> update(String name, Scope scope, T document) {
    Instant now = clock.instant();
    RegistryEntry<T> updated =
        database.inTransaction(
            handle -> {
              Row existing = existing(handle, name, scope);
              Row row = row(name, scope, Source.API, null, document, existing.createdAt(), now);
              repository.update(handle, row);
              return entry(row);
            });
    publish(updated, Action.UPDATED);
    return updated;
  }

  /**
   * Deletes the API row {@code name} under exactly {@code scope}.
   *
   * @throws ApiException 404 when the row does not exist, 409 when it is file-managed
   */
  public void delete(String name, Scope scope) {
    RegistryEntry<T> deleted =
        database.inTransaction(
            handle -> {
              Row existing = existing(handle, name, scope);
              repository.delete(handle, kind.wireName(), name, scope.canonical());
              return entry(existing);
            });
    publish(deleted, Action.DELETED);
  }

  /**
   * Makes the file rows of this kind equal to {@code files}: inserts new ones, updates changed ones
   * and deletes file rows whose file is gone. A file never overwrites an API row of the same name
   * and scope; such names are reported in {@link SyncResult#shadowed}.
   */
  public SyncResult syncFiles(List<FileEntry<T>> files) {
    Instant now = clock.instant();
    List<Written<T>> changes = new ArrayList<>();
    List<String> shadowed = new ArrayList<>();
    database.useTransaction(
        handle -> {
          Map<String, Row> stale = new HashMap<>();
          for (Row row : repository.bySource(handle, kind.wireName(), Source.FILE.wireName())) {
            stale.put(key(row.name(), row.scope()), row);
          }
          for (FileEntry<T> file : files) {
            String scope = file.scope().canonical();
            stale.remove(key(file.name(), scope));
            Optional<Row> existing = repository.find(handle, kind.wireName(), file.name(), scope);
            if (existing.isPresent() && Source.fromWire(existing.get().source()) == Source.API) {
              shadowed.add(file.name());
              continue;
            }
            long createdAt = existing.map(Row::createdAt).orElse(now.toEpochMilli());
            Row row =
                row(
                    file.name(),
                    file.scope(),
                    Source.FILE,
                    file.origin(),
                    file.document(),
                    createdAt,
                    now);
            if (existing.isEmpty()) {
              repository.insert(handle, row);
              changes.add(new Written<>(entry(row), Action.CREATED));
            } else if (!sameContent(existing.get(), file)) {
              repository.update(handle, row);
              changes.add(new Written<>(entry(row), Action.UPDATED));
            }
          }
          for (Row gone : stale.values()) {
            repository.delete(handle, kind.wireName(), gone.name(), gone.scope());
            changes.add(new Written<>(entry(gone), Action.DELETED));
          }
        });
    changes.forEach(change -> publish(change.entry(), change.action()));
    return new SyncResult(
        count(changes, Action.CREATED),
        count(changes, Action.UPDATED),
        count(changes, Action.DELETED),
        shadowed);
  }

  private static int count(List<? extends Written<?>> changes, Action action) {
    return (int) changes.stream().filter(change -> change.action() == action).count();
  }

  private boolean sameContent(Row stored, FileEntry<T> file) {
    return file.origin().equals(stored.origin())
        && json.read(stored.document(), type).equals(file.document());
  }

  private Row existing(Handle handle, String name, Scope scope) {
    Row existing =
        repository
            .find(handle, kind.wireName(), name, scope.canonical())
            .orElseThrow(() -> ApiException.notFound(kind.wireName(), name));
    refuseIfFileManaged(existing);
    return existing;
  }

  private void refuseIfFileManaged(Row row) {
    if (Source.fromWire(row.source()) == Source.FILE) {
      throw ApiException.conflict(
          kind.wireName()
              + " '"
              + row.name()
              + "' is managed by "
              + ("builtin".equals(row.origin())
                  ? "the server (built in)"
                  : "the file " + row.origin())
              + " and cannot be changed through the API");
    }
  }

  /**
   * The canonical forms of every scope within {@code caller} (every subset of its entries), or
   * empty when there are too many to enumerate.
   */
  private static Optional<Set<String>> candidateScopes(Scope caller) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(caller.values().entrySet());
    if (entries.size() > MAX_ENUMERATED_KEYS) {
      return Optional.empty();
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (int mask = 0; mask < (1 << entries.size()); mask++) {
      Map<String, String> subset = new TreeMap<>();
      for (int i = 0; i < entries.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          subset.put(entries.get(i).getKey(), entries.get(i).getValue());
        }
      }
      scopes.add(Scope.of(subset).canonical());
    }
    return Optional.of(scopes);
  }

  private List<RegistryEntry<T>> mostSpecificPerName(List<Row> rows, Scope caller) {
    Map<String, RegistryEntry<T>> byName = new TreeMap<>();
    for (Row row : rows) {
      RegistryEntry<T> entry = entry(row);
      if (!entry.scope().isWithin(caller)) {
        continue;
      }
      byName.merge(entry.name(), entry, (a, b) -> MOST_SPECIFIC.compare(a, b) >= 0 ? a : b);
    }
    return List.copyOf(byName.values());
  }

  /**
   * More scope keys win. Two rows with as many keys can both be visible ({@code user=a} and {@code
   * project=p} to a caller with both); the canonical form breaks the tie so the answer is stable.
   */
  private static final Comparator<RegistryEntry<?>> MOST_SPECIFIC =
      Comparator.<RegistryEntry<?>>comparingInt(RegistryEntry::specificity)
          .thenComparing(entry -> entry.scope().canonical());

  private Row row(
      String name,
      Scope scope,
      Source source,
      String origin,
      T document,
      long createdAt,
      Instant updatedAt) {
    return new Row(
        kind.wireName(),
        name,
        scope.canonical(),
        source.wireName(),
        origin,
        json.write(document),
        createdAt,
        updatedAt.toEpochMilli());
  }

  private RegistryEntry<T> entry(Row row) {
    return new RegistryEntry<>(
        kind,
        row.name(),
        Scope.fromCanonical(row.scope()),
        Source.fromWire(row.source()),
        row.origin(),
        json.read(row.document(), type),
        Instant.ofEpochMilli(row.createdAt()),
        Instant.ofEpochMilli(row.updatedAt()));
  }

  private void publish(RegistryEntry<T> entry, Action action) {
    events.publish(new RegistryChange(kind, entry.name(), entry.scope(), action));
  }

  private static String key(String name, String scope) {
    return name + "\n" + scope;
  }

  private record Written<T>(RegistryEntry<T> entry, Action action) {}
}
