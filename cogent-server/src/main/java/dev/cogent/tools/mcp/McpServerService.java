package dev.cogent.tools.mcp;

import dev.cogent.ApiException;
import dev.cogent.ApiException.FieldError;
import dev.cogent.registry.Registry;
import dev.cogent.registry.RegistryEntry;
import dev.cogent.scope.Scope;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MCP servers (spec 001, "MCP Servers") on top of the scoped {@link Registry}: remote servers over
 * {@code sse} or {@code streamable_http}; stdio is refused. Rows are chosen as for agents and
 * skills (docs/registry.md); file rows answer 409. Responses carry the connection {@code status}
 * from {@link McpTools}; every write starts a background connection attempt.
 *
 * <p>Thread-safe.
 */
public final class McpServerService {

  static final int MAX_NAME = 100;
  static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");
  private static final int MAX_URL = 2048;

  private final Registry<McpServerSpec> registry;
  private final McpTools tools;

  public McpServerService(Registry<McpServerSpec> registry, McpTools tools) {
    this.registry = registry;
    this.tools = tools;
  }

  /** Every server visible in {@code caller}'s scope, enabled or not, one per name. */
  public List<McpServer> list(Scope caller) {
    return registry.list(caller).stream().map(this::view).toList();
  }

  /**
   * @throws ApiException 404 when no server of that name is visible
   */
  public McpServer get(String name, Scope caller) {
    return registry
        .find(name, caller)
        .map(this::view)
        .orElseThrow(() -> ApiException.notFound("mcp_server", name));
  }

  /**
   * Registers a server in the request's scope (default: the caller's).
   *
   * @throws ApiException 422 for an invalid request (stdio, a non-HTTP URL, a bad name), 409 when a
   *     server of that name already exists in exactly that scope
   */
  public McpServer create(McpServerRequests.Create request, Scope caller) {
    String name = request.name();
    List<FieldError> errors = problems(name, request.url(), request.headers());
    Scope target = caller;
    try {
      target = Registry.targetScope(request.scope(), caller);
    } catch (ApiException e) {
      errors.add(new FieldError("scope", "must be within the caller's scope " + caller.values()));
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    if (registry.findExact(name, target).isPresent()) {
      throw ApiException.conflict(
          "An MCP server named '" + name + "' already exists in scope " + target.values());
    }
    RegistryEntry<McpServerSpec> entry = registry.put(name, target, spec(request));
    tools.connectInBackground(entry);
    return view(entry);
  }

  /**
   * Changes the non-null fields of the server that {@code GET} shows (or of the row in exactly the
   * patch's {@code scope}).
   *
   * @throws ApiException 404 when it does not exist, 409 when it is file-managed, 422 when invalid
   */
  public McpServer update(String name, McpServerRequests.Patch patch, Scope caller) {
    RegistryEntry<McpServerSpec> current = target(name, patch.scope(), caller);
    List<FieldError> errors = new ArrayList<>();
    if (patch.url() != null) {
      urlProblem(patch.url()).ifPresent(problem -> errors.add(new FieldError("url", problem)));
    }
    headerProblem(patch.headers())
        .ifPresent(problem -> errors.add(new FieldError("headers", problem)));
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    McpServerSpec old = current.document();
    McpServerSpec spec =
        new McpServerSpec(
            patch.url() == null ? old.url() : patch.url(),
            patch.transport() == null ? old.transport() : patch.transport(),
            patch.enabled() == null ? old.enabled() : patch.enabled(),
            patch.headers() == null ? old.headers() : patch.headers());
    RegistryEntry<McpServerSpec> entry = registry.update(name, current.scope(), spec);
    tools.connectInBackground(entry);
    return view(entry);
  }

  /**
   * @throws ApiException 404 when it does not exist, 409 when it is file-managed
   */
  public void delete(String name, Scope caller) {
    registry.delete(name, target(name, null, caller).scope());
  }

  private RegistryEntry<McpServerSpec> target(
      String name, Map<String, String> requestedScope, Scope caller) {
    Optional<RegistryEntry<McpServerSpec>> entry =
        requestedScope == null
            ? registry.find(name, caller)
            : registry.findExact(name, Registry.targetScope(requestedScope, caller));
    return entry.orElseThrow(() -> ApiException.notFound("mcp_server", name));
  }

  /** The document a valid create request stores, with the defaults filled in. */
  static McpServerSpec spec(McpServerRequests.Create request) {
    return new McpServerSpec(
        request.url(),
        request.transport() == null ? McpTransport.SSE : request.transport(),
        request.enabled() == null || request.enabled(),
        request.headers());
  }

  /** What is wrong with a server's name, URL and headers, as for {@code POST}; empty if nothing. */
  static List<FieldError> problems(String name, String url, Map<String, String> headers) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      errors.add(new FieldError("name", "is required, 1 to " + MAX_NAME + " characters"));
    } else if (!NAME.matcher(name).matches()) {
      errors.add(
          new FieldError(
              "name", "must start with a letter or digit and use only letters, digits, . _ -"));
    }
    urlProblem(url).ifPresent(problem -> errors.add(new FieldError("url", problem)));
    headerProblem(headers).ifPresent(problem -> errors.add(new FieldError("headers", problem)));
    return errors;
  }

  private McpServer view(RegistryEntry<McpServerSpec> entry) {
    return McpServer.of(entry, tools.state(entry));
  }

  /** Why {@code url} cannot be an MCP server's address, if it cannot. */
  static Optional<String> urlProblem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("is required");
    }
    if (url.length() > MAX_URL) {
      return Optional.of("must be at most " + MAX_URL + " characters");
    }
    if (url.toLowerCase(Locale.ROOT).startsWith("stdio")) {
      return Optional.of("stdio servers are not supported; give an http or https URL");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return Optional.of("must be an http or https URL (stdio servers are not supported)");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return Optional.of("must name a host");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
  }

  private static Optional<String> headerProblem(Map<String, String> headers) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().isBlank() || !header.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        return Optional.of("'" + header.getKey() + "' is not a valid header name");
      }
      if (header.getValue() == null || header.getValue().indexOf('\n') >= 0) {
        return Optional.of("the value of '" + header.getKey() + "' must be a one-line string");
      }
    }
    return Optional.empty();
  }
}
