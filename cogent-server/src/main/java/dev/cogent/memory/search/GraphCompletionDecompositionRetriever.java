package dev.cogent.memory.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * GRAPH_COMPLETION_DECOMPOSITION: the model splits the question into 1 to 5 retrieval subqueries (a
 * JSON array; anything else falls back to the question itself, as the anchor does), each gets its
 * own triplet search and answer, and a final answer is given over the subanswers (the anchor's
 * default mode {@code answer_per_subquery}). The objects are the merged triplets. With {@code
 * only_context} the merged graph context of the subqueries is returned without answering.
 */
final class GraphCompletionDecompositionRetriever implements Retriever {

  static final int MAX_SUBQUERIES = 5;

  private final TripletSearch triplets;
  private final Answerer answerer;
  private final Json json;

  GraphCompletionDecompositionRetriever(TripletSearch triplets, Answerer answerer, Json json) {
    this.triplets = triplets;
    this.answerer = answerer;
    this.json = json;
  }

  @Override
  public SearchType type() {
    return SearchType.GRAPH_COMPLETION_DECOMPOSITION;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<String> subqueries =
        subqueries(answerer.ask(query, Prompts.DECOMPOSE_SYSTEM, Prompts.decompose(query.text())))
            .orElse(List.of(query.text()));
    List<Triplet> merged = List.of();
    List<List<Triplet>> perSubquery = new ArrayList<>();
    for (String subquery : subqueries) {
      List<Triplet> found = triplets.search(memory, subquery, query.topK(), query.nodeNames());
      perSubquery.add(found);
      merged = TripletSearch.merge(merged, found);
    }
    List<Object> objects = merged.stream().<Object>map(Triplet::payload).toList();
    if (merged.isEmpty() || query.onlyContext()) {
      return answerer.answer(
          query,
          memory,
          type(),
          objects,
          GraphContext.render(merged),
          Prompts::graphContextForQuestion);
    }
    StringBuilder subanswers = new StringBuilder();
    for (int i = 0; i < subqueries.size(); i++) {
      String subanswer =
          perSubquery.get(i).isEmpty()
              ? "(nothing found)"
              : answerer.ask(
                  query,
                  Prompts.graphContextForQuestion(
                      subqueries.get(i), GraphContext.render(perSubquery.get(i))));
      subanswers
          .append("Subquestion: ")
          .append(subqueries.get(i))
          .append("\nAnswer: ")
          .append(subanswer)
          .append("\n\n");
    }
    return answerer.answer(
        query, memory, type(), objects, subanswers.toString().strip(), Prompts::contextForQuestion);
  }

  /** The subqueries of the model's answer, if it is a JSON array of 1 to 5 non-blank strings. */
  java.util.Optional<List<String>> subqueries(String answer) {
    String text = answer.strip();
    int start = text.indexOf('[');
    int end = text.lastIndexOf(']');
    if (start < 0 || end <= start) {
      return java.util.Optional.empty();
    }
    try {
      JsonNode array = json.mapper().readTree(text.substring(start, end + 1));
      List<String> found = new ArrayList<>();
      for (JsonNode item : array) {
        if (item.isTextual() && !item.asText().isBlank() && found.size() < MAX_SUBQUERIES) {
          found.add(item.asText().strip());
        }
      }
      return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found);
    } catch (JsonProcessingException e) {
      return java.util.Optional.empty();
    }
  }
}
