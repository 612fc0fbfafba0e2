package dev.cogent.http.routes;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.http.Readiness;
import dev.cogent.observability.BreakerState;
import dev.cogent.observability.CircuitBreakers;
import dev.cogent.session.SessionService;
import dev.cogent.store.Database;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/** {@code GET /health} and {@code GET /ready}. */
public final class HealthRoutes {

  private final String version;
  private final Database database;
  private final SessionService sessions;
  private final Readiness readiness;
  private final InstantSource clock;
  private final CircuitBreakers breakers;

  public HealthRoutes(
      String version,
      Database database,
      SessionService sessions,
      Readiness readiness,
      InstantSource clock,
      CircuitBreakers breakers) {
    this.version = version;
    this.database = database;
    this.sessions = sessions;
    this.readiness = readiness;
    this.clock = clock;
    this.breakers = breakers;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/health", this::health);
    routes.get("/ready", this::ready);
  }

  private void health(Context ctx) {
    boolean storeUp = database.isHealthy();
    ctx.status(storeUp ? 200 : 503);
    ctx.json(
        new Health(
            storeUp ? "healthy" : "degraded",
            version,
            storeUp ? sessions.countActive() : 0,
            breakers.states(),
            clock.instant()));
  }

  private void ready(Context ctx) {
    boolean ready = readiness.isReady();
    ctx.status(ready ? 200 : 503);
    ctx.json(Map.of("ready", ready));
  }

  /**
   * @param circuitBreakers every provider and MCP server breaker used since start-up, with its
   *     state; an open one does not make the server unhealthy (it still serves everything else)
   */
  record Health(
      @JsonProperty("status") String status,
      @JsonProperty("version") String version,
      @JsonProperty("active_sessions") int activeSessions,
      @JsonProperty("circuit_breakers") List<BreakerState> circuitBreakers,
      @JsonProperty("timestamp") Instant timestamp) {}
}
