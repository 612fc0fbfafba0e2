package dev.cogent.registry;

import dev.cogent.scope.Scope;

/**
 * A registry row read from a file (or built in), as handed to {@link Registry#syncFiles}.
 *
 * @param origin the file it was read from, shown in 409 messages and skill paths
 */
public record FileEntry<T>(String name, Scope scope, String origin, T document) {

  public FileEntry {
    if (name == null || scope == null || origin == null || document == null) {
      throw new IllegalArgumentException("every field of a file entry is required");
    }
  }

  public static <T> FileEntry<T> global(String name, String origin, T document) {
    return new FileEntry<>(name, Scope.GLOBAL, origin, document);
  }
}
