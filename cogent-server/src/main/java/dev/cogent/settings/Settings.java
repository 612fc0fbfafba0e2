package dev.cogent.settings;

import java.nio.file.Path;

/**
 * Everything the server is configured with, loaded and validated once at start-up by {@link
 * SettingsLoader}. Each service receives only its own sub-record. A runtime change ({@code PATCH
 * /config}) builds a new {@code Settings} and swaps one reference in {@link LiveSettings}; nothing
 * is mutated in place.
 *
 * @param projectDir the folder whose {@code .cogent/config.yaml} is the project config file, and
 *     that {@code PATCH /config} writes to
 */
public record Settings(
    Path projectDir,
    ServerSettings server,
    StoreSettings store,
    ScopingSettings scoping,
    RateLimitSettings rateLimit,
    ObservabilitySettings observability,
    MlflowSettings mlflow,
    ToolSettings tools,
    RuntimeSettings runtime,
    AuthSettings auth,
    A2aSettings a2a,
    ModelSettings models,
    McpSettings mcp,
    MemorySettings memory) {

  public Settings {
    if (projectDir == null
        || server == null
        || store == null
        || scoping == null
        || rateLimit == null
        || observability == null
        || mlflow == null
        || tools == null
        || runtime == null
        || auth == null
        || a2a == null
        || models == null
        || mcp == null
        || memory == null) {
      throw new IllegalArgumentException("every settings section is required");
    }
  }

  /** The project config file that {@code PATCH /config} persists to. */
  public Path projectConfigFile() {
    return projectDir.resolve(".cogent").resolve("config.yaml");
  }

  public Settings withRateLimit(RateLimitSettings value) {
    return new Settings(
        projectDir,
        server,
        store,
        scoping,
        value,
        observability,
        mlflow,
        tools,
        runtime,
        auth,
        a2a,
        models,
        mcp,
        memory);
  }

  public Settings withObservability(ObservabilitySettings value) {
    return new Settings(
        projectDir,
        server,
        store,
        scoping,
        rateLimit,
        value,
        mlflow,
        tools,
        runtime,
        auth,
        a2a,
        models,
        mcp,
        memory);
  }

  public Settings withMlflow(MlflowSettings value) {
    return new Settings(
        projectDir,
        server,
        store,
        scoping,
        rateLimit,
        observability,
        value,
        tools,
        runtime,
        auth,
        a2a,
        models,
        mcp,
        memory);
  }

  public Settings withTools(ToolSettings value) {
    return new Settings(
        projectDir,
        server,
        store,
        scoping,
        rateLimit,
        observability,
        mlflow,
        value,
        runtime,
        auth,
        a2a,
        models,
        mcp,
        memory);
  }
}
