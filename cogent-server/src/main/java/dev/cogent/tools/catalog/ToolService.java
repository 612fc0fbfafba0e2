package dev.cogent.tools.catalog;

import dev.cogent.ApiException;
import dev.cogent.ApiException.FieldError;
import dev.cogent.registry.Registry;
import dev.cogent.registry.RegistryEntry;
import dev.cogent.registry.SeedProblem;
import dev.cogent.registry.SyncResult;
import dev.cogent.scope.Scope;
import dev.cogent.tools.Tool;
import dev.cogent.tools.mcp.McpConnectionError;
import dev.cogent.tools.mcp.McpServerSeeder;
import dev.cogent.tools.mcp.McpTools;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tools (spec 001, "Tools"): the built-in tools, the files of {@code .cogent/tools/} and the tools
 * registered through the API ({@code code} or {@code path}) on the scoped {@link Registry}. Rows
 * are chosen as for agents and skills (docs/registry.md); file rows answer 409, built-in names
 * cannot be taken or deleted (409).
 *
 * <p>Code is never run in the server: registering it loads it once in the sandbox to read its
 * tools' schemas, and a code that does not load is a 422 with the reason.
 *
 * <p>Thread-safe; {@link #reload} is serialized.
 */
public final class ToolService {

  private static final Logger log = LoggerFactory.getLogger(ToolService.class);

  static final int MAX_NAME = 100;
  static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

  /** The largest {@code code} accepted. */
  static final int MAX_CODE = 1024 * 1024;

  private final Registry<ToolSpec> registry;
  private final Map<String, Tool> builtins = new LinkedHashMap<>();
  private final CodeRunner runner;
  private final PluginClasses plugins;
  private final ToolFiles files;
  private final RegisteredTools registered;
  private final McpTools mcp;
  private final McpServerSeeder mcpFiles;
  private volatile List<ToolLoadError> fileErrors = List.of();

  /**
   * @param builtins the tools the server ships; listed first, their names are reserved
   * @param projectDir the project whose {@code .cogent/tools/} files are discovered
   */
  public ToolService(
      Registry<ToolSpec> registry,
      List<Tool> builtins,
      CodeRunner runner,
      PluginClasses plugins,
      RegisteredTools registered,
      McpTools mcp,
      McpServerSeeder mcpFiles,
      java.nio.file.Path projectDir,
      java.time.InstantSource clock) {
    this.registry = registry;
    builtins.forEach(tool -> this.builtins.putIfAbsent(tool.name(), tool));
    this.runner = runner;
    this.plugins = plugins;
    this.files = new ToolFiles(projectDir, runner, clock);
    this.registered = registered;
    this.mcp = mcp;
    this.mcpFiles = mcpFiles;
  }

  /** The built-in tools, then every catalog row visible in {@code caller}'s scope by name. */
  public List<ToolView> list(Scope caller) {
    List<ToolView> views = new ArrayList<>();
    builtins.values().forEach(tool -> views.add(ToolView.builtin(tool)));
    registry.list(caller).forEach(entry -> views.add(ToolView.of(entry, false)));
    return views;
  }

  /**
   * A built-in tool of that name, else the most specific catalog row visible to the caller.
   *
   * @throws ApiException 404 when neither exists
   */
  public ToolView get(String name, Scope caller) {
    Tool builtin = builtins.get(name);
    if (builtin != null) {
      return ToolView.builtin(builtin);
    }
    return registry
        .find(name, caller)
        .map(entry -> ToolView.of(entry, true))
        .orElseThrow(() -> ApiException.notFound("tool", name));
  }

  /**
   * Registers (or replaces) the API tool of the request's name in the target scope.
   *
   * @throws ApiException 422 for an invalid request or code that does not load, 409 for a built-in
   *     name or a file-managed row in that scope
   */
  public ToolView create(ToolRequests.Create request, Scope caller) {
    List<FieldError> errors = new ArrayList<>();
    String name = request.name();
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      errors.add(new FieldError("name", "is required, 1 to " + MAX_NAME + " characters"));
    } else if (!NAME.matcher(name).matches()) {
      errors.add(
          new FieldError(
              "name", "must start with a letter or digit and use only letters, digits, . _ -"));
    }
    boolean hasCode = request.code() != null;
    if (hasCode == (request.path() != null)) {
      errors.add(new FieldError("code", "give exactly one of code or path"));
    }
    if (hasCode && (request.code().isBlank() || request.code().length() > MAX_CODE)) {
      errors.add(new FieldError("code", "must be non-blank source of at most " + MAX_CODE));
    }
    if (request.path() != null && request.path().isBlank()) {
      errors.add(new FieldError("path", "must name a Java class"));
    }
    ToolLanguage language = hasCode ? ToolLanguage.PYTHON : ToolLanguage.JAVA;
    if (request.language() != null) {
      Optional<ToolLanguage> named =
          ToolLanguage.find(request.language()).filter(l -> l.isCode() == hasCode);
      if (named.isEmpty()) {
        errors.add(
            new FieldError(
                "language",
                hasCode
                    ? "must be python or javascript for code"
                    : "must be java (or absent) for path"));
      } else {
        language = named.get();
      }
    }
    Scope target = caller;
    try {
      target = Registry.targetScope(request.scope(), caller);
    } catch (ApiException e) {
      errors.add(new FieldError("scope", "must be within the caller's scope " + caller.values()));
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    if (builtins.containsKey(name)) {
      throw ApiException.conflict("'" + name + "' is a built-in tool and cannot be replaced");
    }
    List<ToolFunction> functions = hasCode ? describe(language, request.code()) : plugin(request);
    ToolSpec spec =
        new ToolSpec(
            language,
            request.code(),
            hasCode ? null : request.path(),
            request.description(),
            request.enabled() == null || request.enabled(),
            Boolean.TRUE.equals(request.interruptOn()),
            functions);
    return ToolView.of(registry.put(name, target, spec), true);
  }

  /**
   * Deletes the API tool that {@code GET} shows.
   *
   * @throws ApiException 404 when it does not exist, 409 for a built-in or file-managed tool
   */
  public void delete(String name, Scope caller) {
    if (builtins.containsKey(name)) {
      throw ApiException.conflict("'" + name + "' is a built-in tool and cannot be deleted");
    }
    RegistryEntry<ToolSpec> entry =
        registry.find(name, caller).orElseThrow(() -> ApiException.notFound("tool", name));
    registry.delete(name, entry.scope());
  }

  /**
   * Discovers the tool files and plugin jars of the project again: new and changed files become
   * file rows, rows of deleted files go, API rows of the same name win. Called at start-up and by
   * {@code POST /tools/reload}.
   */
  public synchronized ReloadResult reload() {
    plugins.reload();
    registered.clear();
    ToolFiles.Loaded loaded = files.read();
    SyncResult result = registry.syncFiles(loaded.entries());
    fileErrors = loaded.errors();
    for (ToolLoadError error : loaded.errors()) {
      log.warn("Skipped tool file {}: {}: {}", error.file(), error.errorType(), error.error());
    }
    if (!result.shadowed().isEmpty()) {
      log.info("API-created tools win over their files: {}", result.shadowed());
    }
    log.info(
        "Tools from files: {} loaded ({} new, {} changed, {} removed), {} broken",
        loaded.entries().size(),
        result.created(),
        result.updated(),
        result.removed(),
        loaded.errors().size());
    return new ReloadResult(loaded.entries().size(), loaded.errors().size());
  }

  /**
   * The tool files that failed to load, the broken MCP server entries of the project's files, then
   * the MCP servers visible to the caller that are down.
   */
  public List<ToolLoadError> errors(Scope caller) {
    List<ToolLoadError> errors = new ArrayList<>(fileErrors);
    McpServerSeeder.Seeded seeded = mcpFiles.last();
    for (SeedProblem broken : seeded.problems()) {
      errors.add(
          new ToolLoadError(
              broken.path(),
              "InvalidMcpServer",
              broken.reason(),
              seeded.at().toEpochMilli() / 1000.0));
    }
    for (McpConnectionError down : mcp.errors(caller)) {
      errors.add(
          new ToolLoadError(
              "mcp-servers/" + down.server(),
              "McpConnectionError",
              down.error() == null ? "unavailable" : down.error(),
              down.attemptedAt().toEpochMilli() / 1000.0));
    }
    return errors;
  }

  private List<ToolFunction> describe(ToolLanguage language, String code) {
    CodeRunner.Described described = runner.describe(language, code);
    if (!described.isLoaded()) {
      throw ApiException.invalid(
          "code", "does not load: " + described.errorType() + ": " + described.error());
    }
    if (described.functions().isEmpty()) {
      throw ApiException.invalid("code", noToolReason(language));
    }
    String invalid = invalidFunctionNames(described.functions());
    if (invalid != null) {
      throw ApiException.invalid("code", invalid);
    }
    return described.functions();
  }

  private List<ToolFunction> plugin(ToolRequests.Create request) {
    Tool tool;
    try {
      tool = plugins.instantiate(request.path());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("path", e.getMessage());
    }
    if (!ToolFunction.NAME.matcher(tool.name()).matches()) {
      throw ApiException.invalid("path", "the tool's name() must match " + ToolFunction.NAME);
    }
    return List.of(new ToolFunction(tool.name(), tool.description(), tool.parametersSchema()));
  }

  static String noToolReason(ToolLanguage language) {
    return language == ToolLanguage.PYTHON
        ? "defines no tool: decorate a function with @tool (from langchain_core.tools import tool)"
        : "exports no tool: module.exports = {name, description, parameters, run}";
  }

  /** Why some of {@code functions} cannot be tool names, or null when all can. */
  static String invalidFunctionNames(List<ToolFunction> functions) {
    String bad =
        functions.stream()
            .map(ToolFunction::name)
            .filter(name -> !ToolFunction.NAME.matcher(name).matches())
            .collect(Collectors.joining(", "));
    return bad.isEmpty() ? null : "tool names must be 1 to 64 letters, digits, _ or -: " + bad;
  }
}
