package dev.cogent.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.identity.Permission;
import dev.cogent.identity.Principal;
import dev.cogent.memory.index.IndexCollection;
import dev.cogent.store.Database;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Hand edits of a dataset's knowledge graph in the shape of the reference MCP memory server
 * ({@code @modelcontextprotocol/server-memory}): entities with observations, relations, reads and
 * searches. They work on the same tables cognify fills: an entity is the node cognify would make of
 * that name and type ({@link GraphIds}), with its {@code EntityType} node and {@code is_a} edge,
 * observations are the node property {@code observations}, and what is added is indexed like
 * cognify's output so that search finds it.
 *
 * <p>Provenance: every element added here is claimed by one pseudo data item per dataset ({@link
 * #editsDataId}), so forgetting a document keeps what was also added by hand, and forgetting the
 * dataset (or its memory) removes it. Deletes remove an element whoever produced it.
 *
 * <p>Datasets are named among the caller's own ({@code create}/{@code add} create the dataset when
 * missing and need {@code write}; deletes need {@code delete}; reads need {@code read} and see an
 * empty graph for a dataset that does not exist). Thread-safe.
 */
public final class GraphEdits {

  /** The dataset {@code remember} and the agents' tools use when none is named (the anchor's). */
  public static final String DEFAULT_DATASET = "main_dataset";

  static final String OBSERVATIONS = "observations";
  static final String ENTITY_TYPE = "EntityType";
  static final String IS_A = "is_a";

  private final MemoryStorage storage;
  private final GraphEditRepository edits;
  private final DatasetResolver resolver;
  private final DatasetService datasets;
  private final Cognify cognify;
  private final InstantSource clock;

  public GraphEdits(
      Database database,
      Json json,
      MemoryStorage storage,
      DatasetResolver resolver,
      DatasetService datasets,
      Cognify cognify,
      InstantSource clock) {
    this.storage = storage;
    this.edits = new GraphEditRepository(database, json);
    this.resolver = resolver;
    this.datasets = datasets;
    this.cognify = cognify;
    this.clock = clock;
  }

  /** An entity as the reference memory server shows it; {@code description} is cognify's. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entity(
      @JsonProperty("name") String name,
      @JsonProperty("entityType") String entityType,
      @JsonProperty("observations") List<String> observations,
      @JsonProperty("description") String description) {
    public Entity {
      if (name == null || name.isBlank()) {
        throw ApiException.invalid("name", "is required");
      }
      entityType = entityType == null || entityType.isBlank() ? "Entity" : entityType.strip();
      observations = observations == null ? List.of() : List.copyOf(observations);
    }
  }

  /** A directed relation between two entities, named in the active voice. */
  public record Relation(
      @JsonProperty("from") String from,
      @JsonProperty("to") String to,
      @JsonProperty("relationType") String relationType) {
    public Relation {
      if (from == null || from.isBlank() || to == null || to.isBlank()) {
        throw ApiException.invalid("from/to", "name two entities");
      }
      if (relationType == null || relationType.isBlank()) {
        throw ApiException.invalid("relationType", "is required");
      }
    }
  }

  /** Observations of one entity, to add or to delete. */
  public record Observations(
      @JsonProperty("entityName") String entityName,
      @JsonProperty("observations") List<String> observations) {
    public Observations {
      observations = observations == null ? List.of() : List.copyOf(observations);
    }
  }

  /** A graph or a part of it. */
  public record EntityGraph(
      @JsonProperty("entities") List<Entity> entities,
      @JsonProperty("relations") List<Relation> relations) {
    public EntityGraph {
      entities = List.copyOf(entities);
      relations = List.copyOf(relations);
    }
  }

  /** The pseudo data item that claims the hand-made elements of a dataset. */
  static String editsDataId(String datasetId) {
    return UUID.nameUUIDFromBytes(("graph-edits:" + datasetId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /**
   * Creates the entities that do not exist yet (by name and type); existing ones are left as they
   * are, as the reference server does.
   *
   * @return the entities created
   */
  public List<Entity> createEntities(Principal caller, String datasetName, List<Entity> entities) {
    Dataset dataset = writable(caller, datasetName);
    Map<String, GraphNode> nodes = new LinkedHashMap<>();
    Map<String, GraphEdge> edges = new LinkedHashMap<>();
    Map<String, Entity> byId = new LinkedHashMap<>();
    for (Entity entity : entities) {
      String id = GraphIds.node(entity.name(), entity.entityType());
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put(OBSERVATIONS, distinct(entity.observations()));
      nodes.putIfAbsent(
          id,
          new GraphNode(
              dataset.id(), id, entity.name().strip(), entity.entityType(), null, properties));
      byId.putIfAbsent(id, entity);
      String typeId = GraphIds.node(entity.entityType(), ENTITY_TYPE);
      nodes.putIfAbsent(
          typeId,
          new GraphNode(dataset.id(), typeId, entity.entityType(), ENTITY_TYPE, null, Map.of()));
      String isA = GraphIds.edge(id, IS_A, typeId);
      edges.putIfAbsent(
          isA, new GraphEdge(dataset.id(), isA, id, typeId, IS_A, null, 1.0, Map.of()));
    }
    Set<String> inserted =
        new LinkedHashSet<>(
            edits.add(
                List.copyOf(nodes.values()),
                List.copyOf(edges.values()),
                editsDataId(dataset.id()),
                now()));
    Map<String, GraphNode> indexed = new LinkedHashMap<>();
    nodes.forEach(
        (id, node) -> {
          if (inserted.contains(id)) {
            indexed.put(id, node);
          }
        });
    indexNodes(dataset.id(), indexed);
    return byId.entrySet().stream()
        .filter(entry -> inserted.contains(entry.getKey()))
        .map(entry -> entity(nodes.get(entry.getKey())))
        .toList();
  }

  /**
   * Creates the relations that do not exist yet. The relation type is stored as cognify names
   * relationships (lower case, spaces as {@code _}).
   *
   * @return the relations created
   * @throws ApiException 404 when an entity a relation names does not exist
   */
  public List<Relation> createRelations(
      Principal caller, String datasetName, List<Relation> relations) {
    Dataset dataset = writable(caller, datasetName);
    Map<String, GraphNode> ends = new LinkedHashMap<>();
    Map<String, GraphEdge> edges = new LinkedHashMap<>();
    for (Relation relation : relations) {
      GraphNode from = entityNode(dataset.id(), relation.from());
      GraphNode to = entityNode(dataset.id(), relation.to());
      ends.put(from.id(), from);
      ends.put(to.id(), to);
      String name = GraphIds.normalise(relation.relationType());
      String id = GraphIds.edge(from.id(), name, to.id());
      edges.putIfAbsent(
          id, new GraphEdge(dataset.id(), id, from.id(), to.id(), name, null, 1.0, Map.of()));
    }
    Set<String> inserted =
        new LinkedHashSet<>(
            edits.add(List.of(), List.copyOf(edges.values()), editsDataId(dataset.id()), now()));
    List<GraphEdge> created =
        edges.values().stream().filter(edge -> inserted.contains(edge.id())).toList();
    storage
        .index()
        .upsert(
            dataset.id(),
            IndexCollection.TRIPLETS,
            cognify.entries(
                created.stream()
                    .map(edge -> Map.entry(edge.id(), Cognify.tripletText(edge, ends)))
                    .toList()));
    return created.stream().map(edge -> relation(edge, ends)).toList();
  }

  /**
   * Adds observations an entity does not have yet.
   *
   * @return per entity, the observations added
   * @throws ApiException 404 for an entity that does not exist
   */
  public List<Observations> addObservations(
      Principal caller, String datasetName, List<Observations> additions) {
    Dataset dataset = writable(caller, datasetName);
    List<Observations> added = new ArrayList<>();
    for (Observations addition : additions) {
      GraphNode node = entityNode(dataset.id(), addition.entityName());
      List<String> current = observations(node);
      List<String> fresh =
          distinct(addition.observations()).stream().filter(o -> !current.contains(o)).toList();
      List<String> next = new ArrayList<>(current);
      next.addAll(fresh);
      GraphNode updated = withObservations(node, next);
      edits.add(List.of(node), List.of(), editsDataId(dataset.id()), now());
      edits.updateProperties(dataset.id(), node.id(), updated.properties(), now());
      indexNodes(dataset.id(), Map.of(node.id(), updated));
      added.add(new Observations(node.name(), fresh));
    }
    return added;
  }

  /**
   * Deletes the entities with these names (every type of that name), with their relations. Names
   * that do not exist are ignored.
   *
   * @return the names of the entities deleted
   */
  public List<String> deleteEntities(Principal caller, String datasetName, List<String> names) {
    Optional<Dataset> dataset = existing(caller, datasetName, Permission.DELETE);
    if (dataset.isEmpty()) {
      return List.of();
    }
    String datasetId = dataset.get().id();
    List<String> nodeIds = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    for (String name : names) {
      for (GraphNode node : edits.findEntities(datasetId, name)) {
        nodeIds.add(node.id());
        deleted.add(node.name());
      }
    }
    List<String> edgeIds = edits.deleteNodes(datasetId, nodeIds);
    storage.index().delete(datasetId, IndexCollection.ENTITIES, nodeIds);
    storage.index().delete(datasetId, IndexCollection.TRIPLETS, edgeIds);
    return deleted.stream().distinct().toList();
  }

  /** Deletes these observations of each entity; unknown entities and observations are ignored. */
  public void deleteObservations(
      Principal caller, String datasetName, List<Observations> deletions) {
    Optional<Dataset> dataset = existing(caller, datasetName, Permission.DELETE);
    if (dataset.isEmpty()) {
      return;
    }
    String datasetId = dataset.get().id();
    for (Observations deletion : deletions) {
      for (GraphNode node : edits.findEntities(datasetId, deletion.entityName())) {
        List<String> next = new ArrayList<>(observations(node));
        if (next.removeAll(deletion.observations())) {
          GraphNode updated = withObservations(node, next);
          edits.updateProperties(datasetId, node.id(), updated.properties(), now());
          indexNodes(datasetId, Map.of(node.id(), updated));
        }
      }
    }
  }

  /**
   * Deletes these relations; ones that do not exist are ignored.
   *
   * @return the relations deleted
   */
  public List<Relation> deleteRelations(
      Principal caller, String datasetName, List<Relation> relations) {
    Optional<Dataset> dataset = existing(caller, datasetName, Permission.DELETE);
    if (dataset.isEmpty()) {
      return List.of();
    }
    String datasetId = dataset.get().id();
    List<Relation> deleted = new ArrayList<>();
    List<String> edgeIds = new ArrayList<>();
    for (Relation relation : relations) {
      String name = GraphIds.normalise(relation.relationType());
      for (GraphNode from : edits.findEntities(datasetId, relation.from())) {
        for (GraphNode to : edits.findEntities(datasetId, relation.to())) {
          String id = GraphIds.edge(from.id(), name, to.id());
          if (edits.deleteEdge(datasetId, id)) {
            edgeIds.add(id);
            deleted.add(new Relation(from.name(), to.name(), name));
          }
        }
      }
    }
    storage.index().delete(datasetId, IndexCollection.TRIPLETS, edgeIds);
    return deleted;
  }

  /** The whole graph of the dataset: entities (not entity types) and their relations. */
  public EntityGraph readGraph(Principal caller, String datasetName) {
    return graph(caller, datasetName, node -> true);
  }

  /**
   * The entities whose name, type, observations or description contain {@code query} (ignoring
   * case), with the relations among them.
   */
  public EntityGraph searchNodes(Principal caller, String datasetName, String query) {
    if (query == null || query.isBlank()) {
      throw ApiException.invalid("query", "is required");
    }
    String needle = query.strip().toLowerCase(Locale.ROOT);
    return graph(
        caller,
        datasetName,
        node -> {
          List<String> texts = new ArrayList<>(observations(node));
          texts.add(node.name());
          texts.add(node.type());
          if (node.description() != null) {
            texts.add(node.description());
          }
          return texts.stream().anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(needle));
        });
  }

  /** The entities with these names (ignoring case), with the relations among them. */
  public EntityGraph openNodes(Principal caller, String datasetName, List<String> names) {
    Set<String> wanted = new LinkedHashSet<>();
    names.forEach(name -> wanted.add(name.strip().toLowerCase(Locale.ROOT)));
    return graph(
        caller, datasetName, node -> wanted.contains(node.name().toLowerCase(Locale.ROOT)));
  }

  private EntityGraph graph(
      Principal caller, String datasetName, java.util.function.Predicate<GraphNode> keep) {
    Optional<Dataset> dataset = existing(caller, datasetName, Permission.READ);
    if (dataset.isEmpty()) {
      return new EntityGraph(List.of(), List.of());
    }
    List<String> ids = List.of(dataset.get().id());
    Map<String, GraphNode> kept = new LinkedHashMap<>();
    for (GraphNode node : storage.graph().nodes(ids)) {
      if (!node.type().equals(ENTITY_TYPE) && keep.test(node)) {
        kept.put(node.id(), node);
      }
    }
    List<Relation> relations =
        storage.graph().edges(ids).stream()
            .filter(edge -> !edge.relationshipName().equals(IS_A))
            .filter(edge -> kept.containsKey(edge.sourceId()) && kept.containsKey(edge.targetId()))
            .map(edge -> relation(edge, kept))
            .toList();
    return new EntityGraph(kept.values().stream().map(GraphEdits::entity).toList(), relations);
  }

  private Dataset writable(Principal caller, String datasetName) {
    Dataset dataset = datasets.create(caller, name(datasetName));
    return resolver.get(caller, dataset.id(), Permission.WRITE);
  }

  private Optional<Dataset> existing(Principal caller, String datasetName, Permission permission) {
    return resolver
        .findOwn(caller, name(datasetName))
        .map(dataset -> resolver.get(caller, dataset.id(), permission));
  }

  private GraphNode entityNode(String datasetId, String name) {
    List<GraphNode> found = edits.findEntities(datasetId, name);
    if (found.isEmpty()) {
      throw ApiException.notFound("entity", name);
    }
    return found.get(0);
  }

  /** Index entries as cognify makes them, the observations standing in for a description. */
  private void indexNodes(String datasetId, Map<String, GraphNode> nodes) {
    Map<String, GraphNode> entities = new LinkedHashMap<>();
    nodes.forEach(
        (id, node) -> {
          if (!node.type().equals(ENTITY_TYPE)) {
            List<String> observations = observations(node);
            String description =
                observations.isEmpty() ? node.description() : String.join("; ", observations);
            entities.put(
                id,
                new GraphNode(
                    datasetId, id, node.name(), node.type(), description, node.properties()));
          } else {
            entities.put(id, node);
          }
        });
    cognify.index(datasetId, List.of(), List.of(), entities, Map.of());
  }

  private static String name(String datasetName) {
    return datasetName == null || datasetName.isBlank() ? DEFAULT_DATASET : datasetName.strip();
  }

  private static Entity entity(GraphNode node) {
    return new Entity(node.name(), node.type(), observations(node), node.description());
  }

  private static Relation relation(GraphEdge edge, Map<String, GraphNode> nodes) {
    return new Relation(
        nodes.get(edge.sourceId()).name(),
        nodes.get(edge.targetId()).name(),
        edge.relationshipName());
  }

  private static List<String> observations(GraphNode node) {
    List<String> observations = new ArrayList<>();
    if (node.properties().get(OBSERVATIONS) instanceof List<?> list) {
      list.forEach(item -> observations.add(String.valueOf(item)));
    }
    return observations;
  }

  private static GraphNode withObservations(GraphNode node, List<String> observations) {
    Map<String, Object> properties = new LinkedHashMap<>(node.properties());
    properties.put(OBSERVATIONS, List.copyOf(observations));
    return new GraphNode(
        node.datasetId(), node.id(), node.name(), node.type(), node.description(), properties);
  }

  private static List<String> distinct(List<String> values) {
    return values.stream()
        .filter(v -> v != null && !v.isBlank())
        .map(String::strip)
        .distinct()
        .toList();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
