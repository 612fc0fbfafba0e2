package dev.cogent.artifacts;

import dev.cogent.scope.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which owner scopes a caller sees: every scope that {@link Scope#isWithin} the caller's, from the
 * global scope up to the caller's own. When one id exists under several of them, the most specific
 * owner (most scope keys; then the smaller canonical form, so the choice is stable) wins, as in the
 * config registry.
 */
final class Owners {

  /** Most specific first. */
  static final Comparator<Artifact> MOST_SPECIFIC_FIRST =
      Comparator.<Artifact>comparingInt(artifact -> -artifact.scope().size())
          .thenComparing(artifact -> Scope.of(artifact.scope()).canonical());

  private Owners() {}

  /**
   * The canonical forms of every scope within {@code caller}: all subsets of its key/value pairs
   * ({@code 2^k} for {@code k} scope keys, which deployments keep to a handful).
   */
  static List<String> visibleTo(Scope caller) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>(caller.values().entrySet());
    List<String> owners = new ArrayList<>();
    for (int mask = 0; mask < 1 << pairs.size(); mask++) {
      Map<String, String> subset = new LinkedHashMap<>();
      for (int bit = 0; bit < pairs.size(); bit++) {
        if ((mask & 1 << bit) != 0) {
          subset.put(pairs.get(bit).getKey(), pairs.get(bit).getValue());
        }
      }
      owners.add(Scope.of(subset).canonical());
    }
    return owners;
  }
}
