package dev.cogent.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Typed setting values by key (as {@link ValueType#parse} returns them), and the settings records
 * built from them. Shared by the loader, which fills it layer by layer, and by the editor, which
 * starts from the live settings and overlays a change. Not thread-safe: use it inside one call.
 */
final class SettingValues {

  private final Map<SettingKey, Object> values = new EnumMap<>(SettingKey.class);

  /** The values of every key in {@code settings}. */
  static SettingValues of(Settings settings) {
    SettingValues result = new SettingValues();
    for (SettingKey key : SettingKey.values()) {
      result.put(key, key.read(settings));
    }
    return result;
  }

  void put(SettingKey key, Object value) {
    values.put(key, value);
  }

  Object get(SettingKey key) {
    return values.get(key);
  }

  @SuppressWarnings("unchecked")
  private List<String> names(SettingKey key) {
    return (List<String>) get(key);
  }

  boolean has(SettingKey key) {
    return values.containsKey(key);
  }

  // Each method below throws the record's IllegalArgumentException; callers know the source.

  ServerSettings server() {
    return new ServerSettings(
        (String) get(SettingKey.SERVER_HOST),
        (Integer) get(SettingKey.SERVER_PORT),
        (String) get(SettingKey.SERVER_LOG_LEVEL),
        (Long) get(SettingKey.SERVER_MAX_BODY_BYTES),
        (Duration) get(SettingKey.SERVER_SHUTDOWN_GRACE_SECONDS),
        (Boolean) get(SettingKey.SERVER_ALLOW_UNAUTHENTICATED),
        (Boolean) get(SettingKey.SERVER_AGENT_MODE),
        (Duration) get(SettingKey.SERVER_AGENT_MODE_CHECK_SECONDS),
        (Duration) get(SettingKey.SERVER_SSE_HEARTBEAT_SECONDS));
  }

  StoreSettings store() {
    return new StoreSettings(
        (Path) get(SettingKey.STORE_DATA_DIR),
        (String) get(SettingKey.STORE_DATABASE_URL),
        (String) get(SettingKey.STORE_DATABASE_USER),
        (String) get(SettingKey.STORE_DATABASE_PASSWORD),
        (Integer) get(SettingKey.STORE_POOL_SIZE));
  }

  @SuppressWarnings("unchecked")
  ScopingSettings scoping() {
    return new ScopingSettings(
        (Boolean) get(SettingKey.SCOPING_ENABLED), (List<String>) get(SettingKey.SCOPING_KEYS));
  }

  RateLimitSettings rateLimit() {
    return new RateLimitSettings(
        (Integer) get(SettingKey.RATE_LIMIT_PER_MINUTE),
        (Integer) get(SettingKey.RATE_LIMIT_BURST));
  }

  ObservabilitySettings observability() {
    return new ObservabilitySettings(
        (Boolean) get(SettingKey.OBSERVABILITY_OTEL_ENABLED),
        (Integer) get(SettingKey.OBSERVABILITY_METRICS_PORT),
        (String) get(SettingKey.OBSERVABILITY_OTEL_ENDPOINT),
        (Boolean) get(SettingKey.OBSERVABILITY_TRACING_ENABLED),
        (Integer) get(SettingKey.OBSERVABILITY_BREAKER_FAILURE_THRESHOLD),
        // Whole seconds as integers, so that PATCH /config and its backups can change them.
        Duration.ofSeconds((Integer) get(SettingKey.OBSERVABILITY_BREAKER_OPEN_SECONDS)),
        Duration.ofSeconds((Integer) get(SettingKey.OBSERVABILITY_BREAKER_PROBE_TIMEOUT_SECONDS)));
  }

  MlflowSettings mlflow() {
    return new MlflowSettings(
        (Boolean) get(SettingKey.MLFLOW_ENABLED), (String) get(SettingKey.MLFLOW_EXPERIMENT_NAME));
  }

  ToolSettings tools() {
    return new ToolSettings(
        (String) get(SettingKey.TOOLS_SANDBOX),
        (Duration) get(SettingKey.TOOLS_EXECUTE_TIMEOUT_SECONDS),
        (Integer) get(SettingKey.TOOLS_MAX_OUTPUT_BYTES),
        (String) get(SettingKey.TOOLS_PYTHON_PATH),
        (String) get(SettingKey.TOOLS_NODE_PATH));
  }

  RuntimeSettings runtime() {
    return new RuntimeSettings(
        (String) get(SettingKey.RUNTIME_CALLBACK_SIGNING_SECRET),
        names(SettingKey.RUNTIME_BLOCKED_TOOLS),
        names(SettingKey.RUNTIME_PROTECTED_PATHS),
        (Integer) get(SettingKey.RUNTIME_SUMMARIZATION_TRIGGER_PERCENT),
        (Integer) get(SettingKey.RUNTIME_DEFAULT_CONTEXT_WINDOW_TOKENS),
        (Integer) get(SettingKey.RUNTIME_LARGE_TOOL_RESULT_BYTES));
  }

  AuthSettings auth() {
    return new AuthSettings(
        (Boolean) get(SettingKey.AUTH_REQUIRE_AUTHENTICATION),
        (String) get(SettingKey.AUTH_JWT_SECRET),
        (Integer) get(SettingKey.AUTH_JWT_TTL_MINUTES),
        (Boolean) get(SettingKey.AUTH_SUPER_API_KEY_ENABLED),
        (Integer) get(SettingKey.AUTH_SUPER_API_KEY_TTL_MINUTES),
        (Integer) get(SettingKey.AUTH_PASSWORD_HASH_MEMORY_KIB));
  }

  A2aSettings a2a() {
    return new A2aSettings((Boolean) get(SettingKey.A2A_ENABLED));
  }

  McpSettings mcp() {
    return new McpSettings((Boolean) get(SettingKey.MCP_SERVER_ENABLED));
  }

  ModelSettings models() {
    return new ModelSettings((String) get(SettingKey.MODELS_CATALOG_URL));
  }

  MemorySettings memory() {
    return new MemorySettings(
        (Long) get(SettingKey.MEMORY_MAX_UPLOAD_BYTES),
        (Integer) get(SettingKey.MEMORY_MAX_UPLOAD_FILES),
        (Double) get(SettingKey.MEMORY_FEEDBACK_INFLUENCE));
  }
}
