package dev.cogent.memory;

import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of {@code memory_pipeline_runs}. Thread-safe. */
public final class PipelineRunRepository {

  private static final String SELECT =
      "SELECT id, dataset_id, dataset_name, owner_id, pipeline_name, status, total_items,"
          + " processed_items, extractor, error, created_at, updated_at, finished_at FROM"
          + " memory_pipeline_runs";

  private final Database database;

  public PipelineRunRepository(Database database) {
    this.database = database;
  }

  void insert(PipelineRun run) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO memory_pipeline_runs (id, dataset_id, dataset_name, owner_id,"
                        + " pipeline_name, status, total_items, processed_items, extractor, error,"
                        + " created_at, updated_at, finished_at) VALUES (:id, :dataset, :name,"
                        + " :owner, :pipeline, :status, :total, :processed, :extractor, :error,"
                        + " :created, :updated, :finished)")
                .bind("id", run.id())
                .bind("dataset", run.datasetId())
                .bind("name", run.datasetName())
                .bind("owner", run.ownerId())
                .bind("pipeline", run.pipelineName())
                .bind("status", run.status().name())
                .bind("total", run.totalItems())
                .bind("processed", run.processedItems())
                .bind("extractor", run.extractor())
                .bind("error", run.error())
                .bind("created", run.createdAt().toEpochMilli())
                .bind("updated", run.updatedAt().toEpochMilli())
                .bind("finished", run.finishedAt() == null ? null : run.finishedAt().toEpochMilli())
                .execute());
  }

  void update(PipelineRun run) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE memory_pipeline_runs SET status = :status, total_items = :total,"
                        + " processed_items = :processed, extractor = :extractor, error = :error,"
                        + " updated_at = :updated, finished_at = :finished WHERE id = :id")
                .bind("id", run.id())
                .bind("status", run.status().name())
                .bind("total", run.totalItems())
                .bind("processed", run.processedItems())
                .bind("extractor", run.extractor())
                .bind("error", run.error())
                .bind("updated", run.updatedAt().toEpochMilli())
                .bind("finished", run.finishedAt() == null ? null : run.finishedAt().toEpochMilli())
                .execute());
  }

  public Optional<PipelineRun> find(String id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(PipelineRunRepository::map)
                .findOne());
  }

  /** The newest run of the pipeline over the dataset. */
  public Optional<PipelineRun> findLatest(String datasetId, String pipelineName) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    SELECT
                        + " WHERE dataset_id = :dataset AND pipeline_name = :pipeline ORDER BY"
                        + " created_at DESC, id DESC")
                .bind("dataset", datasetId)
                .bind("pipeline", pipelineName)
                .setMaxRows(1)
                .map(PipelineRunRepository::map)
                .findFirst());
  }

  /** The newest runs over these datasets, newest first. */
  public List<PipelineRun> listRecent(Collection<String> datasetIds, int limit) {
    if (datasetIds.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    SELECT + " WHERE dataset_id IN (<datasets>) ORDER BY created_at DESC, id DESC")
                .bindList("datasets", List.copyOf(datasetIds))
                .setMaxRows(limit)
                .map(PipelineRunRepository::map)
                .list());
  }

  /** Marks every unfinished run errored; returns how many there were. */
  int markUnfinishedErrored(String error, Instant at) {
    return database.inTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE memory_pipeline_runs SET status = 'DATASET_PROCESSING_ERRORED', error ="
                        + " :error, updated_at = :at, finished_at = :at WHERE status IN"
                        + " ('DATASET_PROCESSING_INITIATED', 'DATASET_PROCESSING_STARTED')")
                .bind("error", error)
                .bind("at", at.toEpochMilli())
                .execute());
  }

  void deleteByDataset(String datasetId) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate("DELETE FROM memory_pipeline_runs WHERE dataset_id = :dataset")
                .bind("dataset", datasetId)
                .execute());
  }

  /** Forgets the runs of one pipeline over the dataset (its status is then unknown again). */
  void deleteByPipeline(String datasetId, String pipelineName) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM memory_pipeline_runs WHERE dataset_id = :dataset AND"
                        + " pipeline_name = :pipeline")
                .bind("dataset", datasetId)
                .bind("pipeline", pipelineName)
                .execute());
  }

  private static PipelineRun map(ResultSet rs, StatementContext ctx) throws SQLException {
    long finished = rs.getLong("finished_at");
    Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
    return new PipelineRun(
        rs.getString("id"),
        rs.getString("dataset_id"),
        rs.getString("dataset_name"),
        rs.getString("owner_id"),
        rs.getString("pipeline_name"),
        PipelineStatus.valueOf(rs.getString("status")),
        rs.getInt("total_items"),
        rs.getInt("processed_items"),
        rs.getString("extractor"),
        rs.getString("error"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        finishedAt);
  }
}
