package dev.cogent;

import dev.cogent.artifacts.ArtifactService;
import dev.cogent.artifacts.ArtifactTools;
import dev.cogent.http.Authentication;
import dev.cogent.http.HttpServer;
import dev.cogent.http.OpenApiDocument;
import dev.cogent.http.Readiness;
import dev.cogent.http.Requests;
import dev.cogent.http.SseWriter;
import dev.cogent.http.routes.A2aRoutes;
import dev.cogent.http.routes.ActivityRoutes;
import dev.cogent.http.routes.AgentIdentityRoutes;
import dev.cogent.http.routes.AgentRoutes;
import dev.cogent.http.routes.ArtifactRoutes;
import dev.cogent.http.routes.AuthRoutes;
import dev.cogent.http.routes.CapabilitiesRoutes;
import dev.cogent.http.routes.ConfigRoutes;
import dev.cogent.http.routes.DocsRoutes;
import dev.cogent.http.routes.HealthRoutes;
import dev.cogent.http.routes.McpRoutes;
import dev.cogent.http.routes.McpServerRoutes;
import dev.cogent.http.routes.MemoryActivityRoutes;
import dev.cogent.http.routes.MemoryDatasetRoutes;
import dev.cogent.http.routes.MemoryIngestRoutes;
import dev.cogent.http.routes.MemoryLlmRoutes;
import dev.cogent.http.routes.MemoryOperationRoutes;
import dev.cogent.http.routes.MessageRoutes;
import dev.cogent.http.routes.ModelRoutes;
import dev.cogent.http.routes.PermissionRoutes;
import dev.cogent.http.routes.ProviderRoutes;
import dev.cogent.http.routes.ResumeRoutes;
import dev.cogent.http.routes.RunRoutes;
import dev.cogent.http.routes.SearchRoutes;
import dev.cogent.http.routes.SessionRoutes;
import dev.cogent.http.routes.SkillRoutes;
import dev.cogent.http.routes.ToolRoutes;
import dev.cogent.identity.AccessTokens;
import dev.cogent.identity.AgentConnections;
import dev.cogent.identity.AgentIdentities;
import dev.cogent.identity.AgentModeWatchdog;
import dev.cogent.identity.ApiKeyService;
import dev.cogent.identity.Authenticator;
import dev.cogent.identity.IdentityActivity;
import dev.cogent.identity.JwtSecret;
import dev.cogent.identity.PasswordHasher;
import dev.cogent.identity.Permissions;
import dev.cogent.identity.TenantService;
import dev.cogent.identity.UserService;
import dev.cogent.llm.ChatModels;
import dev.cogent.llm.ModelCatalog;
import dev.cogent.llm.ModelResolver;
import dev.cogent.llm.ModelService;
import dev.cogent.llm.ProviderService;
import dev.cogent.llm.ProviderSpec;
import dev.cogent.llm.ProviderTester;
import dev.cogent.memory.Cognify;
import dev.cogent.memory.DataRepository;
import dev.cogent.memory.DataUpdate;
import dev.cogent.memory.DatasetRepository;
import dev.cogent.memory.DatasetResolver;
import dev.cogent.memory.DatasetService;
import dev.cogent.memory.Extractors;
import dev.cogent.memory.FeedbackRepository;
import dev.cogent.memory.Forget;
import dev.cogent.memory.GraphEdits;
import dev.cogent.memory.GraphRepository;
import dev.cogent.memory.Improve;
import dev.cogent.memory.Ingestion;
import dev.cogent.memory.LlmUtilities;
import dev.cogent.memory.MemoryActivity;
import dev.cogent.memory.MemoryStorage;
import dev.cogent.memory.PipelineRunRepository;
import dev.cogent.memory.RawFiles;
import dev.cogent.memory.Remember;
import dev.cogent.memory.RememberEntries;
import dev.cogent.memory.SessionEntryRepository;
import dev.cogent.memory.index.Embedder;
import dev.cogent.memory.index.MemoryIndex;
import dev.cogent.memory.search.RecallTool;
import dev.cogent.memory.search.RememberTool;
import dev.cogent.memory.search.SearchService;
import dev.cogent.memory.search.SessionOwners;
import dev.cogent.memory.search.StoredMemories;
import dev.cogent.observability.BreakerPolicy;
import dev.cogent.observability.CircuitBreakers;
import dev.cogent.observability.Metrics;
import dev.cogent.observability.MetricsEndpoint;
import dev.cogent.observability.PipelineTracer;
import dev.cogent.observability.RequestTracer;
import dev.cogent.observability.RunTracer;
import dev.cogent.observability.SpanBuffer;
import dev.cogent.observability.Telemetry;
import dev.cogent.protocols.A2aService;
import dev.cogent.protocols.AgentCards;
import dev.cogent.protocols.McpEndpoint;
import dev.cogent.registry.AgentDirectory;
import dev.cogent.registry.AgentService;
import dev.cogent.registry.AgentSpec;
import dev.cogent.registry.Registry;
import dev.cogent.registry.RegistryEvents;
import dev.cogent.registry.RegistryKind;
import dev.cogent.registry.RegistrySeeder;
import dev.cogent.registry.SeedProblems;
import dev.cogent.registry.SkillService;
import dev.cogent.registry.SkillSpec;
import dev.cogent.runtime.AgentLoop;
import dev.cogent.runtime.AgentRuntime;
import dev.cogent.runtime.AgentTasks;
import dev.cogent.runtime.CallbackSender;
import dev.cogent.scope.ScopeResolver;
import dev.cogent.session.EventLog;
import dev.cogent.session.MessageService;
import dev.cogent.session.RunCheckpoints;
import dev.cogent.session.RunService;
import dev.cogent.session.SessionService;
import dev.cogent.settings.ConfigEditor;
import dev.cogent.settings.ExposureCheck;
import dev.cogent.settings.LiveSettings;
import dev.cogent.settings.ModelSettings;
import dev.cogent.settings.Placeholders;
import dev.cogent.settings.Settings;
import dev.cogent.store.Database;
import dev.cogent.tools.BuiltinTools;
import dev.cogent.tools.Tool;
import dev.cogent.tools.Workspaces;
import dev.cogent.tools.catalog.CodeRunner;
import dev.cogent.tools.catalog.PluginClasses;
import dev.cogent.tools.catalog.RegisteredTools;
import dev.cogent.tools.catalog.ToolService;
import dev.cogent.tools.catalog.ToolSpec;
import dev.cogent.tools.mcp.McpServerSeeder;
import dev.cogent.tools.mcp.McpServerService;
import dev.cogent.tools.mcp.McpServerSpec;
import dev.cogent.tools.mcp.McpTools;
import dev.cogent.tools.sandbox.SandboxProbe;
import dev.cogent.tools.sandbox.Sandboxes;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service from {@link Settings}, in dependency order, starts
 * HTTP and stops everything cleanly. It reads top to bottom like a table of contents; nothing else
 * constructs services.
 */
public final class CogentServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CogentServer.class);

  /** Threads for runs on JDK 17, where virtual threads do not exist; more wait in a queue. */
  private static final int RUN_THREADS = 256;

  private static final int RUN_QUEUE = 10_000;

  /** How long a stop waits for the events still on their way to the store. */
  private static final Duration EVENT_FLUSH = Duration.ofSeconds(10);

  private final Database database;
  private final EventLog events;
  private final HttpServer http;
  private final Readiness readiness;
  private final ExecutorService runExecutor;
  private final ScheduledExecutorService scheduler;
  private final McpTools mcpTools;
  private final ChatModels chatModels;
  private final CompletableFuture<Void> stopRequest;
  private final Telemetry telemetry;
  private final MetricsEndpoint metricsEndpoint;
  private final MemoryIndex memoryIndex;
  private final McpEndpoint mcpEndpoint;

  private CogentServer(
      Database database,
      EventLog events,
      HttpServer http,
      Readiness readiness,
      ExecutorService runExecutor,
      ScheduledExecutorService scheduler,
      McpTools mcpTools,
      ChatModels chatModels,
      CompletableFuture<Void> stopRequest,
      Telemetry telemetry,
      MetricsEndpoint metricsEndpoint,
      MemoryIndex memoryIndex,
      McpEndpoint mcpEndpoint) {
    this.database = database;
    this.events = events;
    this.http = http;
    this.readiness = readiness;
    this.runExecutor = runExecutor;
    this.scheduler = scheduler;
    this.mcpTools = mcpTools;
    this.chatModels = chatModels;
    this.stopRequest = stopRequest;
    this.telemetry = telemetry;
    this.metricsEndpoint = metricsEndpoint;
    this.memoryIndex = memoryIndex;
    this.mcpEndpoint = mcpEndpoint;
  }

  /**
   * Opens storage (migrating it), wires the services and starts listening.
   *
   * @param clock the one clock of the server; tests pass a controllable one
   */
  public static CogentServer start(Settings settings, InstantSource clock) {
    return start(settings, clock, System.getenv());
  }

  /**
   * As {@link #start(Settings, InstantSource)}, with the process environment given explicitly: the
   * only place services read environment variables from (provider API keys, the provider bootstrap,
   * sandbox probes).
   */
  public static CogentServer start(
      Settings settings, InstantSource clock, Map<String, String> environment) {
    return start(settings, clock, environment, new Embedder());
  }

  /**
   * As {@link #start(Settings, InstantSource, Map)}, with the embedding model given: it is
   * thread-safe and holds no per-server state, so servers of one process may share it (the test
   * fixture does, so that the model is loaded once per test JVM, not once per server).
   */
  public static CogentServer start(
      Settings settings, InstantSource clock, Map<String, String> environment, Embedder embedder) {
    String version = Version.cogent();
    Json json = new Json();
    ExposureCheck.verify(settings);
    Database database = Database.open(settings.store());
    ExecutorService runExecutor = runExecutor();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cogent-scheduler"));
    var metrics = new Metrics();
    var telemetry = new Telemetry(settings.observability(), version);
    var metricsEndpoint = new MetricsEndpoint(metrics, settings.server().host());
    MemoryIndex memoryIndex =
        new MemoryIndex(settings.store().dataDir().resolve("memory").resolve("index"));
    try {
      var live = new LiveSettings(settings);
      var configEditor = new ConfigEditor(live, clock);
      // Observability: PATCH /config turns tracing, the OTLP export and the metrics port on and
      // off, and changes the circuit breakers' policy.
      database.publishPoolMetrics(metrics.registry());
      metricsEndpoint.listenOn(settings.observability().metricsPort());
      var breakers = new CircuitBreakers(clock, BreakerPolicy.of(settings.observability()));
      live.addListener(
          next -> {
            telemetry.apply(next.observability());
            metricsEndpoint.listenOn(next.observability().metricsPort());
            breakers.apply(BreakerPolicy.of(next.observability()));
          });
      var runTracer = new RunTracer(telemetry, metrics);
      var scopes = new ScopeResolver(settings.scoping());
      var random = new SecureRandom();
      var accessTokens =
          new AccessTokens(
              JwtSecret.load(settings.auth(), settings.store().dataDir(), random),
              settings.auth().jwtTtl(),
              clock);
      var users =
          new UserService(
              database,
              new PasswordHasher(settings.auth().passwordHashMemoryKib()),
              accessTokens,
              clock);
      var apiKeys =
          new ApiKeyService(
              database,
              users,
              new ApiKeyService.SuperKeyPolicy(
                  settings.auth().superApiKeyEnabled(), settings.auth().superApiKeyTtl()),
              random,
              clock);
      var authentication =
          new Authentication(
              new Authenticator(
                  users,
                  apiKeys,
                  users.ensureDefaultUser(),
                  settings.auth().requireAuthentication()));
      var tenants = new TenantService(database, users, clock);
      var permissions = new Permissions(database, tenants, users, clock);
      // Memory (issue #7): storage shared by ingestion, cognify and search.
      var memoryDatasets = new DatasetRepository(database);
      var memoryData = new DataRepository(database, json);
      var memoryGraph = new GraphRepository(database, json);
      var pipelineRuns = new PipelineRunRepository(database);
      var sessionEntries = new SessionEntryRepository(database);
      var rawFiles = new RawFiles(settings.store().dataDir());
      var datasetResolver = new DatasetResolver(memoryDatasets, permissions);
      var stopRequest = new CompletableFuture<Void>();
      var agentConnections =
          new AgentConnections(
              database,
              users,
              json,
              clock,
              settings.server().agentMode()
                  ? new AgentModeWatchdog(
                          scheduler,
                          settings.server().agentModeCheckInterval(),
                          AgentConnections.activeCounter(database, json),
                          () -> stopRequest.complete(null))
                      ::registered
                  : connection -> {});
      var agentIdentities = new AgentIdentities(users, apiKeys, agentConnections);
      var registryEvents = new RegistryEvents();
      var seedProblems = new SeedProblems();
      var agentRegistry =
          new Registry<>(
              RegistryKind.AGENT, AgentSpec.class, database, json, registryEvents, clock);
      var agentService = new AgentService(agentRegistry, json);
      var skillRegistry =
          new Registry<>(
              RegistryKind.SKILL, SkillSpec.class, database, json, registryEvents, clock);
      var skillService = new SkillService(skillRegistry, settings.projectDir(), json);
      var mcpRegistry =
          new Registry<>(
              RegistryKind.MCP_SERVER, McpServerSpec.class, database, json, registryEvents, clock);
      var mcpTools =
          new McpTools(
              mcpRegistry,
              registryEvents,
              clock,
              Duration.ofSeconds(10),
              Duration.ofSeconds(60),
              Duration.ofSeconds(30),
              runExecutor,
              breakers);
      new RegistrySeeder(settings.projectDir(), json, agentService, skillService, seedProblems)
          .seed();
      var mcpFiles =
          new McpServerSeeder(
              settings.projectDir(),
              json,
              new Placeholders(environment),
              mcpRegistry,
              seedProblems,
              clock);
      mcpFiles.seed();
      var agents = new AgentDirectory(agentService);
      var providers =
          new ProviderService(
              new Registry<>(
                  RegistryKind.PROVIDER,
                  ProviderSpec.class,
                  database,
                  json,
                  registryEvents,
                  clock));
      providers.bootstrap(environment);
      var chatModels =
          new ChatModels(
              environment, json.mapper(), scheduler, Duration.ofMillis(500), runTracer, breakers);
      var modelCatalog =
          new ModelCatalog(
              json.mapper(),
              HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
      refreshDaily(modelCatalog, settings.models(), scheduler, runExecutor);
      var modelService = new ModelService(modelCatalog, providers);
      var sessions = new SessionService(database, json, agents, providers::choices, clock);
      var artifacts = new ArtifactService(database, clock);
      var sandboxes =
          new Sandboxes(
              environment, List.of(settings.tools().pythonPath(), settings.tools().nodePath()));
      var sandboxProbes = sandboxes.probeAll();
      var builtinTools =
          new BuiltinTools(
              settings.tools(), sandboxes.select(settings.tools().sandbox(), sandboxProbes));
      var readiness = new Readiness();
      var requests = new Requests(json);
      var events = new EventLog(database, json, clock, scheduler);
      var messages = new MessageService(database, json, sessions);
      var runs = new RunService(database, json, sessions, messages, events, clock);
      var artifactTools =
          new ArtifactTools(
              artifacts,
              (runId, sessionId, scope) -> {
                try {
                  runs.get(sessionId, runId, scope);
                  return true;
                } catch (ApiException e) {
                  return false;
                }
              });
      var modelResolver =
          new ModelResolver(
              providers,
              (name, scope) ->
                  agentService
                      .find(name, scope)
                      .map(
                          agent ->
                              new ModelResolver.AgentModel(agent.model(), agent.temperature())),
              chatModels);
      var memoryStorage =
          new MemoryStorage(
              memoryDatasets,
              memoryData,
              memoryGraph,
              pipelineRuns,
              sessionEntries,
              memoryIndex,
              rawFiles);
      var feedbackEntries = new FeedbackRepository(database, json);
      var datasetService =
          new DatasetService(memoryStorage, datasetResolver, permissions, feedbackEntries, clock);
      var pipelineTracer = new PipelineTracer(telemetry, metrics);
      var ingestion =
          new Ingestion(
              datasetService,
              datasetResolver,
              memoryStorage,
              settings.memory(),
              pipelineTracer,
              clock);
      var cognify =
          new Cognify(
              memoryStorage,
              datasetResolver,
              embedder,
              new Extractors(modelResolver, json),
              runExecutor,
              pipelineTracer,
              clock);
      cognify.recoverInterruptedRuns();
      var improve =
          new Improve(
              memoryStorage,
              datasetResolver,
              ingestion,
              cognify,
              feedbackEntries,
              sessions,
              messages,
              runExecutor,
              pipelineTracer,
              clock);
      var remember = new Remember(ingestion, cognify, improve, memoryStorage, clock);
      var forget = new Forget(datasetService, datasetResolver, memoryStorage, cognify, clock);
      var memoryOperations =
          new MemoryOperationRoutes(
              forget,
              new DataUpdate(datasetService, datasetResolver, ingestion, cognify, memoryStorage),
              remember,
              improve,
              new RememberEntries(datasetResolver, feedbackEntries, clock),
              authentication,
              requests,
              json);
      // AGENTIC_COMPLETION starts agent runs, and the runtime is built after the memory tools it
      // gives agents: the search reaches it through this reference, set below.
      var agentTasks = new AtomicReference<AgentTasks>();
      var memorySearch =
          new SearchService(
              new StoredMemories(
                  datasetResolver, memoryIndex, embedder, memoryGraph, memoryData, feedbackEntries),
              modelResolver,
              skillService,
              agentTasks::get,
              database,
              feedbackEntries,
              settings.memory().feedbackInfluence(),
              json,
              clock);
      var sessionOwners =
          new SessionOwners(
              users, settings.auth().requireAuthentication() ? null : users.ensureDefaultUser());
      var memoryTools =
          List.<Tool>of(
              new RecallTool(memorySearch, sessionOwners, json),
              new RememberTool(remember, sessionOwners, json));
      List<Tool> serverTools = new ArrayList<>(builtinTools.all());
      serverTools.addAll(artifactTools.all());
      serverTools.addAll(memoryTools);
      var toolRegistry =
          new Registry<>(RegistryKind.TOOL, ToolSpec.class, database, json, registryEvents, clock);
      var codeRunner =
          new CodeRunner(
              sandboxes.select(settings.tools().sandbox(), sandboxProbes),
              settings.tools().executeTimeout(),
              settings.tools().maxOutputBytes(),
              settings.store().dataDir().resolve("tool-registration"),
              json,
              settings.tools().pythonPath(),
              settings.tools().nodePath());
      var plugins = new PluginClasses(settings.projectDir());
      var registeredTools = new RegisteredTools(toolRegistry, registryEvents, codeRunner, plugins);
      var toolService =
          new ToolService(
              toolRegistry,
              serverTools,
              codeRunner,
              plugins,
              registeredTools,
              mcpTools,
              mcpFiles,
              settings.projectDir(),
              clock);
      toolService.reload();
      var workspaces = new Workspaces(settings.store().dataDir().resolve("workspaces"));
      var callbacks =
          new CallbackSender(
              HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
              scheduler,
              json,
              settings.runtime().callbackSigningSecret(),
              Duration.ofMillis(500));
      var agentLoop =
          new AgentLoop(
              messages,
              agentService,
              skillService,
              serverTools,
              scope -> {
                List<Tool> scoped = new ArrayList<>(registeredTools.forScope(scope));
                scoped.addAll(mcpTools.forScope(scope));
                return scoped;
              },
              workspaces,
              settings.projectDir(),
              settings.runtime(),
              modelCatalog,
              runTracer,
              json,
              clock);
      var runtime =
          new AgentRuntime(
              sessions,
              runs,
              new RunCheckpoints(database, events, clock),
              events,
              modelResolver,
              agentLoop,
              // A run's span is a child of the request's that started it.
              telemetry.propagating(runExecutor),
              callbacks,
              json,
              runTracer);
      runtime.recoverInterruptedRuns();
      agentTasks.set(new AgentTasks(sessions, runs, messages, agentLoop, runtime, workspaces));
      // Heartbeats keep proxies and clients from closing an idle connection, which happens in real
      // time whatever the server's clock says, so the silence is measured on the system clock.
      var sse =
          new SseWriter(
              json, settings.server().sseHeartbeat(), metrics, InstantSource.system(), scheduler);
      var a2aService =
          new A2aService(
              database,
              json,
              agentService,
              new A2aService.SessionServices(sessions, runs, messages, events),
              runtime,
              clock);
      var a2aRoutes =
          new A2aRoutes(
              new AgentCards(agentService, skillService),
              a2aService,
              json,
              requests,
              settings.server().sseHeartbeat());
      // Cogent's own MCP server (issue #9): memory, knowledge-graph and agent tools at /mcp.
      var mcpEndpoint =
          new McpEndpoint(
              json,
              version,
              new McpEndpoint.MemoryServices(
                  remember,
                  memorySearch,
                  forget,
                  datasetService,
                  new GraphEdits(
                      database,
                      json,
                      memoryStorage,
                      datasetResolver,
                      datasetService,
                      cognify,
                      clock)),
              agentService,
              a2aService,
              registryEvents);

      var capabilities =
          capabilities(version, settings, database, sandboxProbes, agentLoop.middleware());
      var http =
          new HttpServer(
              settings.server(),
              json,
              authentication,
              scopes,
              () -> live.current().rateLimit(),
              clock,
              new RequestTracer(telemetry),
              metrics,
              List.of(
                  new HealthRoutes(version, database, sessions, readiness, clock, breakers)::addTo,
                  new CapabilitiesRoutes(capabilities)::addTo,
                  new DocsRoutes(OpenApiDocument.load(json, version), HttpServer.swaggerUiPath())
                      ::addTo,
                  new ConfigRoutes(live, configEditor, authentication, requests, modelService)
                      ::addTo,
                  new AuthRoutes(users, apiKeys, authentication, settings.auth().jwtTtl(), requests)
                      ::addTo,
                  new SessionRoutes(sessions, requests)::addTo,
                  new MessageRoutes(runtime, messages, runs, events, sse, requests)::addTo,
                  new RunRoutes(runs, runtime, requests)::addTo,
                  new ResumeRoutes(runtime, events, sse, requests)::addTo,
                  new AgentRoutes(agentService, requests)::addTo,
                  new SkillRoutes(skillService, requests)::addTo,
                  new ToolRoutes(toolService, authentication, requests)::addTo,
                  new SearchRoutes(memorySearch, authentication, requests)::addTo,
                  new McpServerRoutes(new McpServerService(mcpRegistry, mcpTools), requests)::addTo,
                  new ArtifactRoutes(artifacts, requests)::addTo,
                  new PermissionRoutes(tenants, permissions, authentication, requests, json)::addTo,
                  new AgentIdentityRoutes(
                          agentIdentities, agentConnections, authentication, requests)
                      ::addTo,
                  new ActivityRoutes(
                          new IdentityActivity(database, users, clock),
                          authentication,
                          telemetry.spans())
                      ::addTo,
                  new ProviderRoutes(
                          providers,
                          new ProviderTester(providers, chatModels, Duration.ofSeconds(30)),
                          requests)
                      ::addTo,
                  new ModelRoutes(modelService, requests)::addTo,
                  new MemoryDatasetRoutes(datasetService, authentication, requests)::addTo,
                  new MemoryIngestRoutes(ingestion, cognify, authentication, requests, json)::addTo,
                  memoryOperations::addTo,
                  new MemoryLlmRoutes(
                          new LlmUtilities(modelResolver, json, Duration.ofSeconds(120)),
                          authentication,
                          requests,
                          json)
                      ::addTo,
                  new MemoryActivityRoutes(
                          new MemoryActivity(memoryStorage, datasetResolver), users, authentication)
                      ::addTo,
                  settings.a2a().enabled() ? a2aRoutes::addTo : unmounted -> {},
                  settings.mcp().serverEnabled()
                      ? new McpRoutes(mcpEndpoint, authentication, requests)::addTo
                      : unmounted -> {}));
      var server =
          new CogentServer(
              database,
              events,
              http,
              readiness,
              runExecutor,
              scheduler,
              mcpTools,
              chatModels,
              stopRequest,
              telemetry,
              metricsEndpoint,
              memoryIndex,
              mcpEndpoint);
      http.start();
      readiness.markReady();
      if (settings.server().agentMode()) {
        log.info(
            "Agent mode: waiting for the first agent to register (POST /api/v1/agents/register)");
      }
      return server;
    } catch (RuntimeException e) {
      runExecutor.shutdownNow();
      scheduler.shutdownNow();
      metricsEndpoint.close();
      telemetry.close();
      memoryIndex.close();
      database.close();
      throw e;
    }
  }

  /**
   * Refreshes the model catalog from {@code models.catalog_url} at start-up and then daily, off the
   * scheduler thread; without a URL the shipped catalog stays.
   */
  private static void refreshDaily(
      ModelCatalog catalog,
      ModelSettings models,
      ScheduledExecutorService scheduler,
      ExecutorService executor) {
    if (models.catalogUrl() == null) {
      return;
    }
    URI url = URI.create(models.catalogUrl());
    scheduler.scheduleAtFixedRate(
        () -> executor.execute(() -> catalog.refresh(url)), 0, 24, TimeUnit.HOURS);
  }

  /**
   * The executor runs execute on: a virtual thread per run on JDK 21+, else a bounded pool of named
   * platform threads with a bounded queue (a full queue rejects the run, which then fails).
   */
  private static ExecutorService runExecutor() {
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              RUN_THREADS,
              RUN_THREADS,
              60,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(RUN_QUEUE),
              DaemonThreads.named("cogent-run"));
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }

  private static Capabilities capabilities(
      String version,
      Settings settings,
      Database database,
      List<SandboxProbe> sandboxProbes,
      List<String> middleware) {
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
    features.put("agent_config_crud", true);
    features.put("artifacts", true);
    features.put("mcp", true);
    features.put("mcp_tool_name_prefix", true);
    // Cogent's own MCP server endpoint (/mcp), unless mcp.server_enabled is false.
    features.put("mcp_server", settings.mcp().serverEnabled());
    features.put("hitl", true);
    features.put("provider_config_crud", true);
    features.put("model_catalog", true);
    // The runtime's middleware (dev.cogent.runtime.MiddlewareChain).
    features.put("tool_safety", true);
    features.put("tool_argument_validation", true);
    features.put("trusted_runtime_context", true);
    for (String notYet :
        List.of(
            "async_subagents",
            "permissions",
            "context_policy",
            "context_controls",
            "checkpoint_apis",
            "a2a",
            "a2a_jsonrpc",
            "a2a_streaming",
            "a2a_per_agent_cards",
            "a2a_push_notifications",
            "a2a_grpc")) {
      features.put(notYet, false);
    }
    // A2A (protocols): JSON-RPC, SSE streaming and per-agent cards, unless a2a.enabled is false.
    for (String a2a : List.of("a2a", "a2a_jsonrpc", "a2a_streaming", "a2a_per_agent_cards")) {
      features.put(a2a, settings.a2a().enabled());
    }
    return new Capabilities(
        versions,
        List.of("sse"),
        sandboxProbes.stream().filter(SandboxProbe::works).map(SandboxProbe::backend).toList(),
        features,
        middleware,
        settings.scoping().enabled() ? settings.scoping().keys() : List.of(),
        Map.of(
            "database",
            database.dialect().name(),
            "scoping_enabled",
            settings.scoping().enabled(),
            "sandbox_backend",
            settings.tools().sandbox()));
  }

  /** Runs that were interrupted are marked failed by the next start-up's recovery. */
  private void awaitRuns() {
    try {
      if (!runExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("Some runs did not stop within 5 s; the next start marks them failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public int port() {
    return http.port();
  }

  /**
   * Completes when the server asks to be stopped: in agent mode, once every registered agent has
   * left. Whoever started the server then stops it as on SIGTERM ({@code cogent serve} exits 0).
   */
  public CompletionStage<Void> stopRequested() {
    return stopRequest.minimalCompletionStage();
  }

  public String url() {
    return http.url();
  }

  /** The port Prometheus scrapes {@code /metrics} on, or -1 while metrics are off. */
  public int metricsPort() {
    return metricsEndpoint.port();
  }

  /** The recent traces ({@code GET /api/v1/activity/spans} shows them). */
  public SpanBuffer spans() {
    return telemetry.spans();
  }

  /** Stops accepting requests, lets in-flight ones finish, then closes storage. */
  @Override
  public void close() {
    readiness.markNotReady();
    try {
      http.close();
    } finally {
      mcpEndpoint.close();
      scheduler.shutdownNow();
      runExecutor.shutdownNow();
      awaitRuns();
      // MCP sessions are closed after the runs that might still call their tools.
      mcpTools.close();
      chatModels.close();
      metricsEndpoint.close();
      telemetry.close();
      memoryIndex.close();
      events.flush(EVENT_FLUSH);
      database.close();
      log.info("Cogent stopped");
    }
  }
}
