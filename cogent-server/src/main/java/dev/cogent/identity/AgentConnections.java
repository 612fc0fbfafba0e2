package dev.cogent.identity;

import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Agent connections (spec "Agent Management"): agents register a session when they connect and
 * unregister it when they leave; callers list and inspect the connections they can see.
 * Thread-safe.
 *
 * <p>A connection's id joins its session name and the registering user ({@code <name>-<16 hex of
 * SHA-256(name|user)>}), so registering the same name again updates the same connection
 * (idempotent). A caller sees the connections they registered, those of their agent identities, and
 * those of their current tenant; nothing of another tenant.
 */
public final class AgentConnections {

  static final Set<String> TYPES =
      Set.of("sdk", "api", "mcp", "claude_code", "workflow", "unknown");
  static final Set<String> MEMORY_MODES = Set.of("session", "cognee", "hybrid", "none", "unknown");
  static final Set<String> SOURCES =
      Set.of("agent_memory", "session_trace", "serve", "api_key", "mcp", "api");
  static final int MAX_TEXT = 200;
  static final int MAX_DATASETS = 100;
  static final int MAX_METADATA_CHARS = 16_384;
  private static final int NAME_PART = 48;

  private final AgentConnectionRepository repository;
  private final UserService users;
  private final Json json;
  private final InstantSource clock;
  private final Consumer<AgentConnection> onRegister;

  /**
   * @param onRegister told of every successful registration (the agent-mode watchdog arms on it)
   */
  public AgentConnections(
      Database database,
      UserService users,
      Json json,
      InstantSource clock,
      Consumer<AgentConnection> onRegister) {
    this.repository = new AgentConnectionRepository(database, json);
    this.users = users;
    this.json = json;
    this.clock = clock;
    this.onRegister = onRegister;
  }

  /**
   * Registers (or refreshes) the caller's connection of that session name; it becomes active.
   *
   * @throws ApiException 422 naming every invalid field, 403 for a super API key
   */
  public AgentConnection register(Principal caller, RegisterAgentRequest request) {
    String userId = caller.requireUserId();
    List<ApiException.FieldError> errors = new ArrayList<>();
    String name = request.agentSessionName();
    if (name == null || name.isBlank()) {
      errors.add(new ApiException.FieldError("agent_session_name", "is required"));
    } else if (name.length() > MAX_TEXT) {
      errors.add(tooLong("agent_session_name"));
    }
    String type = oneOf("type", request.type(), TYPES, "api", errors);
    String memoryMode = oneOf("memory_mode", request.memoryMode(), MEMORY_MODES, "unknown", errors);
    String source = oneOf("source", request.source(), SOURCES, "api", errors);
    if (request.sessionId() != null && request.sessionId().length() > MAX_TEXT) {
      errors.add(tooLong("session_id"));
    }
    if (request.originFunction() != null && request.originFunction().length() > MAX_TEXT) {
      errors.add(tooLong("origin_function"));
    }
    List<String> datasetIds = strings("dataset_ids", request.datasetIds(), 64, errors);
    List<String> datasetNames = strings("dataset_names", request.datasetNames(), MAX_TEXT, errors);
    Map<String, Object> metadata =
        request.metadata() == null ? Map.of() : new LinkedHashMap<>(request.metadata());
    if (json.write(metadata).length() > MAX_METADATA_CHARS) {
      errors.add(
          new ApiException.FieldError(
              "metadata", "must be at most " + MAX_METADATA_CHARS + " characters as JSON"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    String ownerId = users.find(userId).map(User::parentUserId).orElse(null);
    Instant now = now();
    String id = connectionId(name, userId);
    Instant createdAt = repository.find(id).map(AgentConnection::createdAt).orElse(now);
    AgentConnection connection =
        connection(
            id,
            name,
            type,
            memoryMode,
            request.sessionId(),
            userId,
            caller.tenantId(),
            datasetIds,
            datasetNames,
            now,
            "active",
            source,
            request.originFunction(),
            metadata,
            createdAt);
    repository.upsert(
        new AgentConnectionRepository.Stored(
            connection, ownerId == null ? userId : ownerId, datasetIds, datasetNames));
    onRegister.accept(connection);
    return connection;
  }

  /**
   * Marks the caller's connection of that session name inactive.
   *
   * @return how many connections the caller can see are still active
   * @throws ApiException 422 without a name, 404 when the caller has no such connection
   */
  public int unregister(Principal caller, String agentSessionName) {
    String userId = caller.requireUserId();
    if (agentSessionName == null || agentSessionName.isBlank()) {
      throw ApiException.invalid("agent_session_name", "is required");
    }
    if (!repository.deactivate(connectionId(agentSessionName, userId), now())) {
      throw connectionNotFound(agentSessionName);
    }
    return repository.count(
        new AgentConnectionRepository.Filter(
            visibility(caller), null, null, List.of("active"), null));
  }

  /** The connections the caller can see that match the query. */
  public ConnectionViews.Page list(Principal caller, ConnectionQuery query) {
    caller.requireUserId();
    List<String> statuses = null;
    if (query.status() != null && query.activeOnly()) {
      statuses = query.status().equals("active") ? List.of("active") : List.of();
    } else if (query.status() != null) {
      statuses = List.of(query.status());
    } else if (query.activeOnly()) {
      statuses = List.of("active");
    }
    var filter =
        new AgentConnectionRepository.Filter(
            visibility(caller),
            query.agentId(),
            query.range() == null ? null : now().minus(query.range()),
            statuses,
            null);
    int total = repository.count(filter);
    List<AgentConnection> page = repository.list(filter, query.limit(), query.offset());
    return new ConnectionViews.Page(
        page,
        query.includeSources() ? sources(page) : List.of(),
        total,
        query.limit(),
        query.offset(),
        query.offset() + page.size() < total);
  }

  /**
   * The caller's own most recently active connection, optionally of one session name.
   *
   * @throws ApiException 404 when there is none
   */
  public ConnectionViews.Detail me(Principal caller, String agentSessionName) {
    return detailOf(caller, caller.requireUserId(), agentSessionName);
  }

  /**
   * The most recently active connection of a user or agent identity the caller can see.
   *
   * @throws ApiException 404 when there is none the caller can see
   */
  public ConnectionViews.Detail forAgent(
      Principal caller, String agentId, String agentSessionName) {
    caller.requireUserId();
    return detailOf(caller, agentId, agentSessionName);
  }

  /**
   * How many of a set of connections are active, for the agent-mode watchdog, which exists before
   * this service does (this service tells it of every registration).
   */
  public static ToIntFunction<Set<String>> activeCounter(Database database, Json json) {
    AgentConnectionRepository repository = new AgentConnectionRepository(database, json);
    return repository::countActiveAmong;
  }

  void deleteOf(String userId) {
    repository.deleteOf(userId);
  }

  private ConnectionViews.Detail detailOf(Principal caller, String userId, String sessionName) {
    var filter =
        new AgentConnectionRepository.Filter(visibility(caller), userId, null, null, sessionName);
    AgentConnection connection =
        repository.list(filter, 1, 0).stream()
            .findFirst()
            .orElseThrow(() -> connectionNotFound(sessionName == null ? userId : sessionName));
    return new ConnectionViews.Detail(
        connection, sources(List.of(connection)), List.of(), List.of(), List.of());
  }

  private static AgentConnectionRepository.Visibility visibility(Principal caller) {
    return new AgentConnectionRepository.Visibility(caller.userId(), caller.tenantId());
  }

  /** The datasets the connections use, each with the connected agents. */
  private static List<ConnectionViews.MemorySource> sources(List<AgentConnection> connections) {
    Map<String, List<String>> agents = new LinkedHashMap<>();
    Map<String, AgentConnection.DatasetRef> refs = new LinkedHashMap<>();
    Map<String, String> tenants = new LinkedHashMap<>();
    for (AgentConnection connection : connections) {
      for (AgentConnection.DatasetRef ref : connection.datasets()) {
        String key = ref.id() != null ? "id:" + ref.id() : "name:" + ref.name();
        refs.putIfAbsent(key, ref);
        tenants.putIfAbsent(key, connection.tenantId());
        List<String> ids = agents.computeIfAbsent(key, k -> new ArrayList<>());
        if (!ids.contains(connection.userId())) {
          ids.add(connection.userId());
        }
      }
    }
    return refs.entrySet().stream()
        .map(
            entry ->
                new ConnectionViews.MemorySource(
                    entry.getValue().id(),
                    entry.getValue().name(),
                    entry.getValue().type(),
                    null,
                    tenants.get(entry.getKey()),
                    "connected",
                    List.copyOf(agents.get(entry.getKey())),
                    Map.of()))
        .toList();
  }

  static AgentConnection connection(
      String id,
      String name,
      String type,
      String memoryMode,
      String sessionId,
      String userId,
      String tenantId,
      List<String> datasetIds,
      List<String> datasetNames,
      Instant lastActiveAt,
      String status,
      String source,
      String originFunction,
      Map<String, Object> metadata,
      Instant createdAt) {
    List<AgentConnection.DatasetRef> datasets = new ArrayList<>();
    datasetIds.forEach(
        datasetId ->
            datasets.add(new AgentConnection.DatasetRef(datasetId, null, "read_write", "dataset")));
    datasetNames.forEach(
        datasetName ->
            datasets.add(
                new AgentConnection.DatasetRef(null, datasetName, "read_write", "dataset")));
    return new AgentConnection(
        id,
        name,
        type,
        memoryMode,
        sessionId,
        userId,
        tenantId,
        datasets,
        lastActiveAt,
        status,
        source,
        originFunction,
        metadata,
        createdAt);
  }

  /** {@code <last 48 characters of the name, [^A-Za-z0-9_-] as '-'>-<16 hex>}. */
  static String connectionId(String sessionName, String userId) {
    String tail =
        sessionName.length() > NAME_PART
            ? sessionName.substring(sessionName.length() - NAME_PART)
            : sessionName;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((sessionName + "|" + userId).getBytes(StandardCharsets.UTF_8));
      return tail.replaceAll("[^A-Za-z0-9_-]", "-") + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String oneOf(
      String field,
      String value,
      Set<String> allowed,
      String fallback,
      List<ApiException.FieldError> errors) {
    if (value == null) {
      return fallback;
    }
    if (!allowed.contains(value)) {
      errors.add(
          new ApiException.FieldError(
              field, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))));
      return fallback;
    }
    return value;
  }

  private static List<String> strings(
      String field, List<String> values, int maxLength, List<ApiException.FieldError> errors) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_DATASETS) {
      errors.add(
          new ApiException.FieldError(field, "must have at most " + MAX_DATASETS + " items"));
      return List.of();
    }
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value == null || value.isBlank() || value.length() > maxLength) {
        errors.add(
            new ApiException.FieldError(
                field + "[" + i + "]",
                "must be a non-blank string of at most " + maxLength + " characters"));
      }
    }
    return values.stream().filter(v -> v != null).distinct().toList();
  }

  private static ApiException.FieldError tooLong(String field) {
    return new ApiException.FieldError(field, "must be at most " + MAX_TEXT + " characters");
  }

  private static ApiException connectionNotFound(String what) {
    return new ApiException(
        dev.cogent.ErrorCode.NOT_FOUND,
        "connection not found",
        Map.of("resource", "agent_connection", "id", what));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
