package dev.cogent.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every setting the server reads: its dotted YAML path, environment variable, command-line flag,
 * built-in default, whether it is a secret and whether {@code PATCH /config} may change it. This
 * table is the single source: {@link SettingsLoader} reads by it, {@link SettingsView} and logging
 * redact by it, {@link ConfigEditor} allows changes by it, and a test holds {@code
 * docs/configuration.md} to it.
 */
public enum SettingKey {
  SERVER_HOST(
      "server.host",
      "COGENT_HOST",
      "host",
      ValueType.TEXT,
      Visibility.SHOWN,
      "127.0.0.1",
      "Interface the HTTP server listens on.",
      s -> s.server().host()),
  SERVER_PORT(
      "server.port",
      "COGENT_PORT",
      "port",
      ValueType.INTEGER,
      Visibility.SHOWN,
      "8000",
      "HTTP port; 0 picks a free port.",
      s -> s.server().port()),
  SERVER_LOG_LEVEL(
      "server.log_level",
      "COGENT_LOG_LEVEL",
      null,
      ValueType.LOG_LEVEL,
      Visibility.SHOWN,
      "info",
      "One of trace, debug, info, warn, error.",
      s -> s.server().logLevel()),
  SERVER_MAX_BODY_BYTES(
      "server.max_body_bytes",
      "COGENT_MAX_BODY_BYTES",
      null,
      ValueType.LONG,
      Visibility.SHOWN,
      "10485760",
      "Larger request bodies are answered with 413.",
      s -> s.server().maxBodyBytes()),
  SERVER_SHUTDOWN_GRACE_SECONDS(
      "server.shutdown_grace_seconds",
      "COGENT_SHUTDOWN_GRACE_SECONDS",
      null,
      ValueType.SECONDS,
      Visibility.SHOWN,
      "10",
      "Seconds in-flight requests get to finish on shutdown.",
      s -> s.server().shutdownGrace()),
  SERVER_ALLOW_UNAUTHENTICATED(
      "server.allow_unauthenticated",
      "COGENT_ALLOW_UNAUTHENTICATED",
      "allow-unauthenticated",
      ValueType.BOOLEAN,
      Visibility.SHOWN,
      "false",
      "Allow a non-loopback host while authentication is off.",
      s -> s.server().allowUnauthenticated()),
  SERVER_AGENT_MODE(
      "server.agent_mode",
      "COGENT_AGENT_MODE",
      "agent-mode",
      ValueType.BOOLEAN,
      Visibility.SHOWN,
      "false",
      "Stop the server once every registered agent has unregistered; default port 8011.",
      s -> s.server().agentMode()),
  SERVER_AGENT_MODE_CHECK_SECONDS(
      "server.agent_mode_check_seconds",
      "COGENT_AGENT_MODE_CHECK_SECONDS",
      null,
      ValueType.SECONDS,
      Visibility.SHOWN,
      "60",
      "Seconds between agent mode's counts of active agent connections.",
      s -> s.server().agentModeCheckInterval()),
  SERVER_SSE_HEARTBEAT_SECONDS(
      "server.sse_heartbeat_seconds",
      "COGENT_SSE_HEARTBEAT_SECONDS",
      null,
      ValueType.SECONDS,
      Visibility.SHOWN,
      "15",
      "Seconds of silence after which an SSE stream gets a keep-alive comment.",
      s -> s.server().sseHeartbeat()),
  STORE_DATA_DIR(
      "store.data_dir",
      "COGENT_DATA_DIR",
      "data-dir",
      ValueType.PATH,
      Visibility.SHOWN,
      null,
      "Data folder (default: <project dir>/.cogent); relative paths resolve against the working"
          + " directory.",
      s -> s.store().dataDir()),
  STORE_DATABASE_URL(
      "store.database_url",
      "COGENT_DATABASE_URL",
      "database-url",
      ValueType.OPTIONAL_TEXT,
      Visibility.URL,
      null,
      "JDBC URL (jdbc:postgresql:… or jdbc:sqlite:…); none means SQLite in the data dir.",
      s -> s.store().databaseUrl()),
  STORE_DATABASE_USER(
      "store.database_user",
      "COGENT_DATABASE_USER",
      null,
      ValueType.OPTIONAL_TEXT,
      Visibility.SHOWN,
      null,
      "Database user name.",
      s -> s.store().databaseUser()),
  STORE_DATABASE_PASSWORD(
      "store.database_password",
      "COGENT_DATABASE_PASSWORD",
      null,
      ValueType.OPTIONAL_TEXT,
      Visibility.SECRET,
      null,
      "Database password; a secret, never logged or shown.",
      s -> s.store().databasePassword()),
  STORE_POOL_SIZE(
      "store.pool_size",
      "COGENT_DATABASE_POOL_SIZE",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "10",
      "Maximum open database connections.",
      s -> s.store().poolSize()),
  SCOPING_ENABLED(
      "scoping.enabled",
      "COGENT_SCOPING_ENABLED",
      null,
      ValueType.BOOLEAN,
      Visibility.SHOWN,
      "false",
      "Require an X-Cognition-Scope-<Key> header per scope key.",
      s -> s.scoping().enabled()),
  SCOPING_KEYS(
      "scoping.keys",
      "COGENT_SCOPE_KEYS",
      null,
      ValueType.KEY_LIST,
      Visibility.SHOWN,
      "user",
      "Scope key names, trimmed and lower-cased.",
      s -> s.scoping().keys()),
  AUTH_REQUIRE_AUTHENTICATION(
      "auth.require_authentication",
      "COGENT_REQUIRE_AUTHENTICATION",
      null,
      ValueType.BOOLEAN,
      Visibility.SHOWN,
      "false",
      "Require credentials on every route but probes, API documents, login and register.",
      s -> s.auth().requireAuthentication()),
  AUTH_JWT_SECRET(
      "auth.jwt_secret",
      "COGENT_JWT_SECRET",
      null,
      ValueType.OPTIONAL_TEXT,
      Visibility.SECRET,
      null,
      "HS256 key of access tokens (at least 32 bytes); none means one generated in the data dir.",
      s -> s.auth().jwtSecret()),
  AUTH_JWT_TTL_MINUTES(
      "auth.jwt_ttl_minutes",
      "COGENT_JWT_TTL_MINUTES",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "60",
      "Minutes an access token is valid.",
      s -> s.auth().jwtTtlMinutes()),
  AUTH_SUPER_API_KEY_ENABLED(
      "auth.super_api_key_enabled",
      "COGENT_SUPER_API_KEY_ENABLED",
      null,
      ValueType.BOOLEAN,
      Visibility.SHOWN,
      "false",
      "Let administrators create organisation-wide super API keys.",
      s -> s.auth().superApiKeyEnabled()),
  AUTH_SUPER_API_KEY_TTL_MINUTES(
      "auth.super_api_key_ttl_minutes",
      "COGENT_SUPER_API_KEY_TTL_MINUTES",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "15",
      "Minutes a super API key is valid after it is created.",
      s -> s.auth().superApiKeyTtlMinutes()),
  AUTH_PASSWORD_HASH_MEMORY_KIB(
      "auth.password_hash_memory_kib",
      "COGENT_PASSWORD_HASH_MEMORY_KIB",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "19456",
      "KiB of memory each new Argon2id password hash costs (at least 8).",
      s -> s.auth().passwordHashMemoryKib()),
  RATE_LIMIT_PER_MINUTE(
      "rate_limit.per_minute",
      "COGENT_RATE_LIMIT_PER_MINUTE",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "60",
      "Tokens a caller's bucket refills per minute.",
      s -> s.rateLimit().perMinute()),
  RATE_LIMIT_BURST(
      "rate_limit.burst",
      "COGENT_RATE_LIMIT_BURST",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "10",
      "Most tokens a caller's bucket holds.",
      s -> s.rateLimit().burst()),
  OBSERVABILITY_OTEL_ENABLED(
      "observability.otel_enabled",
      "COGENT_OTEL_ENABLED",
      null,
      ValueType.BOOLEAN,
      Visibility.SHOWN,
      "false",
      "Export OpenTelemetry traces.",
      s -> s.observability().otelEnabled()),
  OBSERVABILITY_METRICS_PORT(
      "observability.metrics_port",
      "COGENT_METRICS_PORT",
      null,
      ValueType.OPTIONAL_INTEGER,
      Visibility.SHOWN,
      null,
      "Prometheus metrics port (GET /metrics); 0 picks a free port, none means no listener.",
      s -> s.observability().metricsPort()),
  OBSERVABILITY_OTEL_ENDPOINT(
      "observability.otel_endpoint",
      "COGENT_OTEL_ENDPOINT",
      null,
      ValueType.OPTIONAL_TEXT,
      Visibility.URL,
      null,
      "OTLP endpoint URL.",
      s -> s.observability().otelEndpoint()),
  OBSERVABILITY_TRACING_ENABLED(
      "observability.tracing_enabled",
      "COGENT_TRACING_ENABLED",
      null,
      ValueType.BOOLEAN,
      Visibility.SHOWN,
      "false",
      "Keep recent traces in memory for GET /api/v1/activity/spans.",
      s -> s.observability().tracingEnabled()),
  OBSERVABILITY_BREAKER_FAILURE_THRESHOLD(
      "observability.breaker_failure_threshold",
      "COGENT_BREAKER_FAILURE_THRESHOLD",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "3",
      "Consecutive failures that open a model provider's or MCP server's circuit breaker.",
      s -> s.observability().breakerFailureThreshold()),
  OBSERVABILITY_BREAKER_OPEN_SECONDS(
      "observability.breaker_open_seconds",
      "COGENT_BREAKER_OPEN_SECONDS",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "30",
      "Seconds an open circuit breaker refuses calls before it lets one trial call through.",
      s -> (int) s.observability().breakerOpenDuration().toSeconds()),
  OBSERVABILITY_BREAKER_PROBE_TIMEOUT_SECONDS(
      "observability.breaker_probe_timeout_seconds",
      "COGENT_BREAKER_PROBE_TIMEOUT_SECONDS",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "30",
      "Seconds a half-open circuit breaker waits for its trial call's outcome before it lets"
          + " another trial through.",
      s -> (int) s.observability().breakerProbeTimeout().toSeconds()),
  MLFLOW_ENABLED(
      "mlflow.enabled",
      "COGENT_MLFLOW_ENABLED",
      null,
      ValueType.BOOLEAN,
      Visibility.SHOWN,
      "false",
      "MLflow experiment tracking.",
      s -> s.mlflow().enabled()),
  MLFLOW_EXPERIMENT_NAME(
      "mlflow.experiment_name",
      "COGENT_MLFLOW_EXPERIMENT_NAME",
      null,
      ValueType.OPTIONAL_TEXT,
      Visibility.SHOWN,
      null,
      "MLflow experiment name.",
      s -> s.mlflow().experimentName()),
  TOOLS_SANDBOX(
      "tools.sandbox",
      "COGENT_SANDBOX_BACKEND",
      null,
      ValueType.TEXT,
      Visibility.SHOWN,
      "local",
      "Sandbox of the execute tool: local or bubblewrap.",
      s -> s.tools().sandbox()),
  TOOLS_EXECUTE_TIMEOUT_SECONDS(
      "tools.execute_timeout_seconds",
      "COGENT_EXECUTE_TIMEOUT_SECONDS",
      null,
      ValueType.SECONDS,
      Visibility.SHOWN,
      "300",
      "Seconds a command may run when the call names no timeout.",
      s -> s.tools().executeTimeout()),
  TOOLS_MAX_OUTPUT_BYTES(
      "tools.max_output_bytes",
      "COGENT_TOOL_MAX_OUTPUT_BYTES",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "100000",
      "Most bytes of output a tool returns; more is cut off with a note.",
      s -> s.tools().maxOutputBytes()),
  TOOLS_PYTHON_PATH(
      "tools.python_path",
      "COGENT_PYTHON_PATH",
      null,
      ValueType.TEXT,
      Visibility.SHOWN,
      "python3",
      "Python interpreter of code tools: a command on the sandbox's PATH or an absolute path.",
      s -> s.tools().pythonPath()),
  TOOLS_NODE_PATH(
      "tools.node_path",
      "COGENT_NODE_PATH",
      null,
      ValueType.TEXT,
      Visibility.SHOWN,
      "node",
      "Node.js interpreter of code tools: a command on the sandbox's PATH or an absolute path.",
      s -> s.tools().nodePath()),
  RUNTIME_CALLBACK_SIGNING_SECRET(
      "runtime.callback_signing_secret",
      "COGENT_CALLBACK_SIGNING_SECRET",
      null,
      ValueType.OPTIONAL_TEXT,
      Visibility.SECRET,
      null,
      "HMAC-SHA256 key that signs completion callbacks; a secret, never logged or shown.",
      s -> s.runtime().callbackSigningSecret()),
  RUNTIME_BLOCKED_TOOLS(
      "runtime.blocked_tools",
      "COGENT_BLOCKED_TOOLS",
      null,
      ValueType.NAME_LIST,
      Visibility.SHOWN,
      "",
      "Tools no agent may call; they are not offered to the model.",
      s -> s.runtime().blockedTools()),
  RUNTIME_PROTECTED_PATHS(
      "runtime.protected_paths",
      "COGENT_PROTECTED_PATHS",
      null,
      ValueType.NAME_LIST,
      Visibility.SHOWN,
      ".cogent",
      "Workspace paths write_file and edit_file may not change (with everything below them), and"
          + " execute commands may not name.",
      s -> s.runtime().protectedPaths()),
  RUNTIME_SUMMARIZATION_TRIGGER_PERCENT(
      "runtime.summarization_trigger_percent",
      "COGENT_SUMMARIZATION_TRIGGER_PERCENT",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "85",
      "Share of the model's context window (10-100) at which older turns are summarized.",
      s -> s.runtime().summarizationTriggerPercent()),
  RUNTIME_DEFAULT_CONTEXT_WINDOW_TOKENS(
      "runtime.default_context_window_tokens",
      "COGENT_DEFAULT_CONTEXT_WINDOW_TOKENS",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "128000",
      "Context window of a model the model catalog does not know.",
      s -> s.runtime().defaultContextWindowTokens()),
  RUNTIME_LARGE_TOOL_RESULT_BYTES(
      "runtime.large_tool_result_bytes",
      "COGENT_LARGE_TOOL_RESULT_BYTES",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "50000",
      "Tool results larger than this go to a workspace file; the model gets a pointer.",
      s -> s.runtime().largeToolResultBytes()),
  MEMORY_FEEDBACK_INFLUENCE(
      "memory.feedback_influence",
      "COGENT_MEMORY_FEEDBACK_INFLUENCE",
      null,
      ValueType.DOUBLE,
      Visibility.SHOWN,
      "0.0",
      "How much feedback_weight moves GRAPH_* triplet scores (0 to 1; 0 leaves ranking unchanged).",
      s -> s.memory().feedbackInfluence()),
  A2A_ENABLED(
      "a2a.enabled",
      "COGENT_A2A_ENABLED",
      null,
      ValueType.BOOLEAN,
      Visibility.SHOWN,
      "true",
      "Mount the A2A endpoints (agent cards and JSON-RPC).",
      s -> s.a2a().enabled()),
  MODELS_CATALOG_URL(
      "models.catalog_url",
      "COGENT_MODEL_CATALOG_URL",
      null,
      ValueType.OPTIONAL_TEXT,
      Visibility.URL,
      null,
      "URL of a model catalog in the models.dev api.json format to refresh from at start-up and"
          + " daily; unset keeps the catalog shipped with the server.",
      s -> s.models().catalogUrl()),
  MCP_SERVER_ENABLED(
      "mcp.server_enabled",
      "COGENT_MCP_SERVER_ENABLED",
      null,
      ValueType.BOOLEAN,
      Visibility.SHOWN,
      "true",
      "Mount Cogent's own MCP server endpoint (/mcp) with the memory and agent tools.",
      s -> s.mcp().serverEnabled()),
  MEMORY_MAX_UPLOAD_BYTES(
      "memory.max_upload_bytes",
      "COGENT_MEMORY_MAX_UPLOAD_BYTES",
      null,
      ValueType.LONG,
      Visibility.SHOWN,
      "52428800",
      "Most bytes of files and texts one memory add, remember or update may carry; more is"
          + " answered with 413.",
      s -> s.memory().maxUploadBytes()),
  MEMORY_MAX_UPLOAD_FILES(
      "memory.max_upload_files",
      "COGENT_MEMORY_MAX_UPLOAD_FILES",
      null,
      ValueType.INTEGER,
      Visibility.SHOWN,
      "1000",
      "Most files and texts one memory add, remember or update may carry; more is answered with"
          + " 413.",
      s -> s.memory().maxUploadFiles());

  /**
   * Config-file keys that hold structured data another feature reads from the file itself, not
   * settings: the loader only checks that each is a list, and its items are that feature's to
   * validate (a broken item is reported there, never fatal). {@code mcp.servers}: the MCP servers
   * seeded at start-up (docs/mcp.md).
   */
  static final List<String> STRUCTURED_LISTS = List.of("mcp.servers");

  /** The sections {@code PATCH /config} may change ("Configuration" in spec 001). */
  private static final List<String> PATCHABLE_SECTIONS =
      List.of("rate_limit", "observability", "mlflow");

  private final String path;
  private final String envVar;
  private final String flag;
  private final ValueType type;
  private final Visibility visibility;
  private final String defaultValue;
  private final String description;
  private final Function<Settings, Object> reader;

  SettingKey(
      String path,
      String envVar,
      String flag,
      ValueType type,
      Visibility visibility,
      String defaultValue,
      String description,
      Function<Settings, Object> reader) {
    this.path = path;
    this.envVar = envVar;
    this.flag = flag;
    this.type = type;
    this.visibility = visibility;
    this.defaultValue = defaultValue;
    this.description = description;
    this.reader = reader;
  }

  /** How a value may be shown in {@code GET /config} and in logs. */
  enum Visibility {
    SHOWN,
    /** Shown without the user name, password and {@code password=} parameters. */
    URL,
    /** Never shown; masked as {@code ***}. */
    SECRET
  }

  /** The dotted path in {@code config.yaml}, such as {@code rate_limit.per_minute}. */
  public String path() {
    return path;
  }

  /** The first path segment, such as {@code rate_limit}. */
  public String section() {
    return path.substring(0, path.indexOf('.'));
  }

  public String envVar() {
    return envVar;
  }

  /** The long flag name without dashes, such as {@code data-dir}, if the setting has one. */
  public Optional<String> findFlag() {
    return Optional.ofNullable(flag);
  }

  /** The built-in default as text; empty when the default is "none" or computed. */
  public Optional<String> findDefault() {
    return Optional.ofNullable(defaultValue);
  }

  public String description() {
    return description;
  }

  /** A secret is never logged and never shown by {@code GET /config}. */
  public boolean isSecret() {
    return visibility == Visibility.SECRET;
  }

  /** Whether {@code PATCH /config} may change this setting at runtime. */
  public boolean isPatchable() {
    return PATCHABLE_SECTIONS.contains(section());
  }

  /** The key with this dotted path, if there is one. */
  public static Optional<SettingKey> findByPath(String path) {
    return Arrays.stream(values()).filter(key -> key.path.equals(path)).findFirst();
  }

  /** The key set by this flag (long name without dashes), if there is one. */
  public static Optional<SettingKey> findByFlag(String flag) {
    return Arrays.stream(values()).filter(key -> flag.equals(key.flag)).findFirst();
  }

  /** Whether some key lives under this dotted prefix, such as {@code rate_limit}. */
  static boolean isSection(String prefix) {
    return knownPaths().anyMatch(path -> path.startsWith(prefix + "."));
  }

  /** Every dotted path a config file may hold: the settings and the structured lists. */
  static Stream<String> knownPaths() {
    return Stream.concat(Arrays.stream(values()).map(SettingKey::path), STRUCTURED_LISTS.stream());
  }

  ValueType type() {
    return type;
  }

  /** This setting's current value in {@code settings}, typed as {@link ValueType#parse} returns. */
  Object read(Settings settings) {
    return reader.apply(settings);
  }

  /**
   * This setting's value as it may be shown or logged: secrets masked, URLs without credentials,
   * durations in seconds, paths as text.
   */
  Object displayValue(Settings settings) {
    Object value = reader.apply(settings);
    if (value == null) {
      return null;
    }
    return switch (visibility) {
      case SECRET -> SettingsView.MASK;
      case URL -> SettingsView.redactUrl(value.toString());
      case SHOWN -> {
        if (value instanceof Duration duration) {
          yield duration.toSeconds();
        }
        yield value instanceof Path ? value.toString() : value;
      }
    };
  }
}
