package dev.cogent.memory.search;

import dev.cogent.identity.Principal;
import java.util.List;

/** Opens the datasets one search reads, after checking the caller's {@code read} permission. */
@FunctionalInterface
interface MemorySource {

  /**
   * The datasets named by {@code ids} (when any), else by {@code names} among the caller's own,
   * else every dataset the caller may read.
   *
   * @throws dev.cogent.ApiException 403 for a dataset the caller may not read, 404 for an unknown
   *     one
   */
  List<DatasetMemory> open(Principal caller, List<String> names, List<String> ids);
}
