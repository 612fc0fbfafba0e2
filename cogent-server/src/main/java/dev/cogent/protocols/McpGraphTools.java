package dev.cogent.protocols;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.memory.GraphEdits;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.Map;

/**
 * The knowledge-graph tools of the MCP endpoint, with the names, arguments and answers of the
 * reference {@code @modelcontextprotocol/server-memory} server, so that clients and prompts written
 * for it work. They edit the same graph cognify builds ({@link GraphEdits}); each takes an optional
 * {@code dataset_name} (default {@value GraphEdits#DEFAULT_DATASET}).
 */
final class McpGraphTools {

  private static final String DATASET =
      "\"dataset_name\": {\"type\": \"string\", \"description\": \"One of your datasets (default "
          + GraphEdits.DEFAULT_DATASET
          + ").\"}";

  private static final String ENTITY_NAMES =
      "{\"type\": \"array\", \"items\": {\"type\": \"string\"}}";

  private static final String RELATIONS =
      """
      {"type": "array", "items": {"type": "object", "properties": {
        "from": {"type": "string", "description": "Name of the entity the relation starts at."},
        "to": {"type": "string", "description": "Name of the entity the relation ends at."},
        "relationType": {"type": "string", "description": "The relation, in the active voice (works_at)."}},
       "required": ["from", "to", "relationType"], "additionalProperties": false}}
      """;

  private static final String OBSERVATIONS =
      """
      {"type": "array", "items": {"type": "object", "properties": {
        "entityName": {"type": "string"},
        "contents": {"type": "array", "items": {"type": "string"}}},
       "required": ["entityName", "contents"], "additionalProperties": false}}
      """;

  private static final String DELETIONS =
      """
      {"type": "array", "items": {"type": "object", "properties": {
        "entityName": {"type": "string"},
        "observations": {"type": "array", "items": {"type": "string"}}},
       "required": ["entityName", "observations"], "additionalProperties": false}}
      """;

  private final GraphEdits graph;
  private final McpResults results;

  McpGraphTools(GraphEdits graph, McpResults results) {
    this.graph = graph;
    this.results = results;
  }

  record EntitiesArguments(
      @JsonProperty("entities") List<GraphEdits.Entity> entities,
      @JsonProperty("dataset_name") String datasetName) {}

  record RelationsArguments(
      @JsonProperty("relations") List<GraphEdits.Relation> relations,
      @JsonProperty("dataset_name") String datasetName) {}

  record Addition(
      @JsonProperty("entityName") String entityName,
      @JsonProperty("contents") List<String> contents) {}

  record AdditionsArguments(
      @JsonProperty("observations") List<Addition> observations,
      @JsonProperty("dataset_name") String datasetName) {}

  record DeletionsArguments(
      @JsonProperty("deletions") List<GraphEdits.Observations> deletions,
      @JsonProperty("dataset_name") String datasetName) {}

  record NamesArguments(
      @JsonProperty("entityNames") List<String> entityNames,
      @JsonProperty("names") List<String> names,
      @JsonProperty("dataset_name") String datasetName) {}

  record QueryArguments(
      @JsonProperty("query") String query, @JsonProperty("dataset_name") String datasetName) {}

  record DatasetArguments(@JsonProperty("dataset_name") String datasetName) {}

  List<SyncToolSpecification> all() {
    return List.of(
        results.tool(
            "create_entities",
            "Create entities in the knowledge graph, each with a name, an entityType and"
                + " observations (facts about it). An entity of the same name and type that exists"
                + " already is left as it is. Returns the entities created.",
            schema(
                "\"entities\": {\"type\": \"array\", \"items\": {\"type\": \"object\","
                    + " \"properties\": {\"name\": {\"type\": \"string\"}, \"entityType\":"
                    + " {\"type\": \"string\"}, \"observations\": {\"type\": \"array\", \"items\":"
                    + " {\"type\": \"string\"}}}, \"required\": [\"name\", \"entityType\","
                    + " \"observations\"], \"additionalProperties\": false}}",
                "entities"),
            (caller, arguments) -> {
              EntitiesArguments request = results.arguments(arguments, EntitiesArguments.class);
              return results.json(
                  graph.createEntities(
                      caller.principal(), request.datasetName(), list(request.entities())));
            }),
        results.tool(
            "create_relations",
            "Create relations between entities that exist, in the active voice (Alice works_at"
                + " Acme). Relations that exist already are skipped. Returns the relations"
                + " created.",
            schema("\"relations\": " + RELATIONS, "relations"),
            (caller, arguments) -> {
              RelationsArguments request = results.arguments(arguments, RelationsArguments.class);
              return results.json(
                  graph.createRelations(
                      caller.principal(), request.datasetName(), list(request.relations())));
            }),
        results.tool(
            "add_observations",
            "Add observations (facts) to entities that exist. Returns, per entity, the"
                + " observations that were new.",
            schema("\"observations\": " + OBSERVATIONS, "observations"),
            (caller, arguments) -> {
              AdditionsArguments request = results.arguments(arguments, AdditionsArguments.class);
              List<GraphEdits.Observations> added =
                  graph.addObservations(
                      caller.principal(),
                      request.datasetName(),
                      list(request.observations()).stream()
                          .map(a -> new GraphEdits.Observations(a.entityName(), a.contents()))
                          .toList());
              return results.json(
                  added.stream()
                      .map(
                          a ->
                              Map.of(
                                  "entityName", a.entityName(),
                                  "addedObservations", a.observations()))
                      .toList());
            }),
        results.tool(
            "delete_entities",
            "Delete entities by name, with every relation that touches them. Unknown names are"
                + " ignored.",
            schema("\"entityNames\": " + ENTITY_NAMES, "entityNames"),
            (caller, arguments) -> {
              NamesArguments request = results.arguments(arguments, NamesArguments.class);
              List<String> deleted =
                  graph.deleteEntities(
                      caller.principal(), request.datasetName(), list(request.entityNames()));
              return results.text("Entities deleted: " + deleted.size() + " " + deleted);
            }),
        results.tool(
            "delete_observations",
            "Delete observations from entities. Unknown entities or observations are ignored.",
            schema("\"deletions\": " + DELETIONS, "deletions"),
            (caller, arguments) -> {
              DeletionsArguments request = results.arguments(arguments, DeletionsArguments.class);
              graph.deleteObservations(
                  caller.principal(), request.datasetName(), list(request.deletions()));
              return results.text("Observations deleted successfully");
            }),
        results.tool(
            "delete_relations",
            "Delete relations. Relations that do not exist are ignored. Returns the relations"
                + " deleted.",
            schema("\"relations\": " + RELATIONS, "relations"),
            (caller, arguments) -> {
              RelationsArguments request = results.arguments(arguments, RelationsArguments.class);
              return results.json(
                  graph.deleteRelations(
                      caller.principal(), request.datasetName(), list(request.relations())));
            }),
        results.tool(
            "read_graph",
            "Read the whole knowledge graph of a dataset: its entities (name, entityType,"
                + " observations, and the description extraction gave it) and relations, also"
                + " those cognify extracted from documents.",
            schema(null),
            (caller, arguments) -> {
              DatasetArguments request = results.arguments(arguments, DatasetArguments.class);
              return results.json(graph.readGraph(caller.principal(), request.datasetName()));
            }),
        results.tool(
            "search_nodes",
            "Find entities whose name, type, observations or description contain the query"
                + " (ignoring case), with the relations among them.",
            schema(
                "\"query\": {\"type\": \"string\", \"description\": \"Text to look for.\"}",
                "query"),
            (caller, arguments) -> {
              QueryArguments request = results.arguments(arguments, QueryArguments.class);
              return results.json(
                  graph.searchNodes(caller.principal(), request.datasetName(), request.query()));
            }),
        results.tool(
            "open_nodes",
            "Read entities by name (ignoring case), with the relations among them.",
            schema("\"names\": " + ENTITY_NAMES, "names"),
            (caller, arguments) -> {
              NamesArguments request = results.arguments(arguments, NamesArguments.class);
              return results.json(
                  graph.openNodes(
                      caller.principal(), request.datasetName(), list(request.names())));
            }));
  }

  /** An object schema of one property (or none) and {@code dataset_name}. */
  private static String schema(String property, String... required) {
    String properties = property == null ? DATASET : property + ", " + DATASET;
    String names =
        String.join(", ", java.util.Arrays.stream(required).map(r -> "\"" + r + "\"").toList());
    return "{\"type\": \"object\", \"properties\": {"
        + properties
        + "}, \"required\": ["
        + names
        + "], \"additionalProperties\": false}";
  }

  private static <T> List<T> list(List<T> values) {
    if (values == null) {
      throw dev.cogent.ApiException.invalid("arguments", "a required list is missing");
    }
    return values;
  }
}
