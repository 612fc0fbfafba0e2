package dev.cogent.registry;

import java.util.List;

/**
 * What a file sync changed.
 *
 * @param shadowed names whose file row was skipped because an API row of the same name and scope
 *     exists (API rows win across restarts)
 */
public record SyncResult(int created, int updated, int removed, List<String> shadowed) {

  public SyncResult {
    shadowed = List.copyOf(shadowed);
  }
}
