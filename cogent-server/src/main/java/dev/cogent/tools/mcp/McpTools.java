package dev.cogent.tools.mcp;

import dev.cogent.observability.CircuitBreaker;
import dev.cogent.observability.CircuitBreakers;
import dev.cogent.registry.Registry;
import dev.cogent.registry.RegistryChange;
import dev.cogent.registry.RegistryEntry;
import dev.cogent.registry.RegistryEvents;
import dev.cogent.registry.RegistryKind;
import dev.cogent.scope.Scope;
import dev.cogent.tools.Tool;
import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection per enabled MCP server row and hands out the servers' tools as {@link Tool}s
 * named {@code <server>_<tool>}: {@link #forScope} is what the runtime calls when it builds a run's
 * tool list.
 *
 * <p>A server is connected on first use (or in the background after an API write). A server that
 * cannot be reached is remembered as {@link McpStatus#FAILED} with its error, contributes no tools,
 * and is tried again once {@code retryInterval} has passed on the injected clock; it never fails a
 * run. Every server also has a {@link CircuitBreaker}: after repeated failed connections (or calls
 * on a broken connection) it opens, and no reconnection is tried until its cool-down has passed; a
 * changed row is always tried at once. A row that changed (its {@code updated_at} moved) is
 * reconnected; a deleted row's client is closed.
 *
 * <p>Thread-safe. Connecting blocks the calling thread for at most the connect and request
 * timeouts; different servers connect independently. {@link #close} closes every client.
 */
public final class McpTools implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(McpTools.class);

  private final Registry<McpServerSpec> registry;
  private final McpClients clients;
  private final InstantSource clock;
  private final Duration retryInterval;
  private final Executor background;
  private final CircuitBreakers breakers;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final RegistryEvents.Subscription subscription;

  /**
   * @param background runs connection attempts triggered by API writes and closes stale clients
   * @param breakers where each server's circuit breaker comes from
   */
  public McpTools(
      Registry<McpServerSpec> registry,
      RegistryEvents events,
      InstantSource clock,
      Duration connectTimeout,
      Duration requestTimeout,
      Duration retryInterval,
      Executor background,
      CircuitBreakers breakers) {
    this.registry = registry;
    this.clients = new McpClients(connectTimeout, requestTimeout);
    this.clock = clock;
    this.retryInterval = retryInterval;
    this.background = background;
    this.breakers = breakers;
    this.subscription = events.subscribe(this::onChange);
  }

  /**
   * The tools of every enabled MCP server visible in {@code scope}, connecting (or reconnecting,
   * when the retry interval has passed) as needed. Servers that are down are left out and reported
   * by {@link #state} and {@link #errors}. Tool names are unique in the result: a later duplicate
   * is dropped.
   */
  public List<Tool> forScope(Scope scope) {
    List<Tool> tools = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (RegistryEntry<McpServerSpec> entry : registry.list(scope)) {
      if (!entry.document().enabled()) {
        continue;
      }
      for (Tool tool : slot(entry).tools(entry)) {
        if (names.add(tool.name())) {
          tools.add(tool);
        }
      }
    }
    return List.copyOf(tools);
  }

  /** The last connection outcome of a row, without connecting. */
  public McpConnectionState state(RegistryEntry<McpServerSpec> entry) {
    if (!entry.document().enabled()) {
      return McpConnectionState.DISABLED;
    }
    Slot slot = slots.get(key(entry.name(), entry.scope()));
    return slot == null ? McpConnectionState.PENDING : slot.state(entry);
  }

  /** Connects to {@code entry} on the background executor, so its status is known soon. */
  public void connectInBackground(RegistryEntry<McpServerSpec> entry) {
    if (entry.document().enabled()) {
      background.execute(() -> slot(entry).tools(entry));
    }
  }

  /** The enabled servers visible in {@code scope} whose last connection attempt failed. */
  public List<McpConnectionError> errors(Scope scope) {
    List<McpConnectionError> errors = new ArrayList<>();
    for (RegistryEntry<McpServerSpec> entry : registry.list(scope)) {
      McpConnectionState state = state(entry);
      if (state.status() == McpStatus.FAILED) {
        errors.add(
            new McpConnectionError(
                entry.name(),
                entry.scope(),
                entry.document().url(),
                state.error(),
                state.attemptedAt()));
      }
    }
    errors.sort(Comparator.comparing(McpConnectionError::server));
    return List.copyOf(errors);
  }

  @Override
  public void close() {
    subscription.close();
    slots.values().forEach(Slot::close);
    slots.clear();
  }

  private Slot slot(RegistryEntry<McpServerSpec> entry) {
    String key = key(entry.name(), entry.scope());
    return slots.computeIfAbsent(
        key, k -> new Slot(entry.name(), breakers.mcpServer(entry.name(), k)));
  }

  private void onChange(RegistryChange change) {
    if (change.kind() != RegistryKind.MCP_SERVER) {
      return;
    }
    Slot removed = slots.remove(key(change.name(), change.scope()));
    if (removed != null) {
      // Listeners must not do I/O on the writer's thread.
      background.execute(removed::close);
    }
  }

  private static String key(String name, Scope scope) {
    return name + "\n" + scope.canonical();
  }

  /** The connection to one registry row, guarded by its own lock. */
  private final class Slot {
    private final String serverName;
    private final CircuitBreaker breaker;
    private final ReentrantLock lock = new ReentrantLock();
    private McpSyncClient client;
    private List<Tool> tools = List.of();
    // Written under the lock, read without it: a status read must not wait for a connection
    // attempt, which can take the whole connect and request timeouts.
    private volatile Instant version;
    private volatile McpConnectionState state = McpConnectionState.PENDING;
    private boolean retryNow;

    Slot(String serverName, CircuitBreaker breaker) {
      this.serverName = serverName;
      this.breaker = breaker;
    }

    McpConnectionState state(RegistryEntry<McpServerSpec> entry) {
      return entry.updatedAt().equals(version) ? state : McpConnectionState.PENDING;
    }

    List<Tool> tools(RegistryEntry<McpServerSpec> entry) {
      lock.lock();
      try {
        Instant now = clock.instant();
        boolean changed = !entry.updatedAt().equals(version);
        boolean retryDue =
            state.status() == McpStatus.FAILED
                && (retryNow || !now.isBefore(state.attemptedAt().plus(retryInterval)));
        if (changed || (retryDue && breaker.tryAcquire())) {
          connect(entry, now);
        }
        return tools;
      } finally {
        lock.unlock();
      }
    }

    private void connect(RegistryEntry<McpServerSpec> entry, Instant now) {
      closeClient();
      state = McpConnectionState.PENDING;
      version = entry.updatedAt();
      retryNow = false;
      McpSyncClient connected = null;
      try {
        connected = clients.connect(entry.document());
        McpSyncClient current = connected;
        List<Tool> listed = new ArrayList<>();
        String cursor = null;
        do {
          var page = cursor == null ? current.listTools() : current.listTools(cursor);
          page.tools()
              .forEach(
                  tool ->
                      listed.add(new McpTool(serverName, tool, current, e -> broken(current, e))));
          cursor = page.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        client = connected;
        tools = List.copyOf(listed);
        state = new McpConnectionState(McpStatus.CONNECTED, null, now);
        breaker.recordSuccess();
        log.info("MCP server {} connected with {} tools", serverName, tools.size());
      } catch (RuntimeException e) {
        if (connected != null) {
          connected.close();
        }
        tools = List.of();
        state = new McpConnectionState(McpStatus.FAILED, describe(e), now);
        breaker.recordFailure();
        log.warn("MCP server {} at {} is unavailable", serverName, entry.document().url(), e);
      }
    }

    /** A call failed on a live connection: reconnect on the next run, without waiting. */
    private void broken(McpSyncClient failed, RuntimeException e) {
      lock.lock();
      try {
        if (client != failed) {
          return; // already replaced by a newer connection
        }
        closeClient();
        tools = List.of();
        state = new McpConnectionState(McpStatus.FAILED, describe(e), clock.instant());
        breaker.recordFailure();
        retryNow = true;
      } finally {
        lock.unlock();
      }
    }

    private void closeClient() {
      if (client != null) {
        try {
          client.close();
        } catch (RuntimeException e) {
          log.debug("Closing the MCP client of {} failed", serverName, e);
        }
        client = null;
      }
    }

    void close() {
      lock.lock();
      try {
        closeClient();
      } finally {
        lock.unlock();
      }
    }
  }

  private static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    String outer = e == cause || e.getMessage() == null ? "" : e.getMessage() + " (";
    return outer + cause.getClass().getSimpleName() + message + (outer.isEmpty() ? "" : ")");
  }
}
