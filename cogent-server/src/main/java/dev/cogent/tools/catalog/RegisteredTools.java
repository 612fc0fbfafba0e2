package dev.cogent.tools.catalog;

import dev.cogent.registry.Registry;
import dev.cogent.registry.RegistryChange;
import dev.cogent.registry.RegistryEntry;
import dev.cogent.registry.RegistryEvents;
import dev.cogent.registry.RegistryKind;
import dev.cogent.scope.Scope;
import dev.cogent.tools.Tool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's tools for a run: every enabled catalog row visible in the session's scope, as
 * {@link CatalogTool}s. Compiled rows (code tools with their stored schemas, plugin instances) are
 * cached per row and dropped by {@link RegistryEvents} when the row changes, so the next run sees a
 * change without a restart.
 *
 * <p>Thread-safe.
 */
public final class RegisteredTools implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RegisteredTools.class);

  private final Registry<ToolSpec> registry;
  private final CodeRunner runner;
  private final PluginClasses plugins;
  private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
  private final RegistryEvents.Subscription subscription;

  public RegisteredTools(
      Registry<ToolSpec> registry,
      RegistryEvents events,
      CodeRunner runner,
      PluginClasses plugins) {
    this.registry = registry;
    this.runner = runner;
    this.plugins = plugins;
    this.subscription = events.subscribe(this::onChange);
  }

  private record Compiled(Instant version, List<Tool> tools) {}

  /** The tools of every enabled catalog row visible in {@code scope}; names are unique. */
  public List<Tool> forScope(Scope scope) {
    List<Tool> tools = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (RegistryEntry<ToolSpec> entry : registry.list(scope)) {
      if (!entry.document().enabled()) {
        continue;
      }
      for (Tool tool : compile(entry)) {
        if (names.add(tool.name())) {
          tools.add(tool);
        }
      }
    }
    return List.copyOf(tools);
  }

  /** Drops every compiled row, for example after the plugin jars were reloaded. */
  void clear() {
    compiled.clear();
  }

  private List<Tool> compile(RegistryEntry<ToolSpec> entry) {
    String key = key(entry.name(), entry.scope());
    Compiled cached = compiled.get(key);
    if (cached != null && cached.version().equals(entry.updatedAt())) {
      return cached.tools();
    }
    List<Tool> tools = new ArrayList<>();
    ToolSpec spec = entry.document();
    if (spec.language().isCode()) {
      spec.functions().forEach(f -> tools.add(new CodeTool(entry.name(), spec, f, runner)));
    } else {
      try {
        tools.add(
            new PluginTool(entry.name(), spec.interruptOn(), plugins.instantiate(spec.path())));
      } catch (IllegalArgumentException e) {
        log.warn("Tool {} ({}) is unavailable: {}", entry.name(), spec.path(), e.getMessage());
      }
    }
    compiled.put(key, new Compiled(entry.updatedAt(), List.copyOf(tools)));
    return tools;
  }

  private void onChange(RegistryChange change) {
    if (change.kind() == RegistryKind.TOOL) {
      compiled.remove(key(change.name(), change.scope()));
    }
  }

  private static String key(String name, Scope scope) {
    return name + "\n" + scope.canonical();
  }

  @Override
  public void close() {
    subscription.close();
  }
}
