package dev.cogent.registry;

import dev.cogent.ApiException;
import dev.cogent.ApiException.FieldError;
import dev.cogent.Json;
import dev.cogent.scope.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agent definitions (spec 001, "Agents") on top of the scoped {@link Registry}.
 *
 * <p>Which row a request acts on: {@code POST} stores under the request's {@code scope} (within the
 * caller's) or else the caller's scope, creating or replacing exactly that row. {@code PUT}, {@code
 * PATCH} and {@code DELETE} act on the row {@code GET} would show (the most specific visible one,
 * hidden agents included), or on exactly the row of the body's {@code scope} when one is given.
 *
 * <p>Thread-safe.
 */
public final class AgentService {

  /** {@code system_prompt} is cut to this many characters in lists. */
  public static final int LIST_PROMPT_LIMIT = 500;

  static final int MAX_NAME = 100;
  static final int MAX_DESCRIPTION = 2_000;
  static final int MAX_SYSTEM_PROMPT = 200_000;
  static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

  private final Registry<AgentSpec> registry;
  private final FieldPatch patches;

  public AgentService(Registry<AgentSpec> registry, Json json) {
    this.registry = registry;
    this.patches = new FieldPatch(json);
  }

  /** The non-hidden agents visible in {@code caller}'s scope, prompts cut to 500 characters. */
  public List<Agent> list(Scope caller) {
    return registry.list(caller).stream()
        .filter(entry -> !entry.document().hidden())
        .map(Agent::of)
        .map(agent -> agent.withPromptCutTo(LIST_PROMPT_LIMIT))
        .toList();
  }

  /**
   * The agent as {@code GET /agents/{name}} shows it.
   *
   * @throws ApiException 404 when no agent of that name is visible, or it is hidden
   */
  public Agent get(String name, Scope caller) {
    return find(name, caller)
        .filter(agent -> !agent.hidden())
        .orElseThrow(() -> ApiException.notFound("agent", name));
  }

  /** The agent {@code name} resolves to in {@code caller}'s scope, hidden ones included. */
  public Optional<Agent> find(String name, Scope caller) {
    return registry.find(name, caller).map(Agent::of);
  }

  /**
   * Creates or replaces the API agent of the request's name in the target scope.
   *
   * @throws ApiException 422 for an invalid definition, 409 for a built-in name or a file-managed
   *     row
   */
  public Agent create(AgentRequests.Write request, Scope caller) {
    Scope target = validate(request, caller);
    if (BuiltInAgents.isBuiltIn(request.name())) {
      throw builtIn(request.name(), "replaced");
    }
    return Agent.of(registry.put(request.name(), target, spec(request)));
  }

  /**
   * Replaces the whole definition of an existing agent.
   *
   * @throws ApiException 404 when it does not exist, 409 when it is built in or file-managed, 422
   *     when the body is invalid or names another agent
   */
  public Agent replace(String name, AgentRequests.Write request, Scope caller) {
    AgentRequests.Write named = request.name() == null ? request.withName(name) : request;
    if (!name.equals(named.name())) {
      throw ApiException.invalid("name", "must equal the agent name of the path ('" + name + "')");
    }
    RegistryEntry<AgentSpec> current = target(name, named.scope(), caller);
    validate(named, caller);
    return Agent.of(registry.update(name, current.scope(), spec(named)));
  }

  /**
   * Changes the {@code given} fields of an existing agent.
   *
   * @param given the wire names of the fields present in the request body
   * @throws ApiException 404 when it does not exist, 409 when it is built in or file-managed, 422
   *     when the result is invalid
   */
  public Agent update(String name, AgentRequests.Patch patch, Set<String> given, Scope caller) {
    RegistryEntry<AgentSpec> current = target(name, patch.scope(), caller);
    AgentRequests.Write merged =
        patches.apply(write(current), patch, given, AgentRequests.Write.class);
    validate(merged, caller);
    return Agent.of(registry.update(name, current.scope(), spec(merged)));
  }

  /**
   * Deletes the agent {@code name} resolves to.
   *
   * @throws ApiException 404 when it does not exist, 400 when it is built in, 409 when it is
   *     file-managed
   */
  public void delete(String name, Scope caller) {
    RegistryEntry<AgentSpec> current = target(name, null, caller);
    if (current.document().nativeAgent()) {
      throw ApiException.badRequest("agent '" + name + "' is built in and cannot be deleted");
    }
    registry.delete(name, current.scope());
  }

  /**
   * Makes the file rows of agents equal to the built-ins plus {@code files}; see {@link
   * Registry#syncFiles}.
   */
  public SyncResult syncFiles(List<FileEntry<AgentSpec>> files) {
    List<FileEntry<AgentSpec>> all = new ArrayList<>(BuiltInAgents.entries());
    all.addAll(files);
    return registry.syncFiles(all);
  }

  /** Checks a definition read from a file; returns its document or the problems. */
  AgentSpec validateFile(AgentRequests.Write request) {
    validate(request, Scope.GLOBAL);
    if (BuiltInAgents.isBuiltIn(request.name())) {
      throw builtIn(request.name(), "replaced by a file");
    }
    return spec(request);
  }

  private RegistryEntry<AgentSpec> target(
      String name, Map<String, String> requestedScope, Scope caller) {
    Optional<RegistryEntry<AgentSpec>> entry =
        requestedScope == null
            ? registry.find(name, caller)
            : registry.findExact(name, Registry.targetScope(requestedScope, caller));
    return entry.orElseThrow(() -> ApiException.notFound("agent", name));
  }

  private static ApiException builtIn(String name, String what) {
    return ApiException.conflict("agent '" + name + "' is built in and cannot be " + what);
  }

  /** Collects every problem of the definition as one 422; returns the scope to store it under. */
  private static Scope validate(AgentRequests.Write request, Scope caller) {
    List<FieldError> errors = new ArrayList<>();
    String name = request.name();
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      errors.add(new FieldError("name", "is required, 1 to " + MAX_NAME + " characters"));
    } else if (!NAME.matcher(name).matches()) {
      errors.add(
          new FieldError(
              "name", "must start with a letter or digit and use only letters, digits, . _ -"));
    }
    if (request.mode() != null && AgentMode.fromWire(request.mode()).isEmpty()) {
      errors.add(new FieldError("mode", "must be one of primary, subagent, all"));
    }
    if (request.temperature() != null
        && (request.temperature() < 0.0 || request.temperature() > 2.0)) {
      errors.add(new FieldError("temperature", "must be between 0.0 and 2.0"));
    }
    if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
      errors.add(
          new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    if (request.systemPrompt() != null && request.systemPrompt().length() > MAX_SYSTEM_PROMPT) {
      errors.add(
          new FieldError("system_prompt", "must be at most " + MAX_SYSTEM_PROMPT + " characters"));
    }
    if (request.model() != null && request.model().isBlank()) {
      errors.add(new FieldError("model", "must not be blank; omit it to use the default"));
    }
    names("tools", request.tools(), errors);
    names("skills", request.skills(), errors);
    names("memory", request.memory(), errors);
    if (request.interruptOn() != null) {
      request
          .interruptOn()
          .forEach(
              (tool, value) -> {
                if (tool.isBlank() || value == null) {
                  errors.add(
                      new FieldError(
                          "interrupt_on." + tool, "must map a tool name to true or false"));
                }
              });
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
    return target;
  }

  private static void names(String field, List<String> values, List<FieldError> errors) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null || values.get(i).isBlank()) {
        errors.add(new FieldError(field + "." + i, "must be a non-empty name"));
      }
    }
  }

  private static AgentSpec spec(AgentRequests.Write request) {
    return new AgentSpec(
        request.systemPrompt(),
        request.description(),
        request.mode() == null ? AgentMode.ALL : AgentMode.fromWire(request.mode()).orElseThrow(),
        request.tools(),
        request.skills(),
        request.memory(),
        request.interruptOn(),
        request.model(),
        request.temperature(),
        Boolean.TRUE.equals(request.hidden()),
        false,
        request.responseFormat(),
        Boolean.TRUE.equals(request.a2aExposed()));
  }

  private static AgentRequests.Write write(RegistryEntry<AgentSpec> entry) {
    AgentSpec spec = entry.document();
    return new AgentRequests.Write(
        entry.name(),
        spec.systemPrompt(),
        spec.description(),
        spec.mode().wireName(),
        spec.tools(),
        spec.skills(),
        spec.memory(),
        spec.interruptOn(),
        spec.model(),
        spec.temperature(),
        spec.hidden(),
        spec.responseFormat(),
        spec.a2aExposed(),
        entry.scope().values());
  }
}
