package dev.cogent.registry;

/**
 * A file under the project's {@code .cogent/} folder that could not be loaded into the registry.
 *
 * @param path the file
 * @param reason why it was skipped, fit for an operator
 */
public record SeedProblem(RegistryKind kind, String path, String reason) {

  public SeedProblem {
    if (kind == null || path == null || reason == null) {
      throw new IllegalArgumentException("every field of a seed problem is required");
    }
  }
}
