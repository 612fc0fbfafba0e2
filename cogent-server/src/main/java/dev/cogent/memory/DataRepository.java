package dev.cogent.memory;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cogent.Json;
import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of {@code memory_data} and {@code memory_data_node_sets}. Thread-safe. */
public final class DataRepository {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private static final String SELECT =
      "SELECT id, dataset_id, name, extension, mime_type, content_hash, data_size, raw_location,"
          + " node_set, label, external_metadata, owner_id, status, token_count, created_at,"
          + " updated_at FROM memory_data";

  private final Database database;
  private final Json json;

  public DataRepository(Database database, Json json) {
    this.database = database;
    this.json = json;
  }

  /** Inserts a data item; false when the dataset already holds the same content. */
  boolean insert(DataItem item) {
    return insertAll(List.of(item)).isEmpty();
  }

  /**
   * Inserts data items in one transaction, each unless its dataset already holds the same content.
   *
   * @return the items not inserted for that reason
   */
  List<DataItem> insertAll(List<DataItem> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    return database.inTransaction(
        handle -> {
          PreparedBatch batch =
              handle.prepareBatch(
                  "INSERT INTO memory_data (id, dataset_id, name, extension, mime_type,"
                      + " content_hash, data_size, raw_location, node_set, label,"
                      + " external_metadata, owner_id, status, token_count, created_at,"
                      + " updated_at) VALUES (:id, :dataset, :name, :extension, :mime, :hash,"
                      + " :size, :raw, :node_set, :label, :metadata, :owner, :status, :tokens,"
                      + " :created, :updated) ON CONFLICT (dataset_id, content_hash) DO NOTHING");
          for (DataItem item : items) {
            batch
                .bind("id", item.id())
                .bind("dataset", item.datasetId())
                .bind("name", item.name())
                .bind("extension", item.extension())
                .bind("mime", item.mimeType())
                .bind("hash", item.contentHash())
                .bind("size", item.dataSize())
                .bind("raw", item.rawLocation())
                .bind("node_set", json.write(item.nodeSet()))
                .bind("label", item.label())
                .bind(
                    "metadata",
                    item.externalMetadata().isEmpty() ? null : json.write(item.externalMetadata()))
                .bind("owner", item.ownerId())
                .bind("status", item.status().wireName())
                .bindByType("tokens", item.tokenCount(), Integer.class)
                .bind("created", item.createdAt().toEpochMilli())
                .bind("updated", item.updatedAt().toEpochMilli())
                .add();
          }
          int[] counts = batch.execute();
          List<DataItem> lost = new ArrayList<>();
          PreparedBatch sets =
              handle.prepareBatch(
                  "INSERT INTO memory_data_node_sets (data_id, dataset_id, node_set) VALUES (:data,"
                      + " :dataset, :set) ON CONFLICT (data_id, node_set) DO NOTHING");
          for (int i = 0; i < items.size(); i++) {
            DataItem item = items.get(i);
            if (counts[i] == 0) {
              lost.add(item);
              continue;
            }
            for (String set : item.nodeSet()) {
              sets.bind("data", item.id()).bind("dataset", item.datasetId()).bind("set", set).add();
            }
          }
          if (sets.size() > 0) {
            sets.execute();
          }
          return lost;
        });
  }

  /** The data items of the dataset holding any of these contents, by content hash. */
  Map<String, DataItem> findByHashes(String datasetId, Collection<String> contentHashes) {
    if (contentHashes.isEmpty()) {
      return Map.of();
    }
    Map<String, DataItem> byHash = new LinkedHashMap<>();
    database
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        SELECT + " WHERE dataset_id = :dataset AND content_hash IN (<hashes>)")
                    .bind("dataset", datasetId)
                    .bindList("hashes", List.copyOf(new LinkedHashSet<>(contentHashes)))
                    .map(this::map)
                    .list())
        .forEach(item -> byHash.put(item.contentHash(), item));
    return byHash;
  }

  public Optional<DataItem> find(String datasetId, String dataId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " WHERE dataset_id = :dataset AND id = :id")
                .bind("dataset", datasetId)
                .bind("id", dataId)
                .map(this::map)
                .findOne());
  }

  public Optional<DataItem> findByHash(String datasetId, String contentHash) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " WHERE dataset_id = :dataset AND content_hash = :hash")
                .bind("dataset", datasetId)
                .bind("hash", contentHash)
                .map(this::map)
                .findOne());
  }

  public List<DataItem> listByDataset(String datasetId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " WHERE dataset_id = :dataset ORDER BY created_at, id")
                .bind("dataset", datasetId)
                .map(this::map)
                .list());
  }

  /**
   * The ids of the dataset's items in one of these statuses, in {@link #listByDataset} order.
   * Cognify keeps these, not whole items, for a run over 100k items.
   */
  public List<String> idsInStatus(String datasetId, Collection<DataStatus> statuses) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id FROM memory_data WHERE dataset_id = :dataset AND status IN"
                        + " (<statuses>) ORDER BY created_at, id")
                .bind("dataset", datasetId)
                .bindList("statuses", statuses.stream().map(DataStatus::wireName).toList())
                .mapTo(String.class)
                .list());
  }

  /**
   * These items of the dataset, in the order of {@code ids}; unknown ids are left out.
   *
   * <p>Here and in {@link #namesByIds} the dataset is checked on the rows, not in the SQL: with
   * {@code dataset_id = ?} beside ten ids or more, SQLite (no statistics) reads the dataset's items
   * through {@code memory_data_by_hash}, every one of them, instead of the ids' rows.
   */
  public List<DataItem> listByIds(String datasetId, List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, DataItem> byId = new LinkedHashMap<>();
    database
        .withHandle(
            handle ->
                handle
                    .createQuery(SELECT + " WHERE id IN (<ids>)")
                    .bindList("ids", ids)
                    .map(this::map)
                    .list())
        .stream()
        .filter(item -> item.datasetId().equals(datasetId))
        .forEach(item -> byId.put(item.id(), item));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * The names of these data items of the dataset, by id; unknown ids are left out. Search names the
   * documents of its hits with it, rather than listing a dataset of 100k items per query.
   */
  public Map<String, String> namesByIds(String datasetId, Collection<String> dataIds) {
    if (dataIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new LinkedHashMap<>();
    database
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT id, dataset_id, name FROM memory_data WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(dataIds))
                    .map(
                        (rs, ctx) ->
                            new Name(
                                rs.getString("id"),
                                rs.getString("dataset_id"),
                                rs.getString("name")))
                    .list())
        .stream()
        .filter(name -> name.datasetId().equals(datasetId))
        .forEach(name -> names.put(name.id(), name.name()));
    return names;
  }

  private record Name(String id, String datasetId, String name) {}

  /** The ids of the data items of these datasets tagged with any of {@code nodeSets}. */
  public List<String> dataIdsInNodeSets(
      Collection<String> datasetIds, Collection<String> nodeSets) {
    if (datasetIds.isEmpty() || nodeSets.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT DISTINCT data_id FROM memory_data_node_sets WHERE dataset_id IN"
                        + " (<datasets>) AND node_set IN (<sets>)")
                .bindList("datasets", List.copyOf(datasetIds))
                .bindList("sets", List.copyOf(nodeSets))
                .mapTo(String.class)
                .list());
  }

  void updateStatus(String dataId, DataStatus status, Integer tokenCount, Instant at) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE memory_data SET status = :status, token_count = :tokens, updated_at ="
                        + " :at WHERE id = :id")
                .bind("status", status.wireName())
                .bind("tokens", tokenCount)
                .bind("at", at.toEpochMilli())
                .bind("id", dataId)
                .execute());
  }

  /**
   * Sets the status and token count (a null value clears it) of several data items, by id, in one
   * transaction.
   */
  void updateStatuses(Map<String, Integer> tokensByDataId, DataStatus status, Instant at) {
    if (tokensByDataId.isEmpty()) {
      return;
    }
    database.useTransaction(
        handle -> {
          PreparedBatch batch =
              handle.prepareBatch(
                  "UPDATE memory_data SET status = :status, token_count = :tokens, updated_at ="
                      + " :at WHERE id = :id");
          tokensByDataId.forEach(
              (id, tokens) ->
                  batch
                      .bind("status", status.wireName())
                      .bindByType("tokens", tokens, Integer.class)
                      .bind("at", at.toEpochMilli())
                      .bind("id", id)
                      .add());
          batch.execute();
        });
  }

  /** Marks every data item of the dataset pending, so that the next cognify redoes them. */
  void resetStatus(String datasetId, Instant at) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE memory_data SET status = 'pending', updated_at = :at WHERE dataset_id"
                        + " = :dataset")
                .bind("at", at.toEpochMilli())
                .bind("dataset", datasetId)
                .execute());
  }

  /** Marks items a stop left {@code processing} errored, so that the next cognify redoes them. */
  int markProcessingErrored(Instant at) {
    return database.inTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE memory_data SET status = 'errored', updated_at = :at WHERE status ="
                        + " 'processing'")
                .bind("at", at.toEpochMilli())
                .execute());
  }

  boolean delete(String dataId) {
    return database.inTransaction(
            handle ->
                handle
                    .createUpdate("DELETE FROM memory_data WHERE id = :id")
                    .bind("id", dataId)
                    .execute())
        > 0;
  }

  private DataItem map(ResultSet rs, StatementContext ctx) throws SQLException {
    String metadata = rs.getString("external_metadata");
    int tokens = rs.getInt("token_count");
    Integer tokenCount = rs.wasNull() ? null : tokens;
    try {
      return new DataItem(
          rs.getString("id"),
          rs.getString("dataset_id"),
          rs.getString("name"),
          rs.getString("extension"),
          rs.getString("mime_type"),
          rs.getString("content_hash"),
          rs.getLong("data_size"),
          rs.getString("raw_location"),
          json.mapper().readValue(rs.getString("node_set"), STRINGS),
          rs.getString("label"),
          metadata == null ? Map.of() : json.readObject(metadata),
          rs.getString("owner_id"),
          DataStatus.fromWire(rs.getString("status")),
          tokenCount,
          Instant.ofEpochMilli(rs.getLong("created_at")),
          Instant.ofEpochMilli(rs.getLong("updated_at")));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored node_set is not a JSON array", e);
    }
  }
}
