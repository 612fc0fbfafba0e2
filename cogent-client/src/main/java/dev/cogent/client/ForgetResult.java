package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@link Memory#forget} and {@link Memory#deleteData} removed. Fields that do not apply to the
 * request are null: {@code datasetsRemoved} only for {@code everything}, the counts only for {@code
 * memoryOnly}.
 */
public record ForgetResult(
    @JsonProperty("status") String status,
    @JsonProperty("datasets_removed") Integer datasetsRemoved,
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("data_id") String dataId,
    @JsonProperty("memory_only") Boolean memoryOnly,
    @JsonProperty("data_items_reset") Integer dataItemsReset,
    @JsonProperty("nodes_removed") Long nodesRemoved,
    @JsonProperty("edges_removed") Long edgesRemoved,
    @JsonProperty("chunks_removed") Long chunksRemoved,
    @JsonProperty("dataset_deleted") Boolean datasetDeleted) {}
