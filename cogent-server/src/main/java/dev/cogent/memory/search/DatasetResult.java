package dev.cogent.memory.search;

/**
 * The search of one dataset: the anchor answers a list of these, one per searched dataset.
 *
 * @param datasetTenantId the dataset's tenant, or null
 */
public record DatasetResult(
    String datasetId, String datasetName, String datasetTenantId, SearchOutcome outcome) {}
