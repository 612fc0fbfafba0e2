package dev.cogent.memory;

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
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The SQL of derived memory: {@code memory_chunks}, {@code memory_summaries}, {@code memory_nodes},
 * {@code memory_edges} and the {@code memory_provenance} rows that tie each of them to the data
 * items that produced it. Reads take dataset ids the caller was already allowed to read ({@link
 * DatasetResolver}). Thread-safe.
 */
public final class GraphRepository {

  /**
   * Adds a node unless present; then only its {@code updated_at} moves (the first description
   * stays).
   */
  private static final String INSERT_NODE =
      "INSERT INTO memory_nodes (dataset_id, id, name, type, description, properties, created_at,"
          + " updated_at) VALUES (:dataset, :id, :name, :type, :description, :properties, :at,"
          + " :at) ON CONFLICT (dataset_id, id) DO UPDATE SET updated_at = :at";

  private static final String INSERT_EDGE =
      "INSERT INTO memory_edges (dataset_id, id, source_id, target_id, relationship_name,"
          + " description, weight, properties, created_at) VALUES (:dataset, :id, :source,"
          + " :target, :relationship, :description, :weight, :properties, :at) ON CONFLICT"
          + " (dataset_id, id) DO NOTHING";

  private static final String INSERT_PROVENANCE =
      "INSERT INTO memory_provenance (dataset_id, element_kind, element_id, data_id) VALUES"
          + " (:dataset, :kind, :element, :data) ON CONFLICT (dataset_id, element_kind,"
          + " element_id, data_id) DO NOTHING";

  static final String CHUNK = "chunk";
  static final String SUMMARY = "summary";
  static final String NODE = "node";
  static final String EDGE = "edge";

  private static final String CHUNKS =
      "SELECT id, dataset_id, data_id, chunk_index, text, token_count FROM memory_chunks";
  private static final String SUMMARIES =
      "SELECT id, dataset_id, chunk_id, data_id, text FROM memory_summaries";
  private static final String NODES =
      "SELECT dataset_id, id, name, type, description, properties FROM memory_nodes";
  private static final String EDGES =
      "SELECT dataset_id, id, source_id, target_id, relationship_name, description, weight,"
          + " properties FROM memory_edges";

  private final Database database;
  private final Json json;

  public GraphRepository(Database database, Json json) {
    this.database = database;
    this.json = json;
  }

  /**
   * Stores what cognify derived from one data item, in one transaction: chunks and summaries are
   * replaced, nodes and edges are added unless present (the first description stays), and every
   * element gets a provenance row for the data item.
   */
  void save(String dataId, Derived derived, Instant at) {
    saveAll(Map.of(dataId, derived), at);
  }

  /**
   * As {@link #save} for several data items (by data item id) in one transaction, each table
   * written by one prepared batch: cognify stores hundreds of chunks at a time, and a statement
   * round trip per row was most of its database time.
   */
  void saveAll(Map<String, Derived> byDataId, Instant at) {
    if (byDataId.isEmpty()) {
      return;
    }
    long millis = at.toEpochMilli();
    database.useTransaction(
        handle -> {
          PreparedBatch chunks =
              handle.prepareBatch(
                  "INSERT INTO memory_chunks (id, dataset_id, data_id, chunk_index, text,"
                      + " token_count, created_at) VALUES (:id, :dataset, :data, :index, :text,"
                      + " :tokens, :at) ON CONFLICT (id) DO UPDATE SET text = :text,"
                      + " token_count = :tokens");
          PreparedBatch summaries =
              handle.prepareBatch(
                  "INSERT INTO memory_summaries (id, dataset_id, chunk_id, data_id, text,"
                      + " created_at) VALUES (:id, :dataset, :chunk, :data, :text, :at) ON"
                      + " CONFLICT (id) DO UPDATE SET text = :text");
          PreparedBatch nodes = handle.prepareBatch(INSERT_NODE);
          PreparedBatch edges = handle.prepareBatch(INSERT_EDGE);
          PreparedBatch provenance = handle.prepareBatch(INSERT_PROVENANCE);
          for (Map.Entry<String, Derived> item : byDataId.entrySet()) {
            String dataId = item.getKey();
            Derived derived = item.getValue();
            for (Chunk chunk : derived.chunks()) {
              chunks
                  .bind("id", chunk.id())
                  .bind("dataset", chunk.datasetId())
                  .bind("data", chunk.dataId())
                  .bind("index", chunk.chunkIndex())
                  .bind("text", chunk.text())
                  .bind("tokens", chunk.tokenCount())
                  .bind("at", millis)
                  .add();
              bindProvenance(provenance, chunk.datasetId(), CHUNK, chunk.id(), dataId).add();
            }
            for (ChunkSummary summary : derived.summaries()) {
              summaries
                  .bind("id", summary.id())
                  .bind("dataset", summary.datasetId())
                  .bind("chunk", summary.chunkId())
                  .bind("data", summary.dataId())
                  .bind("text", summary.text())
                  .bind("at", millis)
                  .add();
              bindProvenance(provenance, summary.datasetId(), SUMMARY, summary.id(), dataId).add();
            }
            for (GraphNode node : derived.nodes()) {
              bindNode(nodes, json, node, millis).add();
              bindProvenance(provenance, node.datasetId(), NODE, node.id(), dataId).add();
            }
            for (GraphEdge edge : derived.edges()) {
              bindEdge(edges, json, edge, millis).add();
              bindProvenance(provenance, edge.datasetId(), EDGE, edge.id(), dataId).add();
            }
          }
          // Parents first: summaries reference chunks.
          for (PreparedBatch batch : List.of(chunks, summaries, nodes, edges, provenance)) {
            if (batch.size() > 0) {
              batch.execute();
            }
          }
        });
  }

  /**
   * Adds a node unless present (then only its {@code updated_at} moves; the first description
   * stays).
   */
  static void insertNode(Handle handle, Json json, GraphNode node, Instant at) {
    bindNode(handle.createUpdate(INSERT_NODE), json, node, at.toEpochMilli()).execute();
  }

  /** Adds an edge unless present; answers 1 when it was added, 0 when it existed. */
  static int insertEdge(Handle handle, Json json, GraphEdge edge, Instant at) {
    return bindEdge(handle.createUpdate(INSERT_EDGE), json, edge, at.toEpochMilli()).execute();
  }

  static void provenance(
      Handle handle, String datasetId, String kind, String elementId, String dataId) {
    bindProvenance(handle.createUpdate(INSERT_PROVENANCE), datasetId, kind, elementId, dataId)
        .execute();
  }

  /** Binds {@link #INSERT_NODE}, for one statement or a row of a batch. */
  private static <S extends SqlStatement<S>> S bindNode(
      S statement, Json json, GraphNode node, long at) {
    return statement
        .bind("dataset", node.datasetId())
        .bind("id", node.id())
        .bind("name", node.name())
        .bind("type", node.type())
        .bind("description", node.description())
        .bind("properties", json.write(node.properties()))
        .bind("at", at);
  }

  /** Binds {@link #INSERT_EDGE}, for one statement or a row of a batch. */
  private static <S extends SqlStatement<S>> S bindEdge(
      S statement, Json json, GraphEdge edge, long at) {
    return statement
        .bind("dataset", edge.datasetId())
        .bind("id", edge.id())
        .bind("source", edge.sourceId())
        .bind("target", edge.targetId())
        .bind("relationship", edge.relationshipName())
        .bind("description", edge.description())
        .bind("weight", edge.weight())
        .bind("properties", json.write(edge.properties()))
        .bind("at", at);
  }

  /** Binds {@link #INSERT_PROVENANCE}, for one statement or a row of a batch. */
  private static <S extends SqlStatement<S>> S bindProvenance(
      S statement, String datasetId, String kind, String elementId, String dataId) {
    return statement
        .bind("dataset", datasetId)
        .bind("kind", kind)
        .bind("element", elementId)
        .bind("data", dataId);
  }

  /**
   * Removes the data item's provenance and every element that no other data item produced.
   *
   * @return the ids of the elements removed (their index entries must go too)
   */
  DerivedElements forgetData(String datasetId, String dataId) {
    return forgetData(datasetId, List.of(dataId));
  }

  /** As {@link #forgetData(String, String)} for several data items, in one transaction. */
  DerivedElements forgetData(String datasetId, Collection<String> dataIds) {
    if (dataIds.isEmpty()) {
      return new DerivedElements(List.of(), List.of(), List.of(), List.of());
    }
    return database.inTransaction(
        handle -> {
          Map<String, List<String>> mine = new LinkedHashMap<>();
          handle
              .createQuery(
                  "SELECT element_kind, element_id FROM memory_provenance WHERE dataset_id ="
                      + " :dataset AND data_id IN (<data>)")
              .bind("dataset", datasetId)
              .bindList("data", List.copyOf(dataIds))
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
              .forEach(
                  e -> mine.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
          if (mine.isEmpty()) {
            // New data items, the common case of cognify: nothing to forget.
            return new DerivedElements(List.of(), List.of(), List.of(), List.of());
          }
          handle
              .createUpdate(
                  "DELETE FROM memory_provenance WHERE dataset_id = :dataset AND data_id IN"
                      + " (<data>)")
              .bind("dataset", datasetId)
              .bindList("data", List.copyOf(dataIds))
              .execute();
          List<String> edges = orphans(handle, datasetId, EDGE, mine.get(EDGE));
          List<String> nodes = orphans(handle, datasetId, NODE, mine.get(NODE));
          List<String> summaries = orphans(handle, datasetId, SUMMARY, mine.get(SUMMARY));
          List<String> chunks = orphans(handle, datasetId, CHUNK, mine.get(CHUNK));
          deleteIn(
              handle,
              "DELETE FROM memory_edges WHERE dataset_id = :dataset AND id IN (<ids>)",
              datasetId,
              edges);
          // An edge another data item still claims cannot outlive its endpoints.
          List<String> dangling = new ArrayList<>();
          if (!nodes.isEmpty()) {
            dangling.addAll(
                handle
                    .createQuery(
                        "SELECT id FROM memory_edges WHERE dataset_id = :dataset AND (source_id IN"
                            + " (<ids>) OR target_id IN (<ids>))")
                    .bind("dataset", datasetId)
                    .bindList("ids", nodes)
                    .mapTo(String.class)
                    .list());
            deleteIn(
                handle,
                "DELETE FROM memory_edges WHERE dataset_id = :dataset AND id IN (<ids>)",
                datasetId,
                dangling);
            deleteIn(
                handle,
                "DELETE FROM memory_provenance WHERE dataset_id = :dataset AND element_kind = 'edge' AND element_id IN (<ids>)",
                datasetId,
                dangling);
          }
          deleteIn(
              handle,
              "DELETE FROM memory_nodes WHERE dataset_id = :dataset AND id IN (<ids>)",
              datasetId,
              nodes);
          deleteIn(
              handle,
              "DELETE FROM memory_summaries WHERE dataset_id = :dataset AND id IN (<ids>)",
              datasetId,
              summaries);
          deleteIn(
              handle,
              "DELETE FROM memory_chunks WHERE dataset_id = :dataset AND id IN (<ids>)",
              datasetId,
              chunks);
          List<String> removedEdges = new ArrayList<>(edges);
          removedEdges.addAll(dangling);
          return new DerivedElements(chunks, summaries, nodes, removedEdges);
        });
  }

  /** Removes all derived memory of the dataset (its data items stay). */
  void forgetDataset(String datasetId) {
    database.useTransaction(
        handle -> {
          for (String table :
              List.of(
                  "memory_provenance",
                  "memory_edges",
                  "memory_nodes",
                  "memory_summaries",
                  "memory_chunks")) {
            handle
                .createUpdate("DELETE FROM " + table + " WHERE dataset_id = :dataset")
                .bind("dataset", datasetId)
                .execute();
          }
        });
  }

  private static List<String> orphans(
      Handle handle, String datasetId, String kind, List<String> candidates) {
    if (candidates == null || candidates.isEmpty()) {
      return List.of();
    }
    Set<String> claimed =
        new LinkedHashSet<>(
            handle
                .createQuery(
                    "SELECT DISTINCT element_id FROM memory_provenance WHERE dataset_id = :dataset"
                        + " AND element_kind = :kind AND element_id IN (<ids>)")
                .bind("dataset", datasetId)
                .bind("kind", kind)
                .bindList("ids", candidates)
                .mapTo(String.class)
                .list());
    return candidates.stream().filter(id -> !claimed.contains(id)).distinct().toList();
  }

  private static void deleteIn(Handle handle, String sql, String datasetId, List<String> ids) {
    if (!ids.isEmpty()) {
      handle.createUpdate(sql).bind("dataset", datasetId).bindList("ids", ids).execute();
    }
  }

  // ---- improve ----

  /** How many data items produced each element of {@code kind} in the dataset. */
  Map<String, Integer> sourceCounts(String datasetId, String kind) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    database.withHandle(
        handle -> {
          handle
              .createQuery(
                  "SELECT element_id, COUNT(DISTINCT data_id) FROM memory_provenance WHERE"
                      + " dataset_id = :dataset AND element_kind = :kind GROUP BY element_id")
              .bind("dataset", datasetId)
              .bind("kind", kind)
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
              .forEach(e -> counts.put(e.getKey(), e.getValue()));
          return null;
        });
    return counts;
  }

  /** Replaces the properties of nodes and the weights of edges, in one transaction. */
  void reweigh(String datasetId, List<GraphNode> nodes, Map<String, Double> edgeWeights) {
    database.useTransaction(
        handle -> {
          for (GraphNode node : nodes) {
            handle
                .createUpdate(
                    "UPDATE memory_nodes SET properties = :properties WHERE dataset_id = :dataset"
                        + " AND id = :id")
                .bind("properties", json.write(node.properties()))
                .bind("dataset", datasetId)
                .bind("id", node.id())
                .execute();
          }
          for (Map.Entry<String, Double> weight : edgeWeights.entrySet()) {
            handle
                .createUpdate(
                    "UPDATE memory_edges SET weight = :weight WHERE dataset_id = :dataset AND id ="
                        + " :id")
                .bind("weight", weight.getValue())
                .bind("dataset", datasetId)
                .bind("id", weight.getKey())
                .execute();
          }
        });
  }

  /**
   * Merges duplicate nodes into {@code keepId}: their edges are redirected to it (an edge that then
   * exists already is folded into that one), their provenance becomes the kept node's, and they are
   * removed. One transaction.
   *
   * @return the removed node and edge ids, and the ids of the edges created by redirection
   */
  Merged merge(String datasetId, String keepId, Collection<String> dropIds, Instant at) {
    List<String> drops = dropIds.stream().filter(id -> !id.equals(keepId)).distinct().toList();
    if (drops.isEmpty()) {
      return new Merged(List.of(), List.of(), List.of());
    }
    return database.inTransaction(
        handle -> {
          List<GraphEdge> touching =
              handle
                  .createQuery(
                      EDGES
                          + " WHERE dataset_id = :dataset AND (source_id IN (<ids>) OR target_id"
                          + " IN (<ids>))")
                  .bind("dataset", datasetId)
                  .bindList("ids", drops)
                  .map(this::edge)
                  .list();
          List<String> removedEdges = new ArrayList<>();
          List<String> createdEdges = new ArrayList<>();
          for (GraphEdge edge : touching) {
            String source = drops.contains(edge.sourceId()) ? keepId : edge.sourceId();
            String target = drops.contains(edge.targetId()) ? keepId : edge.targetId();
            String id = GraphIds.edge(source, edge.relationshipName(), target);
            List<String> sources =
                handle
                    .createQuery(
                        "SELECT data_id FROM memory_provenance WHERE dataset_id = :dataset AND"
                            + " element_kind = 'edge' AND element_id = :id")
                    .bind("dataset", datasetId)
                    .bind("id", edge.id())
                    .mapTo(String.class)
                    .list();
            deleteIn(
                handle,
                "DELETE FROM memory_edges WHERE dataset_id = :dataset AND id IN (<ids>)",
                datasetId,
                List.of(edge.id()));
            deleteIn(
                handle,
                "DELETE FROM memory_provenance WHERE dataset_id = :dataset AND element_kind ="
                    + " 'edge' AND element_id IN (<ids>)",
                datasetId,
                List.of(edge.id()));
            removedEdges.add(edge.id());
            if (source.equals(target)) {
              continue;
            }
            int inserted =
                insertEdge(
                    handle,
                    json,
                    new GraphEdge(
                        datasetId,
                        id,
                        source,
                        target,
                        edge.relationshipName(),
                        edge.description(),
                        edge.weight(),
                        edge.properties()),
                    at);
            if (inserted > 0) {
              createdEdges.add(id);
            }
            for (String dataId : sources) {
              provenance(handle, datasetId, EDGE, id, dataId);
            }
          }
          List<String> nodeSources =
              handle
                  .createQuery(
                      "SELECT DISTINCT data_id FROM memory_provenance WHERE dataset_id = :dataset"
                          + " AND element_kind = 'node' AND element_id IN (<ids>)")
                  .bind("dataset", datasetId)
                  .bindList("ids", drops)
                  .mapTo(String.class)
                  .list();
          for (String dataId : nodeSources) {
            provenance(handle, datasetId, NODE, keepId, dataId);
          }
          deleteIn(
              handle,
              "DELETE FROM memory_provenance WHERE dataset_id = :dataset AND element_kind = 'node'"
                  + " AND element_id IN (<ids>)",
              datasetId,
              drops);
          deleteIn(
              handle,
              "DELETE FROM memory_nodes WHERE dataset_id = :dataset AND id IN (<ids>)",
              datasetId,
              drops);
          removedEdges.removeAll(createdEdges);
          return new Merged(drops, removedEdges, createdEdges);
        });
  }

  /** What a merge changed. */
  record Merged(List<String> removedNodes, List<String> removedEdges, List<String> createdEdges) {}

  // ---- reads ----

  public List<Chunk> chunks(Collection<String> datasetIds) {
    return listIn(
        CHUNKS + " WHERE dataset_id IN (<datasets>) ORDER BY data_id, chunk_index",
        datasetIds,
        List.of(),
        GraphRepository::chunk);
  }

  /** The chunks with these ids of these datasets (search's hits), by document and position. */
  public List<Chunk> chunksByIds(Collection<String> datasetIds, Collection<String> ids) {
    return byPrimaryKey(
        CHUNKS + " WHERE id IN (<ids>) ORDER BY data_id, chunk_index",
        datasetIds,
        ids,
        GraphRepository::chunk,
        Chunk::datasetId);
  }

  public List<Chunk> chunksOfData(String dataId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(CHUNKS + " WHERE data_id = :data ORDER BY chunk_index")
                .bind("data", dataId)
                .map(GraphRepository::chunk)
                .list());
  }

  public List<ChunkSummary> summaries(Collection<String> datasetIds) {
    return listIn(
        SUMMARIES + " WHERE dataset_id IN (<datasets>) ORDER BY data_id, id",
        datasetIds,
        List.of(),
        GraphRepository::summary);
  }

  public List<ChunkSummary> summariesByIds(Collection<String> datasetIds, Collection<String> ids) {
    return byPrimaryKey(
        SUMMARIES + " WHERE id IN (<ids>)",
        datasetIds,
        ids,
        GraphRepository::summary,
        ChunkSummary::datasetId);
  }

  public List<GraphNode> nodes(Collection<String> datasetIds) {
    return listIn(
        NODES + " WHERE dataset_id IN (<datasets>) ORDER BY dataset_id, name, id",
        datasetIds,
        List.of(),
        this::node);
  }

  public List<GraphNode> nodesByIds(Collection<String> datasetIds, Collection<String> ids) {
    return listIn(
        NODES + " WHERE dataset_id IN (<datasets>) AND id IN (<ids>)", datasetIds, ids, this::node);
  }

  public List<GraphEdge> edges(Collection<String> datasetIds) {
    return listIn(
        EDGES + " WHERE dataset_id IN (<datasets>) ORDER BY dataset_id, id",
        datasetIds,
        List.of(),
        this::edge);
  }

  public List<GraphEdge> edgesByIds(Collection<String> datasetIds, Collection<String> ids) {
    return listIn(
        EDGES + " WHERE dataset_id IN (<datasets>) AND id IN (<ids>)", datasetIds, ids, this::edge);
  }

  /** Edges of these datasets that start or end at one of the nodes. */
  public List<GraphEdge> edgesTouching(Collection<String> datasetIds, Collection<String> nodeIds) {
    return listIn(
        EDGES
            + " WHERE dataset_id IN (<datasets>) AND (source_id IN (<ids>) OR target_id IN (<ids>)) ORDER BY dataset_id, id",
        datasetIds,
        nodeIds,
        this::edge);
  }

  /**
   * The edges of one dataset with an end in {@code nodeIds} that a ranking of triplets can need,
   * without reading every edge of a node that thousands of edges touch (an entity type, a frequent
   * entity): every edge between two of the nodes, every edge of {@code edgeIds} touching one of
   * them, and of the other edges with exactly one end among the nodes, the {@code perNode} lowest
   * ids at each node. Triplet search scores every edge of that last kind at a node alike and breaks
   * ties by id, so the others could never rank among its first {@code perNode}.
   */
  public List<GraphEdge> edgesToRank(
      String datasetId, Collection<String> nodeIds, Collection<String> edgeIds, int perNode) {
    if (nodeIds.isEmpty()) {
      return List.of();
    }
    List<String> nodes = List.copyOf(nodeIds);
    List<String> hits = List.copyOf(edgeIds);
    String notHit = hits.isEmpty() ? "" : " AND id NOT IN (<hits>)";
    return database.withHandle(
        handle -> {
          Map<String, GraphEdge> found = new LinkedHashMap<>();
          List<String> queries = new ArrayList<>();
          queries.add(
              EDGES
                  + " WHERE dataset_id = :dataset AND source_id IN (<nodes>) AND target_id IN"
                  + " (<nodes>)");
          if (!hits.isEmpty()) {
            queries.add(
                EDGES
                    + " WHERE dataset_id = :dataset AND id IN (<hits>) AND (source_id IN (<nodes>)"
                    + " OR target_id IN (<nodes>))");
          }
          for (String[] end :
              new String[][] {{"source_id", "target_id"}, {"target_id", "source_id"}}) {
            queries.add(
                "SELECT dataset_id, id, source_id, target_id, relationship_name, description,"
                    + " weight, properties FROM (SELECT e.*, ROW_NUMBER() OVER (PARTITION BY "
                    + end[0]
                    + " ORDER BY id) AS place FROM memory_edges e WHERE dataset_id = :dataset AND "
                    + end[0]
                    + " IN (<nodes>) AND "
                    + end[1]
                    + " NOT IN (<nodes>)"
                    + notHit
                    + ") ranked WHERE place <= :perNode");
          }
          for (String sql : queries) {
            var query = handle.createQuery(sql).bind("dataset", datasetId).bindList("nodes", nodes);
            if (sql.contains("<hits>")) {
              query.bindList("hits", hits);
            }
            if (sql.contains(":perNode")) {
              query.bind("perNode", perNode);
            }
            query.map(this::edge).forEach(edge -> found.putIfAbsent(edge.id(), edge));
          }
          return List.copyOf(found.values());
        });
  }

  /**
   * The nodes within {@code depth} hops of the seed nodes (in either direction) and the edges among
   * them.
   */
  public Subgraph neighbourhood(
      Collection<String> datasetIds, Collection<String> seedIds, int depth) {
    Set<String> reached = new LinkedHashSet<>(seedIds);
    Set<String> frontier = new LinkedHashSet<>(seedIds);
    Map<String, GraphEdge> edges = new LinkedHashMap<>();
    for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
      Set<String> next = new LinkedHashSet<>();
      for (GraphEdge edge : edgesTouching(datasetIds, frontier)) {
        edges.put(edge.datasetId() + "/" + edge.id(), edge);
        for (String end : List.of(edge.sourceId(), edge.targetId())) {
          if (reached.add(end)) {
            next.add(end);
          }
        }
      }
      frontier = next;
    }
    return new Subgraph(nodesByIds(datasetIds, reached), List.copyOf(edges.values()));
  }

  /**
   * The ids of elements of {@code kind} ({@code chunk}, {@code summary}, {@code node}, {@code
   * edge}) produced by a data item tagged with one of {@code nodeSets}.
   */
  public Set<String> idsInNodeSets(
      Collection<String> datasetIds, String kind, Collection<String> nodeSets) {
    if (datasetIds.isEmpty() || nodeSets.isEmpty()) {
      return Set.of();
    }
    return new LinkedHashSet<>(
        database.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT DISTINCT p.element_id FROM memory_provenance p JOIN"
                            + " memory_data_node_sets s ON s.data_id = p.data_id WHERE"
                            + " p.dataset_id IN (<datasets>) AND p.element_kind = :kind AND"
                            + " s.node_set IN (<sets>)")
                    .bindList("datasets", List.copyOf(datasetIds))
                    .bind("kind", kind)
                    .bindList("sets", List.copyOf(nodeSets))
                    .mapTo(String.class)
                    .list()));
  }

  /** The data items that produced an element of {@code kind}. */
  public List<String> sourcesOf(String datasetId, String kind, String elementId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT data_id FROM memory_provenance WHERE dataset_id = :dataset AND"
                        + " element_kind = :kind AND element_id = :element ORDER BY data_id")
                .bind("dataset", datasetId)
                .bind("kind", kind)
                .bind("element", elementId)
                .mapTo(String.class)
                .list());
  }

  public long countNodes(String datasetId) {
    return count("SELECT COUNT(*) FROM memory_nodes WHERE dataset_id = :dataset", datasetId);
  }

  public long countEdges(String datasetId) {
    return count("SELECT COUNT(*) FROM memory_edges WHERE dataset_id = :dataset", datasetId);
  }

  public long countChunks(String datasetId) {
    return count("SELECT COUNT(*) FROM memory_chunks WHERE dataset_id = :dataset", datasetId);
  }

  /** Whether the dataset has any chunk: an index probe, where a count reads every chunk row. */
  public boolean hasChunks(String datasetId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT id FROM memory_chunks WHERE dataset_id = :dataset LIMIT 1")
                .bind("dataset", datasetId)
                .mapTo(String.class)
                .findOne()
                .isPresent());
  }

  private long count(String sql, String datasetId) {
    return database.withHandle(
        handle -> handle.createQuery(sql).bind("dataset", datasetId).mapTo(Long.class).one());
  }

  /**
   * The rows of {@code sql} (a lookup of {@code <ids>} by a table's own primary key), those of
   * other datasets left out here rather than in the SQL: with {@code dataset_id IN (...)} beside
   * the ids, SQLite (no statistics) picks the dataset index for ten ids or more and reads every row
   * of the dataset, which made each CHUNKS search linear in the corpus.
   */
  private <T> List<T> byPrimaryKey(
      String sql,
      Collection<String> datasetIds,
      Collection<String> ids,
      org.jdbi.v3.core.mapper.RowMapper<T> mapper,
      Function<T, String> datasetOf) {
    if (datasetIds.isEmpty() || ids.isEmpty()) {
      return List.of();
    }
    Set<String> datasets = Set.copyOf(datasetIds);
    return database
        .withHandle(
            handle -> handle.createQuery(sql).bindList("ids", List.copyOf(ids)).map(mapper).list())
        .stream()
        .filter(row -> datasets.contains(datasetOf.apply(row)))
        .toList();
  }

  private <T> List<T> listIn(
      String sql,
      Collection<String> datasetIds,
      Collection<String> ids,
      org.jdbi.v3.core.mapper.RowMapper<T> mapper) {
    if (datasetIds.isEmpty() || (sql.contains("<ids>") && ids.isEmpty())) {
      return List.of();
    }
    return database.withHandle(
        handle -> {
          var query = handle.createQuery(sql).bindList("datasets", List.copyOf(datasetIds));
          if (sql.contains("<ids>")) {
            query.bindList("ids", List.copyOf(ids));
          }
          return query.map(mapper).list();
        });
  }

  private static Chunk chunk(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Chunk(
        rs.getString("id"),
        rs.getString("dataset_id"),
        rs.getString("data_id"),
        rs.getInt("chunk_index"),
        rs.getString("text"),
        rs.getInt("token_count"));
  }

  private static ChunkSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ChunkSummary(
        rs.getString("id"),
        rs.getString("dataset_id"),
        rs.getString("chunk_id"),
        rs.getString("data_id"),
        rs.getString("text"));
  }

  private GraphNode node(ResultSet rs, StatementContext ctx) throws SQLException {
    return new GraphNode(
        rs.getString("dataset_id"),
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("type"),
        rs.getString("description"),
        json.readObject(rs.getString("properties")));
  }

  private GraphEdge edge(ResultSet rs, StatementContext ctx) throws SQLException {
    return new GraphEdge(
        rs.getString("dataset_id"),
        rs.getString("id"),
        rs.getString("source_id"),
        rs.getString("target_id"),
        rs.getString("relationship_name"),
        rs.getString("description"),
        rs.getDouble("weight"),
        json.readObject(rs.getString("properties")));
  }

  /** What cognify derived from one data item. */
  record Derived(
      List<Chunk> chunks,
      List<ChunkSummary> summaries,
      List<GraphNode> nodes,
      List<GraphEdge> edges) {
    Derived {
      chunks = List.copyOf(chunks);
      summaries = List.copyOf(summaries);
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
    }
  }
}
