package dev.cogent.http.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.memory.DataItem;
import dev.cogent.memory.Dataset;
import dev.cogent.memory.GraphEdge;
import dev.cogent.memory.GraphNode;
import dev.cogent.memory.PipelineRun;
import dev.cogent.memory.Subgraph;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wire shapes of the memory API. They follow the anchor's casing per endpoint: DTO-backed answers
 * (datasets, data, graph) are camelCase, pipeline run infos are snake_case.
 */
final class MemoryWire {

  private MemoryWire() {}

  record DatasetDto(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("createdAt") Instant createdAt,
      @JsonProperty("updatedAt") Instant updatedAt,
      @JsonProperty("ownerId") String ownerId) {
    static DatasetDto of(Dataset dataset) {
      return new DatasetDto(
          dataset.id(),
          dataset.name(),
          dataset.createdAt(),
          dataset.updatedAt(),
          dataset.ownerId());
    }
  }

  record DataDto(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("createdAt") Instant createdAt,
      @JsonProperty("updatedAt") Instant updatedAt,
      @JsonProperty("extension") String extension,
      @JsonProperty("mimeType") String mimeType,
      @JsonProperty("rawDataLocation") String rawDataLocation,
      @JsonProperty("datasetId") String datasetId,
      @JsonProperty("label") String label,
      @JsonProperty("externalMetadata") Map<String, Object> externalMetadata,
      @JsonProperty("contentHash") String contentHash,
      @JsonProperty("dataSize") long dataSize,
      @JsonProperty("nodeSet") List<String> nodeSet,
      @JsonProperty("status") String status,
      @JsonProperty("tokenCount") Integer tokenCount) {
    static DataDto of(DataItem item) {
      return new DataDto(
          item.id(),
          item.name(),
          item.createdAt(),
          item.updatedAt(),
          item.extension(),
          item.mimeType(),
          item.rawLocation(),
          item.datasetId(),
          item.label(),
          item.externalMetadata(),
          item.contentHash(),
          item.dataSize(),
          item.nodeSet(),
          item.status().wireName(),
          item.tokenCount());
    }
  }

  record NodeDto(
      @JsonProperty("id") String id,
      @JsonProperty("label") String label,
      @JsonProperty("type") String type,
      @JsonProperty("properties") Map<String, Object> properties) {
    static NodeDto of(GraphNode node) {
      Map<String, Object> properties = new LinkedHashMap<>(node.properties());
      if (node.description() != null) {
        properties.put("description", node.description());
      }
      return new NodeDto(node.id(), node.name(), node.type(), properties);
    }
  }

  record EdgeDto(
      @JsonProperty("source") String source,
      @JsonProperty("target") String target,
      @JsonProperty("label") String label) {
    static EdgeDto of(GraphEdge edge) {
      return new EdgeDto(edge.sourceId(), edge.targetId(), edge.relationshipName());
    }
  }

  record GraphDto(
      @JsonProperty("nodes") List<NodeDto> nodes, @JsonProperty("edges") List<EdgeDto> edges) {
    static GraphDto of(Subgraph graph) {
      return new GraphDto(
          graph.nodes().stream().map(NodeDto::of).toList(),
          graph.edges().stream().map(EdgeDto::of).toList());
    }
  }

  /** The anchor's {@code PipelineRunInfo}; {@code payload} carries the progress. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record RunInfo(
      @JsonProperty("status") String status,
      @JsonProperty("pipeline_run_id") String pipelineRunId,
      @JsonProperty("dataset_id") String datasetId,
      @JsonProperty("dataset_name") String datasetName,
      @JsonProperty("payload") Map<String, Object> payload,
      @JsonProperty("data_ingestion_info") List<Map<String, Object>> dataIngestionInfo) {

    static RunInfo of(PipelineRun run, List<DataItem> items) {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("pipeline_name", run.pipelineName());
      payload.put("dataset_status", run.status().name());
      payload.put("total_items", run.totalItems());
      payload.put("processed_items", run.processedItems());
      payload.put("progress", run.progress());
      payload.put("extractor", run.extractor());
      payload.put("error", run.error());
      List<Map<String, Object>> ingestion =
          items == null
              ? null
              : items.stream()
                  .map(
                      item ->
                          Map.<String, Object>of(
                              "data_id", item.id(),
                              "name", item.name(),
                              "content_hash", item.contentHash(),
                              "mime_type", item.mimeType(),
                              "data_size", item.dataSize()))
                  .toList();
      return new RunInfo(
          run.status().runInfoStatus(),
          run.id(),
          run.datasetId(),
          run.datasetName(),
          payload,
          ingestion);
    }
  }
}
