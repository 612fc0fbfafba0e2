package dev.cogent.memory;

import dev.cogent.identity.Permission;
import dev.cogent.identity.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory part of {@code /api/v1/activity} (research §1.9): recent pipeline runs over the
 * datasets the caller may read, and a dataset's graph as a Markdown document. Thread-safe.
 */
public final class MemoryActivity {

  public static final int RECENT_RUNS = 50;

  private final MemoryStorage storage;
  private final DatasetResolver resolver;

  public MemoryActivity(MemoryStorage storage, DatasetResolver resolver) {
    this.storage = storage;
    this.resolver = resolver;
  }

  /**
   * The last {@value #RECENT_RUNS} runs, newest first: over one dataset (404/403 as usual) or over
   * every dataset the caller may read (none: an empty list).
   */
  public List<PipelineRun> recentRuns(Principal caller, String datasetId) {
    List<String> ids =
        datasetId == null || datasetId.isBlank()
            ? resolver.accessible(caller, Permission.READ).stream().map(Dataset::id).toList()
            : List.of(resolver.get(caller, datasetId.strip(), Permission.READ).id());
    return storage.runs().listRecent(ids, RECENT_RUNS);
  }

  /** A dataset's memory as Markdown, with the file name the anchor gives it. */
  public record Export(String fileName, String markdown) {}

  public Export export(Principal caller, String datasetId) {
    Dataset dataset = resolver.get(caller, datasetId, Permission.READ);
    List<String> ids = List.of(dataset.id());
    StringBuilder md = new StringBuilder();
    md.append("# ").append(dataset.name()).append(" — memory export\n\n");
    md.append("## Summaries\n\n");
    for (ChunkSummary summary : storage.graph().summaries(ids)) {
      md.append("- ").append(oneLine(summary.text())).append('\n');
    }
    List<GraphNode> nodes = storage.graph().nodes(ids);
    Map<String, GraphNode> byId = new LinkedHashMap<>();
    nodes.forEach(n -> byId.put(n.id(), n));
    md.append("\n## Entities\n\n| Name | Type | Description |\n| --- | --- | --- |\n");
    List<GraphNode> others = new ArrayList<>();
    for (GraphNode node : nodes) {
      if (node.type().equals("EntityType")) {
        others.add(node);
        continue;
      }
      md.append("| ")
          .append(cell(node.name()))
          .append(" | ")
          .append(cell(node.type()))
          .append(" | ")
          .append(cell(node.description()))
          .append(" |\n");
    }
    md.append("\n## Relationships\n\n| Source | Relationship | Target |\n| --- | --- | --- |\n");
    storage.graph().edges(ids).stream()
        .filter(e -> !e.relationshipName().equals("is_a"))
        .sorted(
            Comparator.comparing((GraphEdge e) -> name(byId, e.sourceId()))
                .thenComparing(GraphEdge::id))
        .forEach(
            e ->
                md.append("| ")
                    .append(cell(name(byId, e.sourceId())))
                    .append(" | ")
                    .append(cell(e.relationshipName()))
                    .append(" | ")
                    .append(cell(name(byId, e.targetId())))
                    .append(" |\n"));
    md.append("\n## Documents\n\n");
    for (DataItem item : storage.data().listByDataset(dataset.id())) {
      md.append("- ")
          .append(oneLine(item.name()))
          .append(" (")
          .append(item.mimeType())
          .append(", ")
          .append(item.dataSize())
          .append(" bytes, ")
          .append(item.status().wireName())
          .append(")\n");
    }
    md.append("\n## Other Nodes\n\n");
    for (GraphNode node : others) {
      md.append("- ").append(oneLine(node.name())).append(" (").append(node.type()).append(")\n");
    }
    String file = dataset.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-memory-export.md";
    return new Export(file, md.toString());
  }

  private static String name(Map<String, GraphNode> nodes, String id) {
    GraphNode node = nodes.get(id);
    return node == null ? id : node.name();
  }

  private static String cell(String text) {
    return text == null ? "" : oneLine(text).replace("|", "\\|");
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
