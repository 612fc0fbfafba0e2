package dev.cogent.http;

import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.observability.Metrics;
import dev.cogent.observability.RequestTracer;
import dev.cogent.scope.ScopeResolver;
import dev.cogent.settings.RateLimitSettings;
import dev.cogent.settings.ServerSettings;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.util.ConcurrencyUtil;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on Jetty, with the request-id, authentication, scope and rate-limit
 * filters, the one exception mapping, request logging, a span and metrics per request, and the
 * routes handed in by the composition root.
 */
public final class HttpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  private static final Logger accessLog = LoggerFactory.getLogger("dev.cogent.http.access");

  /** Jetty's default accept queue (50) drops connections under a burst of clients. */
  private static final int ACCEPT_QUEUE_SIZE = 1024;

  /**
   * Request threads without virtual threads (JDK 17). A run's SSE stream holds no thread ({@link
   * SseWriter}), but an A2A stream and an MCP session's stream still hold theirs while they follow
   * a run, so the pool may grow well beyond Jetty's default of 250 rather than make streams past
   * that wait for others to end before their first byte.
   */
  private static final int PLATFORM_MAX_THREADS = 2048;

  private final ServerSettings settings;
  private final Javalin app;

  /**
   * @param tracer the span of each request
   * @param metrics counts and times requests
   * @param routes each registers its own routes, e.g. {@code sessionRoutes::addTo}
   */
  public HttpServer(
      ServerSettings settings,
      Json json,
      Authentication authentication,
      ScopeResolver scopes,
      Supplier<RateLimitSettings> rateLimits,
      InstantSource clock,
      RequestTracer tracer,
      Metrics metrics,
      List<Consumer<JavalinDefaultRoutingApi>> routes) {
    this.settings = settings;
    Filters filters = new Filters(authentication, scopes, new RateLimiter(rateLimits, clock));
    RequestObservation observation = new RequestObservation(tracer, metrics);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              boolean virtualThreads = Runtime.version().feature() >= 21;
              config.concurrency.useVirtualThreads = virtualThreads;
              if (!virtualThreads) {
                config.jetty.threadPool =
                    ConcurrencyUtil.jettyThreadPool(
                        "JettyServerThreadPool", 8, PLATFORM_MAX_THREADS, false);
              }
              config.http.maxRequestSize = settings.maxBodyBytes();
              config.http.prefer405over404 = true;
              config.router.ignoreTrailingSlashes = true;
              config.jsonMapper(new JacksonJsonMapper(json));
              config.staticFiles.enableWebjars();
              // In-flight requests get the grace period to finish when the server stops.
              config.jetty.modifyServer(
                  server -> server.setStopTimeout(settings.shutdownGrace().toMillis()));
              config.jetty.addConnector(
                  (server, httpConfig) -> {
                    httpConfig.setSendServerVersion(false);
                    ServerConnector connector =
                        new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                    connector.setHost(settings.host());
                    connector.setPort(settings.port());
                    connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
                    return connector;
                  });
              // The path only: a query string may carry an api_key, which must never be logged.
              config.requestLogger.http(
                  (ctx, millis) ->
                      accessLog.info(
                          "{} {} {} {}ms",
                          ctx.method(),
                          ctx.path(),
                          ctx.statusCode(),
                          Math.round(millis)));
              var api = config.routes;
              api.before(observation::start);
              api.before(RequestIds::assign);
              api.beforeMatched(filters::beforeMatched);
              api.after(ctx -> RequestIds.leave());
              api.after(observation::end);
              api.exception(ApiException.class, ExceptionMapping::apiException);
              api.exception(HttpResponseException.class, ExceptionMapping::javalinResponse);
              api.exception(Exception.class, ExceptionMapping::unexpected);
              routes.forEach(route -> route.accept(api));
            });
  }

  /** Starts listening; with port 0 the operating system picks a free port. */
  public void start() {
    app.start();
    log.info("Listening on {}", url());
  }

  public int port() {
    return app.port();
  }

  /** The base URL clients reach the server on. */
  public String url() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + host + ":" + port();
  }

  /** The path of the Swagger UI assets served from the webjar. */
  public static String swaggerUiPath() {
    return "/webjars/swagger-ui/" + OpenApiDocument.swaggerUiVersion();
  }

  @Override
  public void close() {
    app.stop();
  }
}
