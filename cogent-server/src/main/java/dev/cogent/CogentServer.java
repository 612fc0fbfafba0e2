package dev.cogent;

import dev.cogent.http.HttpServer;
import dev.cogent.http.OpenApiDocument;
import dev.cogent.http.Readiness;
import dev.cogent.http.Requests;
import dev.cogent.http.routes.CapabilitiesRoutes;
import dev.cogent.http.routes.ConfigRoutes;
import dev.cogent.http.routes.DocsRoutes;
import dev.cogent.http.routes.HealthRoutes;
import dev.cogent.http.routes.SessionRoutes;
import dev.cogent.registry.AgentDirectory;
import dev.cogent.scope.ScopeResolver;
import dev.cogent.session.SessionService;
import dev.cogent.settings.ConfigEditor;
import dev.cogent.settings.LiveSettings;
import dev.cogent.settings.Settings;
import dev.cogent.store.Database;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service from {@link Settings}, in dependency order, starts
 * HTTP and stops everything cleanly. It reads top to bottom like a table of contents; nothing else
 * constructs services.
 */
public final class CogentServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CogentServer.class);

  private final Database database;
  private final HttpServer http;
  private final Readiness readiness;

  private CogentServer(Database database, HttpServer http, Readiness readiness) {
    this.database = database;
    this.http = http;
    this.readiness = readiness;
  }

  /**
   * Opens storage (migrating it), wires the services and starts listening.
   *
   * @param clock the one clock of the server; tests pass a controllable one
   */
  public static CogentServer start(Settings settings, InstantSource clock) {
    String version = Version.cogent();
    Json json = new Json();
    Database database = Database.open(settings.store());
    try {
      var live = new LiveSettings(settings);
      var configEditor = new ConfigEditor(live, clock);
      var scopes = new ScopeResolver(settings.scoping());
      var agents = new AgentDirectory();
      // Until model providers land (issue #4) no provider config exists in any scope.
      var sessions = new SessionService(database, json, agents, scope -> List.of(), clock);
      var readiness = new Readiness();
      var requests = new Requests(json);

      var capabilities = capabilities(version, settings, database);
      var http =
          new HttpServer(
              settings.server(),
              json,
              scopes,
              () -> live.current().rateLimit(),
              clock,
              List.of(
                  new HealthRoutes(version, database, sessions, readiness, clock)::addTo,
                  new CapabilitiesRoutes(capabilities)::addTo,
                  new DocsRoutes(OpenApiDocument.load(json, version), HttpServer.swaggerUiPath())
                      ::addTo,
                  new ConfigRoutes(live, configEditor, requests)::addTo,
                  new SessionRoutes(sessions, requests)::addTo));
      var server = new CogentServer(database, http, readiness);
      http.start();
      readiness.markReady();
      return server;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static Capabilities capabilities(String version, Settings settings, Database database) {
    Map<String, String> versions = new TreeMap<>();
    versions.put("cogent", version);
    versions.put("java", Runtime.version().toString());
    versions.put("javalin", Version.library("io.javalin", "javalin"));
    versions.put("jdbi", Version.library("org.jdbi", "jdbi3-core"));
    Map<String, Boolean> features = new TreeMap<>();
    // True only for what this process runs; later features flip their own flag when wired.
    features.put("sessions", true);
    features.put("scope_propagation", true);
    features.put("rate_limiting", true);
    features.put("openapi", true);
    for (String notYet :
        List.of(
            "async_subagents",
            "mcp",
            "mcp_tool_name_prefix",
            "hitl",
            "permissions",
            "artifacts",
            "context_policy",
            "context_controls",
            "tool_safety",
            "tool_argument_validation",
            "trusted_runtime_context",
            "checkpoint_apis",
            "provider_config_crud",
            "agent_config_crud",
            "model_catalog",
            "a2a",
            "a2a_jsonrpc",
            "a2a_streaming",
            "a2a_per_agent_cards",
            "a2a_push_notifications",
            "a2a_grpc")) {
      features.put(notYet, false);
    }
    return new Capabilities(
        versions,
        List.of(),
        List.of(),
        features,
        List.of(),
        settings.scoping().enabled() ? settings.scoping().keys() : List.of(),
        Map.of(
            "database",
            database.dialect().name(),
            "scoping_enabled",
            settings.scoping().enabled(),
            "sandbox_backend",
            "none"));
  }

  public int port() {
    return http.port();
  }

  public String url() {
    return http.url();
  }

  /** Stops accepting requests, lets in-flight ones finish, then closes storage. */
  @Override
  public void close() {
    readiness.markNotReady();
    try {
      http.close();
    } finally {
      database.close();
      log.info("Cogent stopped");
    }
  }
}
