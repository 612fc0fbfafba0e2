package dev.cogent.observability;

import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The circuit breakers of this process, one per model provider and per MCP server, created on first
 * use, all following one {@link BreakerPolicy} (the {@code observability.breaker_*} settings, which
 * {@link #apply} switches at runtime). Thread-safe.
 */
public final class CircuitBreakers {

  static final String PROVIDER = "provider";
  static final String MCP_SERVER = "mcp_server";

  private final InstantSource clock;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private volatile BreakerPolicy policy;

  public CircuitBreakers(InstantSource clock, BreakerPolicy policy) {
    this.clock = clock;
    this.policy = policy;
  }

  /** Makes every breaker, existing and future, follow {@code next}. */
  public void apply(BreakerPolicy next) {
    policy = next;
    breakers.values().forEach(breaker -> breaker.apply(next));
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
        kind + "\n" + key, k -> new CircuitBreaker(name, kind, policy, clock));
  }
}
