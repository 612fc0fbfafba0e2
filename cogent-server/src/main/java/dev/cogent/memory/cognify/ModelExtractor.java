package dev.cogent.memory.cognify;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cogent.Json;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Extraction and summaries by a chat model: the model is asked for JSON in the {@link
 * KnowledgeGraph} shape (or the dataset's graph schema) and its answer is parsed; an answer that is
 * no such JSON fails the data item. Thread-safe: each call opens its own model.
 */
public final class ModelExtractor implements GraphExtractor {

  static final String DEFAULT_PROMPT =
      "You are building a knowledge graph. Extract the entities (people, organizations, places,"
          + " concepts, dates as YYYY-MM-DD) and the relations between them from the user's text."
          + " Use basic node types such as Person, Organization, Location, Concept, Event."
          + " Every node has a human-readable id, a name, a type and a one-sentence description."
          + " Relationship names are snake_case verbs (works_at, located_in). Refer to the same"
          + " entity by the same id throughout.";
  static final String SHAPE =
      "Answer with JSON only, no prose and no code fence, in this shape: {\"nodes\": [{\"id\","
          + " \"name\", \"type\", \"description\"}], \"edges\": [{\"source_node_id\","
          + " \"target_node_id\", \"relationship_name\", \"description\"}]}.";

  /** The structured output a model is asked for: the {@link KnowledgeGraph} shape. */
  static final ResponseFormat GRAPH_FORMAT =
      ResponseFormat.builder()
          .type(ResponseFormatType.JSON)
          .jsonSchema(
              JsonSchema.builder()
                  .name("KnowledgeGraph")
                  .rootElement(
                      JsonObjectSchema.builder()
                          .addProperty(
                              "nodes",
                              JsonArraySchema.builder()
                                  .items(
                                      JsonObjectSchema.builder()
                                          .addStringProperty("id")
                                          .addStringProperty("name")
                                          .addStringProperty("type")
                                          .addStringProperty("description")
                                          .required("id", "name", "type", "description")
                                          .additionalProperties(false)
                                          .build())
                                  .build())
                          .addProperty(
                              "edges",
                              JsonArraySchema.builder()
                                  .items(
                                      JsonObjectSchema.builder()
                                          .addStringProperty("source_node_id")
                                          .addStringProperty("target_node_id")
                                          .addStringProperty("relationship_name")
                                          .addStringProperty("description")
                                          .required(
                                              "source_node_id",
                                              "target_node_id",
                                              "relationship_name",
                                              "description")
                                          .additionalProperties(false)
                                          .build())
                                  .build())
                          .required("nodes", "edges")
                          .additionalProperties(false)
                          .build())
                  .build())
          .build();

  static final String SUMMARY_PROMPT =
      "Summarize the user's text in at most three short factual sentences. Answer with the"
          + " summary only.";

  private final Supplier<StreamingChatModel> models;
  private final String name;
  private final Json json;
  private final Duration timeout;

  /**
   * @param models opens a model for one call
   * @param name how runs name it, {@code model:<provider>/<model>}
   */
  public ModelExtractor(
      Supplier<StreamingChatModel> models, String name, Json json, Duration timeout) {
    this.models = models;
    this.name = name;
    this.json = json;
    this.timeout = timeout;
  }

  @Override
  public KnowledgeGraph extract(String text, ExtractionPrompt prompt) {
    String system = prompt.customPrompt() == null ? DEFAULT_PROMPT : prompt.customPrompt();
    String shape =
        prompt.graphSchema() == null
            ? SHAPE
            : "Answer with JSON only that validates against this JSON Schema: "
                + prompt.graphSchema();
    ChatRequest request =
        ChatRequest.builder()
            .messages(List.of(SystemMessage.from(system + "\n\n" + shape), UserMessage.from(text)))
            .responseFormat(prompt.graphSchema() == null ? GRAPH_FORMAT : ResponseFormat.JSON)
            .build();
    return parse(complete(models.get(), request, timeout));
  }

  @Override
  public String summarize(String text) {
    return ask(SUMMARY_PROMPT, text).strip();
  }

  @Override
  public String name() {
    return name;
  }

  KnowledgeGraph parse(String answer) {
    int start = answer.indexOf('{');
    int end = answer.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw new ExtractionException("The model's answer is not a JSON object");
    }
    try {
      return json.mapper().readValue(answer.substring(start, end + 1), KnowledgeGraph.class);
    } catch (JsonProcessingException e) {
      throw new ExtractionException(
          "The model's answer is not a knowledge graph: " + e.getOriginalMessage());
    }
  }

  /** Asks the model and waits for its whole answer. */
  public String ask(String system, String user) {
    List<ChatMessage> messages = List.of(SystemMessage.from(system), UserMessage.from(user));
    return complete(models.get(), ChatRequest.builder().messages(messages).build(), timeout);
  }

  /**
   * Sends one request and waits for the whole answer.
   *
   * @throws ExtractionException when the model fails, is interrupted or does not answer in time
   */
  public static String complete(StreamingChatModel model, ChatRequest request, Duration timeout) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    model.chat(
        request,
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String partial) {}

          @Override
          public void onCompleteResponse(ChatResponse response) {
            answer.complete(response.aiMessage().text() == null ? "" : response.aiMessage().text());
          }

          @Override
          public void onError(Throwable error) {
            answer.completeExceptionally(error);
          }
        });
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtractionException("Interrupted while waiting for the model");
    } catch (ExecutionException e) {
      throw new ExtractionException("The model failed: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new ExtractionException(
          "The model did not answer within " + timeout.toSeconds() + " s");
    }
  }
}
