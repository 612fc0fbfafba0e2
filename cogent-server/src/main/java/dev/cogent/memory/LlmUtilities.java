package dev.cogent.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.llm.ModelChoice;
import dev.cogent.llm.ModelResolver;
import dev.cogent.llm.ProviderType;
import dev.cogent.memory.cognify.ExtractionException;
import dev.cogent.memory.cognify.ExtractionPrompt;
import dev.cogent.memory.cognify.HeuristicExtractor;
import dev.cogent.memory.cognify.KnowledgeGraph;
import dev.cogent.memory.cognify.ModelExtractor;
import dev.cogent.scope.Scope;
import dev.cogent.tools.Cancellation;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The LLM utility endpoints (research §1.10): infer a graph schema from sample text, and write a
 * custom extraction prompt from a schema; both feed {@code cognify}'s {@code graph_model} and
 * {@code custom_prompt}. With a real provider the model writes them; with the scripted {@code mock}
 * provider or none they are derived deterministically from the heuristic extraction of the sample.
 * Thread-safe.
 */
public final class LlmUtilities {

  /** The anchor's generated prompts must say this. */
  public static final String MUST_FOLLOW =
      "You MUST follow the shape of the model, do not add any wrappers around it.";

  static final int MAX_SAMPLE = 12_000;
  static final String GAP = "\n\n[...]\n\n";

  static final String INFER_SYSTEM =
      "You design knowledge-graph schemas. From the user's sample text, infer the entity types and"
          + " the relationships worth extracting. Answer with one JSON Schema object only, with"
          + " the keys title, type, properties, required and $defs: a root object with arrays"
          + " 'nodes' and 'edges', a Node definition (id, name, type, description; type an enum"
          + " of the entity types) and an Edge definition (source_node_id, target_node_id,"
          + " relationship_name as an enum, description).";
  static final String PROMPT_SYSTEM =
      "You write system prompts for knowledge-graph extraction. Given a JSON Schema of the graph"
          + " model, write a concise prompt telling a model which entities and relationships to"
          + " extract and how to name them. Answer with the prompt only.";

  /** The model parameters the anchor lets a caller set; others are dropped. */
  public record Parameters(Double temperature, Integer maxTokens, Double topP, Integer seed) {

    public static final Parameters NONE = new Parameters(null, null, null, null);

    /**
     * @throws ApiException 422 when {@code parameters} is not a JSON object of numbers
     */
    public static Parameters parse(JsonNode parameters) {
      if (parameters == null || parameters.isNull()) {
        return NONE;
      }
      if (!parameters.isObject()) {
        throw ApiException.invalid("parameters", "must be a JSON object");
      }
      return new Parameters(
          number(parameters, "temperature") == null
              ? null
              : number(parameters, "temperature").doubleValue(),
          number(parameters, "max_tokens") == null
              ? null
              : number(parameters, "max_tokens").intValue(),
          number(parameters, "top_p") == null ? null : number(parameters, "top_p").doubleValue(),
          number(parameters, "seed") == null ? null : number(parameters, "seed").intValue());
    }

    private static Number number(JsonNode parameters, String key) {
      JsonNode value = parameters.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isNumber()) {
        throw ApiException.invalid("parameters." + key, "must be a number");
      }
      return value.numberValue();
    }
  }

  private final ModelResolver models;
  private final Json json;
  private final Duration timeout;
  private final HeuristicExtractor heuristic = new HeuristicExtractor();

  public LlmUtilities(ModelResolver models, Json json, Duration timeout) {
    this.models = models;
    this.json = json;
    this.timeout = timeout;
  }

  /**
   * A graph schema for the sample.
   *
   * @throws ApiException 400 for an empty sample, 422 when the model's answer is no JSON Schema
   */
  public ObjectNode inferSchema(String sample, Parameters parameters, Scope scope) {
    if (sample == null || sample.isBlank()) {
      throw ApiException.badRequest("Provide text or files to infer a schema from");
    }
    String text = sampled(sample);
    Optional<ModelChoice> model = usableModel(scope);
    if (model.isEmpty()) {
      return heuristicSchema(text);
    }
    String answer = ask(model.get(), INFER_SYSTEM, text, parameters, ResponseFormat.JSON);
    JsonNode schema;
    try {
      int start = answer.indexOf('{');
      schema = json.mapper().readTree(start < 0 ? answer : answer.substring(start));
    } catch (java.io.IOException e) {
      throw ApiException.invalid("graphSchema", "the model's answer is not JSON");
    }
    if (schema == null || !schema.isObject() || !schema.path("properties").isObject()) {
      throw ApiException.invalid("graphSchema", "the model's answer is not a JSON Schema object");
    }
    return (ObjectNode) schema;
  }

  /**
   * An extraction prompt for the graph model; it always ends with {@link #MUST_FOLLOW}.
   *
   * @throws ApiException 400 without a graph model
   */
  public String customPrompt(JsonNode graphModel, Parameters parameters, Scope scope) {
    if (graphModel == null || !graphModel.isObject() || graphModel.isEmpty()) {
      throw ApiException.badRequest("graph_model must be a JSON Schema object");
    }
    Optional<ModelChoice> model = usableModel(scope);
    String prompt =
        model.isEmpty()
            ? templatePrompt(graphModel)
            : ask(model.get(), PROMPT_SYSTEM, json.write(graphModel), parameters, null).strip();
    return prompt.contains(MUST_FOLLOW) ? prompt : prompt + "\n\n" + MUST_FOLLOW;
  }

  /** The begin, middle and end of a long sample, as the anchor samples it. */
  static String sampled(String text) {
    if (text.length() <= MAX_SAMPLE) {
      return text;
    }
    int part = (MAX_SAMPLE - 2 * GAP.length()) / 3;
    int middle = text.length() / 2 - part / 2;
    return text.substring(0, part)
        + GAP
        + text.substring(middle, middle + part)
        + GAP
        + text.substring(text.length() - part);
  }

  /** A configured model, unless it is the scripted mock (which cannot write schemas). */
  private Optional<ModelChoice> usableModel(Scope scope) {
    return models.chooseDefault(scope).filter(choice -> choice.type() != ProviderType.MOCK);
  }

  private String ask(
      ModelChoice choice,
      String system,
      String user,
      Parameters parameters,
      ResponseFormat format) {
    ChatRequestParameters chatParameters =
        choice.type() == ProviderType.OPENAI || choice.type() == ProviderType.OPENAI_COMPATIBLE
            ? OpenAiChatRequestParameters.builder()
                .seed(parameters.seed())
                .temperature(parameters.temperature())
                .topP(parameters.topP())
                .maxOutputTokens(parameters.maxTokens())
                .responseFormat(format)
                .build()
            : DefaultChatRequestParameters.builder()
                .temperature(parameters.temperature())
                .topP(parameters.topP())
                .maxOutputTokens(parameters.maxTokens())
                .responseFormat(format)
                .build();
    ChatRequest request =
        ChatRequest.builder()
            .messages(List.of(SystemMessage.from(system), UserMessage.from(user)))
            .parameters(chatParameters)
            .build();
    try {
      return ModelExtractor.complete(models.open(choice, NEVER), request, timeout);
    } catch (ExtractionException e) {
      throw ApiException.badRequest("The model could not answer: " + e.getMessage());
    }
  }

  private ObjectNode heuristicSchema(String text) {
    TreeSet<String> types = new TreeSet<>();
    TreeSet<String> relationships = new TreeSet<>();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      KnowledgeGraph graph = heuristic.extract(paragraph, ExtractionPrompt.DEFAULT);
      graph.nodes().forEach(n -> types.add(n.type()));
      graph.edges().forEach(e -> relationships.add(e.relationshipName()));
    }
    ObjectNode schema = json.mapper().createObjectNode();
    schema.put("title", "KnowledgeGraph");
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties
        .putObject("nodes")
        .put("type", "array")
        .putObject("items")
        .put("$ref", "#/$defs/Node");
    properties
        .putObject("edges")
        .put("type", "array")
        .putObject("items")
        .put("$ref", "#/$defs/Edge");
    schema.putArray("required").add("nodes").add("edges");
    ObjectNode defs = schema.putObject("$defs");
    ObjectNode node = object(defs.putObject("Node"), "id", "name", "type", "description");
    enumOf((ObjectNode) node.path("properties").path("type"), types);
    node.putArray("required").add("id").add("name").add("type");
    ObjectNode edge =
        object(
            defs.putObject("Edge"),
            "source_node_id",
            "target_node_id",
            "relationship_name",
            "description");
    enumOf((ObjectNode) edge.path("properties").path("relationship_name"), relationships);
    edge.putArray("required").add("source_node_id").add("target_node_id").add("relationship_name");
    return schema;
  }

  private static ObjectNode object(ObjectNode target, String... stringProperties) {
    target.put("type", "object");
    ObjectNode properties = target.putObject("properties");
    for (String name : stringProperties) {
      properties.putObject(name).put("type", "string");
    }
    return target;
  }

  private static void enumOf(ObjectNode property, TreeSet<String> values) {
    if (!values.isEmpty()) {
      ArrayNode list = property.putArray("enum");
      values.forEach(list::add);
    }
  }

  /** A prompt naming the node types and relationships the schema allows. */
  private static String templatePrompt(JsonNode graphModel) {
    String title = graphModel.path("title").asText("KnowledgeGraph");
    List<String> types = values(graphModel.at("/$defs/Node/properties/type/enum"));
    List<String> relationships =
        values(graphModel.at("/$defs/Edge/properties/relationship_name/enum"));
    StringBuilder prompt =
        new StringBuilder("You extract a knowledge graph of the shape '")
            .append(title)
            .append("' from the user's text. Every node has an id, a name, a type and a short")
            .append(" description; refer to the same entity by the same id throughout.");
    if (!types.isEmpty()) {
      prompt.append(" Node types: ").append(String.join(", ", types)).append('.');
    }
    if (!relationships.isEmpty()) {
      prompt.append(" Relationships: ").append(String.join(", ", relationships)).append('.');
    }
    return prompt.append(" Answer with JSON that validates against the graph model.").toString();
  }

  private static List<String> values(JsonNode array) {
    List<String> values = new java.util.ArrayList<>();
    if (array.isArray()) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  private static final Cancellation NEVER =
      new Cancellation() {
        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public Registration onCancel(Runnable action) {
          return () -> {};
        }
      };
}
