package dev.cogent.memory;

import dev.cogent.Json;
import dev.cogent.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of hand edits of a dataset's graph ({@link GraphEdits}): single nodes and edges added
 * with a provenance row, node properties replaced, nodes and edges removed with every provenance
 * row that names them. Reads go through {@link GraphRepository}. Thread-safe.
 */
final class GraphEditRepository {

  private final Database database;
  private final Json json;

  GraphEditRepository(Database database, Json json) {
    this.database = database;
    this.json = json;
  }

  /**
   * Adds the nodes and edges that are not there yet, each claimed by {@code dataId}, in one
   * transaction. An element that exists already gets the claim too (so that forgetting the document
   * that first produced it keeps it).
   *
   * @return the ids of the nodes and edges inserted (not those that existed)
   */
  List<String> add(List<GraphNode> nodes, List<GraphEdge> edges, String dataId, Instant at) {
    return database.inTransaction(
        handle -> {
          List<String> inserted = new ArrayList<>();
          for (GraphNode node : nodes) {
            boolean exists =
                handle
                        .createQuery(
                            "SELECT COUNT(*) FROM memory_nodes WHERE dataset_id = :dataset AND id ="
                                + " :id")
                        .bind("dataset", node.datasetId())
                        .bind("id", node.id())
                        .mapTo(Long.class)
                        .one()
                    > 0;
            GraphRepository.insertNode(handle, json, node, at);
            if (!exists) {
              inserted.add(node.id());
            }
            GraphRepository.provenance(
                handle, node.datasetId(), GraphRepository.NODE, node.id(), dataId);
          }
          for (GraphEdge edge : edges) {
            if (GraphRepository.insertEdge(handle, json, edge, at) > 0) {
              inserted.add(edge.id());
            }
            GraphRepository.provenance(
                handle, edge.datasetId(), GraphRepository.EDGE, edge.id(), dataId);
          }
          return inserted;
        });
  }

  /** The entities (not entity types) of the dataset with this name, ignoring case. */
  List<GraphNode> findEntities(String datasetId, String name) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT dataset_id, id, name, type, description, properties FROM memory_nodes"
                        + " WHERE dataset_id = :dataset AND LOWER(name) = LOWER(:name) AND type"
                        + " <> 'EntityType' ORDER BY id")
                .bind("dataset", datasetId)
                .bind("name", name.strip())
                .map(
                    (rs, ctx) ->
                        new GraphNode(
                            rs.getString("dataset_id"),
                            rs.getString("id"),
                            rs.getString("name"),
                            rs.getString("type"),
                            rs.getString("description"),
                            json.readObject(rs.getString("properties"))))
                .list());
  }

  /** Replaces a node's properties. */
  void updateProperties(
      String datasetId, String nodeId, Map<String, Object> properties, Instant at) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE memory_nodes SET properties = :properties, updated_at = :at WHERE"
                        + " dataset_id = :dataset AND id = :id")
                .bind("properties", json.write(properties))
                .bind("at", at.toEpochMilli())
                .bind("dataset", datasetId)
                .bind("id", nodeId)
                .execute());
  }

  /**
   * Removes the nodes, every edge that touches them and the provenance of both, whoever produced
   * them. One transaction.
   *
   * @return the ids of the edges removed with them
   */
  List<String> deleteNodes(String datasetId, Collection<String> nodeIds) {
    if (nodeIds.isEmpty()) {
      return List.of();
    }
    return database.inTransaction(
        handle -> {
          List<String> edges =
              handle
                  .createQuery(
                      "SELECT id FROM memory_edges WHERE dataset_id = :dataset AND (source_id IN"
                          + " (<ids>) OR target_id IN (<ids>))")
                  .bind("dataset", datasetId)
                  .bindList("ids", List.copyOf(nodeIds))
                  .mapTo(String.class)
                  .list();
          deleteElements(handle, datasetId, GraphRepository.EDGE, "memory_edges", edges);
          deleteElements(
              handle, datasetId, GraphRepository.NODE, "memory_nodes", List.copyOf(nodeIds));
          return edges;
        });
  }

  /** Removes one edge and its provenance; false when it did not exist. */
  boolean deleteEdge(String datasetId, String edgeId) {
    return database.inTransaction(
        handle ->
            deleteElements(handle, datasetId, GraphRepository.EDGE, "memory_edges", List.of(edgeId))
                > 0);
  }

  private static int deleteElements(
      Handle handle, String datasetId, String kind, String table, List<String> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    handle
        .createUpdate(
            "DELETE FROM memory_provenance WHERE dataset_id = :dataset AND element_kind = :kind"
                + " AND element_id IN (<ids>)")
        .bind("dataset", datasetId)
        .bind("kind", kind)
        .bindList("ids", ids)
        .execute();
    // The table name is one of two constants of this class, never input.
    return handle
        .createUpdate("DELETE FROM " + table + " WHERE dataset_id = :dataset AND id IN (<ids>)")
        .bind("dataset", datasetId)
        .bindList("ids", ids)
        .execute();
  }
}
