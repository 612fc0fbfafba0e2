package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.ChunkView;
import dev.cogent.memory.search.DatasetMemory.NodeView;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CODING_RULES: ignores the query and returns every coding rule of the node sets {@code node_name}
 * (default {@value #DEFAULT_NODE_SET}), with no model call. Rules are the {@code Rule} nodes of the
 * graph and, because no improve task here derives Rule nodes yet, the lines of the documents added
 * with those node sets (one rule per non-empty line, list markers removed).
 */
final class CodingRulesRetriever implements Retriever {

  static final String DEFAULT_NODE_SET = "coding_agent_rules";
  static final String RULE_TYPE = "Rule";
  static final int MAX_RULES = 1_000;

  @Override
  public SearchType type() {
    return SearchType.CODING_RULES;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<String> sets = query.nodeNames().isEmpty() ? List.of(DEFAULT_NODE_SET) : query.nodeNames();
    Set<String> rules = new LinkedHashSet<>();
    for (NodeView node : memory.nodesOfType(RULE_TYPE, sets)) {
      rules.add(
          node.description() == null || node.description().isBlank()
              ? node.name()
              : node.description());
    }
    for (ChunkView chunk : memory.chunksInNodeSets(sets, MAX_RULES)) {
      for (String line : chunk.text().split("\\R")) {
        String rule = line.strip().replaceFirst("^([-*•]|\\d+[.)])\\s+", "").strip();
        if (!rule.isEmpty() && rules.size() < MAX_RULES) {
          rules.add(rule);
        }
      }
    }
    List<Object> objects = List.copyOf(rules);
    return new SearchOutcome(objects, objects, List.of(), type());
  }
}
