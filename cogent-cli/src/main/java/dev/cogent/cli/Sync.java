package dev.cogent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.cli.ProjectFiles.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What differs between the registry on disk and on the server, entry by entry. */
final class Sync {

  /**
   * One differing entry: only local ({@code +}), only remote ({@code -}) or changed ({@code ~}).
   */
  record Change(Kind kind, String name, char mark, JsonNode local, JsonNode remote) {
    String describe() {
      return mark + " " + kind.label() + " " + name;
    }
  }

  private Sync() {}

  static List<Change> compare(
      Map<Kind, Map<String, JsonNode>> local, Map<Kind, Map<String, JsonNode>> remote) {
    List<Change> changes = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      Map<String, JsonNode> mine = local.getOrDefault(kind, Map.of());
      Map<String, JsonNode> theirs = remote.getOrDefault(kind, Map.of());
      TreeSet<String> names = new TreeSet<>(mine.keySet());
      names.addAll(theirs.keySet());
      for (String name : names) {
        JsonNode a = mine.get(name);
        JsonNode b = theirs.get(name);
        if (b == null) {
          changes.add(new Change(kind, name, '+', a, null));
        } else if (a == null) {
          changes.add(new Change(kind, name, '-', null, b));
        } else if (!sets(a, b)) {
          changes.add(new Change(kind, name, '~', a, b));
        }
      }
    }
    return changes;
  }

  /**
   * Whether the server's document has every field the file sets, with the same value. Fields the
   * file leaves out are the server's defaults, not a difference.
   */
  private static boolean sets(JsonNode local, JsonNode remote) {
    var fields = local.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (!field.getValue().equals(remote.get(field.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The fields of a changed entry that differ, as {@code field: remote -> local} lines. */
  static List<String> fieldDiff(Change change) {
    List<String> lines = new ArrayList<>();
    TreeSet<String> fields = new TreeSet<>();
    change.local().fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      JsonNode a = change.local().get(field);
      JsonNode b = change.remote().get(field);
      if (a == null ? b != null : !a.equals(b)) {
        lines.add("    " + field + ": " + shown(b) + " -> " + shown(a));
      }
    }
    return lines;
  }

  private static String shown(JsonNode node) {
    if (node == null) {
      return "(unset)";
    }
    String text = node.isTextual() ? node.asText() : node.toString();
    text = text.replace("\n", "\\n");
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
