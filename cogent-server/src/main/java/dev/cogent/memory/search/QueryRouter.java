package dev.cogent.memory.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Picks a search type for a recall without one ({@code search_type: null}), by weighted rules and
 * without a model, as the anchor's {@code query_router.py}: every rule that matches adds its weight
 * to its type, {@link SearchType#HYBRID_COMPLETION} starts with {@value #DEFAULT_WEIGHT}, and the
 * highest total wins (on a tie, the rule listed first).
 *
 * <p>Stateless and thread-safe.
 */
final class QueryRouter {

  static final double DEFAULT_WEIGHT = 2.0;

  /** The type a query was routed to, its total weight and the rules that matched. */
  record Route(SearchType type, double weight, List<String> reasons) {
    Route {
      reasons = List.copyOf(reasons);
    }
  }

  private record Rule(String name, Pattern pattern, SearchType type, double weight) {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "cypher_keyword",
              Pattern.compile("^\\s*(MATCH|RETURN|CREATE|MERGE)\\b", FLAGS),
              SearchType.CYPHER,
              10),
          new Rule(
              "quoted_phrase",
              Pattern.compile("\"[^\"]{2,}\"|“[^”]{2,}”"),
              SearchType.CHUNKS_LEXICAL,
              8),
          new Rule(
              "between_years",
              Pattern.compile("\\bbetween\\s+\\d{4}\\s+and\\s+\\d{4}\\b", FLAGS),
              SearchType.TEMPORAL,
              6),
          new Rule(
              "coding_rules",
              Pattern.compile(
                  "\\b(coding (rules?|guidelines?|conventions?)|code review|lint(ing|er)?|refactor(ing)?)\\b",
                  FLAGS),
              SearchType.CODING_RULES,
              5),
          new Rule(
              "summary",
              Pattern.compile("\\b(summari[sz]e|summary|overview)\\b|tl;?dr", FLAGS),
              SearchType.GRAPH_SUMMARY_COMPLETION,
              5),
          new Rule(
              "relation",
              Pattern.compile("\\bhow (is|are|was|were) .+ (related|connected)\\b", FLAGS),
              SearchType.GRAPH_COMPLETION_CONTEXT_EXTENSION,
              5),
          new Rule(
              "path",
              Pattern.compile("\\b(path|connection|link)s? between\\b", FLAGS),
              SearchType.GRAPH_COMPLETION_CONTEXT_EXTENSION,
              3),
          new Rule(
              "reasoning",
              Pattern.compile("\\b(why|explain|step by step|reason(ing)?)\\b", FLAGS),
              SearchType.GRAPH_COMPLETION_COT,
              4),
          new Rule(
              "year", Pattern.compile("\\b(1[0-9]{3}|2[0-9]{3})s?\\b"), SearchType.TEMPORAL, 3),
          new Rule(
              "time_word",
              Pattern.compile("\\b(when|before|after|since|during|until)\\b", FLAGS),
              SearchType.TEMPORAL,
              3));

  Route route(String query) {
    Map<SearchType, Double> weights = new EnumMap<>(SearchType.class);
    Map<SearchType, List<String>> reasons = new EnumMap<>(SearchType.class);
    weights.put(SearchType.HYBRID_COMPLETION, DEFAULT_WEIGHT);
    reasons.put(SearchType.HYBRID_COMPLETION, new ArrayList<>(List.of("default")));
    List<SearchType> order = new ArrayList<>();
    for (Rule rule : RULES) {
      if (rule.pattern().matcher(query).find()) {
        weights.merge(rule.type(), rule.weight(), Double::sum);
        reasons.computeIfAbsent(rule.type(), type -> new ArrayList<>()).add(rule.name());
        if (!order.contains(rule.type())) {
          order.add(rule.type());
        }
      }
    }
    order.add(SearchType.HYBRID_COMPLETION);
    SearchType best = order.get(0);
    for (SearchType type : order) {
      if (weights.get(type) > weights.get(best)) {
        best = type;
      }
    }
    return new Route(best, weights.get(best), reasons.get(best));
  }
}
