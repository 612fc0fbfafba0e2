package dev.cogent.observability;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The circuit breakers of this process, one per model provider and per MCP server, created on first
 * use with the same threshold and cool-down. Thread-safe.
 */
public final class CircuitBreakers {

  static final String PROVIDER = "provider";
  static final String MCP_SERVER = "mcp_server";

  private final InstantSource clock;
  private final int failureThreshold;
  private final Duration coolDown;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

  /**
   * @param failureThreshold consecutive failures that open a breaker
   * @param coolDown how long an open breaker refuses calls before a trial
   */
  public CircuitBreakers(InstantSource clock, int failureThreshold, Duration coolDown) {
    this.clock = clock;
    this.failureThreshold = failureThreshold;
    this.coolDown = coolDown;
  }

  /** The breaker of a model provider (its config id, or its type when it has no config). */
  public CircuitBreaker provider(String name) {
    return breaker(PROVIDER, name, name);
  }

  /**
   * The breaker of an MCP server row.
   *
   * @param key what tells rows of the same name in different scopes apart
   */
  public CircuitBreaker mcpServer(String name, String key) {
    return breaker(MCP_SERVER, name, key);
  }

  /** Every breaker used so far, by kind and name. */
  public List<BreakerState> states() {
    return breakers.values().stream()
        .map(CircuitBreaker::state)
        .sorted(Comparator.comparing(BreakerState::kind).thenComparing(BreakerState::name))
        .toList();
  }

  private CircuitBreaker breaker(String kind, String name, String key) {
    return breakers.computeIfAbsent(
        kind + "\n" + key, k -> new CircuitBreaker(name, kind, failureThreshold, coolDown, clock));
  }
}
