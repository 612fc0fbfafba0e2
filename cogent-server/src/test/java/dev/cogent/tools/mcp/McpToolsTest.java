package dev.cogent.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cogent.Json;
import dev.cogent.observability.BreakerPolicy;
import dev.cogent.observability.BreakerState;
import dev.cogent.observability.CircuitBreakers;
import dev.cogent.registry.Registry;
import dev.cogent.registry.RegistryEvents;
import dev.cogent.registry.RegistryKind;
import dev.cogent.scope.Scope;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.McpTestServer;
import dev.cogent.testing.MutableClock;
import dev.cogent.tools.Cancellation;
import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link McpTools} against real MCP servers built with the SDK, over both transports. */
class McpToolsTest {

  private static final Scope ALICE = Scope.of(Map.of("user", "alice"));
  private static final Scope BOB = Scope.of(Map.of("user", "bob"));
  private static final Duration RETRY = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Database database;
  private Registry<McpServerSpec> registry;
  private McpTools tools;
  private McpTestServer server;
  // Opens sooner and stays open longer than the retry interval, so the two can be told apart.
  private final CircuitBreakers breakers =
      new CircuitBreakers(
          clock, new BreakerPolicy(2, Duration.ofMinutes(5), Duration.ofMinutes(5)));

  @BeforeEach
  void open() {
    database = Database.open(new StoreSettings(dir, null, null, null, 4));
    RegistryEvents events = new RegistryEvents();
    registry =
        new Registry<>(
            RegistryKind.MCP_SERVER, McpServerSpec.class, database, new Json(), events, clock);
    tools =
        new McpTools(
            registry,
            events,
            clock,
            Duration.ofSeconds(5),
            Duration.ofSeconds(20),
            RETRY,
            background,
            breakers);
  }

  @AfterEach
  void close() {
    tools.close();
    background.shutdownNow();
    if (server != null) {
      server.close();
    }
    database.close();
  }

  private static McpServerSpec spec(String url, McpTransport transport) {
    return new McpServerSpec(url, transport, true, Map.of("Authorization", "Bearer secret"));
  }

  private static ToolContext context() {
    return new ToolContext(
        "s1",
        "r1",
        "call-1",
        Scope.GLOBAL,
        Path.of("/tmp"),
        new Cancellation() {
          @Override
          public boolean isCancelled() {
            return false;
          }

          @Override
          public Registration onCancel(Runnable action) {
            return () -> {};
          }
        });
  }

  @ParameterizedTest
  @EnumSource(McpTestServer.Transport.class)
  void lists_the_servers_tools_as_prefixed_tools_and_calls_them(McpTestServer.Transport kind) {
    server = McpTestServer.start(kind);
    McpTransport transport =
        kind == McpTestServer.Transport.SSE ? McpTransport.SSE : McpTransport.STREAMABLE_HTTP;
    registry.put("remote", Scope.GLOBAL, spec(server.url(), transport));

    List<Tool> listed = tools.forScope(Scope.GLOBAL);

    assertThat(listed).extracting(Tool::name).containsExactly("remote_echo", "remote_fail");
    Tool echo = listed.get(0);
    assertThat(echo.description()).isEqualTo("Echoes the text back");
    assertThat(echo.parametersSchema())
        .containsEntry("type", "object")
        .containsEntry("required", List.of("text"));
    ToolResult result = echo.execute(Map.of("text", "hi there"), context());
    assertThat(result).isEqualTo(ToolResult.ok("echo: hi there"));
    assertThat(listed.get(1).execute(Map.of(), context())).isEqualTo(ToolResult.failed("it broke"));
    assertThat(server.calls()).isEqualTo(2);
    assertThat(tools.state(registry.find("remote", Scope.GLOBAL).orElseThrow()).status())
        .isEqualTo(McpStatus.CONNECTED);
  }

  @Test
  void a_server_that_is_down_is_reported_and_retried_after_the_interval() {
    server = McpTestServer.start(McpTestServer.Transport.STREAMABLE_HTTP);
    String url = server.url();
    server.close();
    server = null;
    registry.put("down", Scope.GLOBAL, spec(url, McpTransport.STREAMABLE_HTTP));

    assertThat(tools.forScope(Scope.GLOBAL)).isEmpty();

    var entry = registry.find("down", Scope.GLOBAL).orElseThrow();
    McpConnectionState state = tools.state(entry);
    assertThat(state.status()).isEqualTo(McpStatus.FAILED);
    assertThat(state.error()).isNotBlank();
    assertThat(state.attemptedAt()).isEqualTo(clock.instant());
    assertThat(tools.errors(Scope.GLOBAL))
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.server()).isEqualTo("down");
              assertThat(error.url()).isEqualTo(url);
            });

    var firstAttempt = clock.instant();
    clock.advance(RETRY.minusSeconds(1));
    tools.forScope(Scope.GLOBAL);
    assertThat(tools.state(entry).attemptedAt()).isEqualTo(firstAttempt);
    clock.advance(Duration.ofSeconds(1));
    tools.forScope(Scope.GLOBAL);
    assertThat(tools.state(entry).attemptedAt()).isEqualTo(clock.instant());
  }

  @Test
  void a_server_that_keeps_failing_opens_its_breaker_and_waits_for_the_cool_down() {
    server = McpTestServer.start(McpTestServer.Transport.STREAMABLE_HTTP);
    String url = server.url();
    server.close();
    server = null;
    registry.put("down", Scope.GLOBAL, spec(url, McpTransport.STREAMABLE_HTTP));
    var entry = registry.find("down", Scope.GLOBAL).orElseThrow();
    tools.forScope(Scope.GLOBAL);
    clock.advance(RETRY);
    tools.forScope(Scope.GLOBAL);

    assertThat(breakers.states())
        .singleElement()
        .extracting(BreakerState::kind, BreakerState::name, BreakerState::state)
        .containsExactly("mcp_server", "down", "open");
    var opened = clock.instant();
    clock.advance(RETRY);
    tools.forScope(Scope.GLOBAL);
    assertThat(tools.state(entry).attemptedAt()).isEqualTo(opened);

    clock.advance(Duration.ofMinutes(5));
    tools.forScope(Scope.GLOBAL);
    assertThat(tools.state(entry).attemptedAt()).isEqualTo(clock.instant());
    assertThat(breakers.states()).singleElement().extracting(BreakerState::state).isEqualTo("open");
  }

  @Test
  void only_enabled_servers_visible_in_the_scope_contribute_tools() {
    server = McpTestServer.start(McpTestServer.Transport.STREAMABLE_HTTP);
    registry.put("mine", ALICE, spec(server.url(), McpTransport.STREAMABLE_HTTP));
    registry.put(
        "off",
        Scope.GLOBAL,
        new McpServerSpec(server.url(), McpTransport.STREAMABLE_HTTP, false, null));

    assertThat(tools.forScope(ALICE))
        .extracting(Tool::name)
        .containsExactly("mine_echo", "mine_fail");
    assertThat(tools.forScope(BOB)).isEmpty();
    assertThat(tools.state(registry.find("off", Scope.GLOBAL).orElseThrow()).status())
        .isEqualTo(McpStatus.DISABLED);
  }

  @Test
  void connects_in_the_background_after_a_write_and_drops_deleted_servers() {
    server = McpTestServer.start(McpTestServer.Transport.STREAMABLE_HTTP);
    var entry =
        registry.put("remote", Scope.GLOBAL, spec(server.url(), McpTransport.STREAMABLE_HTTP));
    assertThat(tools.state(entry).status()).isEqualTo(McpStatus.PENDING);

    tools.connectInBackground(entry);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> tools.state(entry).status() == McpStatus.CONNECTED);
    registry.delete("remote", Scope.GLOBAL);
    assertThat(tools.forScope(Scope.GLOBAL)).isEmpty();
  }

  @Test
  void tool_names_replace_characters_model_apis_refuse() {
    assertThat(McpTool.qualifiedName("git.hub", "search issues"))
        .isEqualTo("git_hub_search_issues");
  }
}
