package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.ChunkView;
import dev.cogent.memory.search.DatasetMemory.EdgeView;
import dev.cogent.memory.search.DatasetMemory.NodeView;
import dev.cogent.memory.search.DatasetMemory.Scored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HYBRID_COMPLETION: three lanes over one query, as the anchor's hybrid retriever. Passages: the
 * closest {@code min(top_k, 10)} chunks. Entities: the closest {@code min(top_k, 10)} nodes with at
 * most {@value #MAX_EDGES_PER_ENTITY} of their edges each, closest edge text first. Facts: the
 * {@code min(top_k, 10)} edges whose text is closest to the query. The sectioned context ({@code ##
 * Relevant passages}, {@code ## Relevant entities}, {@code ## Related facts}) is answered with
 * {@code hybrid_context_for_question.txt}.
 */
final class HybridCompletionRetriever implements Retriever {

  static final int LANE_LIMIT = 10;
  static final int MAX_EDGES_PER_ENTITY = 10;

  private final Answerer answerer;

  HybridCompletionRetriever(Answerer answerer) {
    this.answerer = answerer;
  }

  @Override
  public SearchType type() {
    return SearchType.HYBRID_COMPLETION;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    int lane = Math.min(query.topK(), LANE_LIMIT);
    List<Scored<ChunkView>> chunks = memory.chunks(query.text(), lane, query.nodeNames());
    List<Scored<NodeView>> entities = memory.nodes(query.text(), lane, query.nodeNames());
    Map<String, Double> edgeScores = new HashMap<>();
    List<String> closestEdges = new ArrayList<>();
    for (Scored<String> hit :
        memory.edgeHits(query.text(), TripletSearch.WIDE_SEARCH, query.nodeNames())) {
      edgeScores.merge(hit.item(), hit.score(), Math::max);
      if (closestEdges.size() < lane && !closestEdges.contains(hit.item())) {
        closestEdges.add(hit.item());
      }
    }
    Map<String, List<EdgeView>> edgesByEntity = new LinkedHashMap<>();
    entities.forEach(hit -> edgesByEntity.put(hit.item().id(), new ArrayList<>()));
    for (EdgeView edge : memory.edgesTouching(edgesByEntity.keySet(), query.nodeNames())) {
      for (String end : List.of(edge.source().id(), edge.target().id())) {
        List<EdgeView> edges = edgesByEntity.get(end);
        if (edges != null && !edges.contains(edge)) {
          edges.add(edge);
        }
      }
    }
    Comparator<EdgeView> closest =
        Comparator.<EdgeView>comparingDouble(edge -> -edgeScores.getOrDefault(edge.id(), 0.0))
            .thenComparing(EdgeView::id);
    edgesByEntity.values().forEach(edges -> edges.sort(closest));

    List<Object> objects = new ArrayList<>(Payloads.chunks(chunks));
    StringBuilder context = new StringBuilder();
    if (!chunks.isEmpty()) {
      context.append("## Relevant passages\n").append(Payloads.texts(chunks, "\n---\n"));
    }
    List<EdgeView> facts = memory.edges(closestEdges);
    if (!entities.isEmpty()) {
      context.append(context.length() == 0 ? "" : "\n\n").append("## Relevant entities");
      for (Scored<NodeView> hit : entities) {
        NodeView entity = hit.item();
        objects.add(entity(hit));
        context.append("\n").append(entity.name()).append(" (").append(entity.type()).append(")");
        if (entity.description() != null && !entity.description().isBlank()) {
          context.append(": ").append(entity.description());
        }
        List<EdgeView> edges = edgesByEntity.get(entity.id());
        for (EdgeView edge : edges.subList(0, Math.min(MAX_EDGES_PER_ENTITY, edges.size()))) {
          context.append("\n  - ").append(line(edge));
        }
      }
    }
    if (!facts.isEmpty()) {
      context.append(context.length() == 0 ? "" : "\n\n").append("## Related facts");
      facts.forEach(edge -> context.append("\n- ").append(line(edge)));
    }
    return answerer.answer(
        query, memory, type(), objects, context.toString(), Prompts::hybridContextForQuestion);
  }

  private static String line(EdgeView edge) {
    return edge.source().name() + " --[" + edge.relationshipName() + "]--> " + edge.target().name();
  }

  private static Map<String, Object> entity(Scored<NodeView> hit) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("id", hit.item().id());
    payload.put("name", hit.item().name());
    payload.put("type", hit.item().type());
    payload.put("score", hit.score());
    return payload;
  }
}
