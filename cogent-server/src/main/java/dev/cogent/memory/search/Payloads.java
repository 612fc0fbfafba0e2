package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.ChunkView;
import dev.cogent.memory.search.DatasetMemory.Scored;
import dev.cogent.memory.search.DatasetMemory.SummaryView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chunks and summaries as the anchor's payload dicts (the objects of CHUNKS, SUMMARIES, …). */
final class Payloads {

  private Payloads() {}

  static Map<String, Object> chunk(Scored<ChunkView> hit) {
    ChunkView chunk = hit.item();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("id", chunk.id());
    payload.put("text", chunk.text());
    payload.put("chunk_index", chunk.chunkIndex());
    payload.put("chunk_size", chunk.tokenCount());
    payload.put("document_id", chunk.dataId());
    payload.put("document_name", chunk.documentName());
    payload.put("score", hit.score());
    return payload;
  }

  static Map<String, Object> summary(Scored<SummaryView> hit) {
    SummaryView summary = hit.item();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("id", summary.id());
    payload.put("text", summary.text());
    payload.put("chunk_id", summary.chunkId());
    payload.put("document_id", summary.dataId());
    payload.put("score", hit.score());
    return payload;
  }

  static List<Object> chunks(List<Scored<ChunkView>> hits) {
    return hits.stream().<Object>map(Payloads::chunk).toList();
  }

  static String texts(List<Scored<ChunkView>> hits, String separator) {
    return String.join(separator, hits.stream().map(hit -> hit.item().text()).toList());
  }
}
