package dev.cogent.registry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The files the last seeding of each kind could not load, for an operator endpoint such as {@code
 * GET /tools/errors}. Each seeding of a kind replaces that kind's problems.
 *
 * <p>Thread-safe.
 */
public final class SeedProblems {

  private final Map<RegistryKind, List<SeedProblem>> byKind = new EnumMap<>(RegistryKind.class);

  public synchronized void replace(RegistryKind kind, List<SeedProblem> problems) {
    byKind.put(kind, List.copyOf(problems));
  }

  /** Every current problem, kind by kind. */
  public synchronized List<SeedProblem> list() {
    List<SeedProblem> all = new ArrayList<>();
    byKind.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  public synchronized List<SeedProblem> list(RegistryKind kind) {
    return byKind.getOrDefault(kind, List.of());
  }
}
