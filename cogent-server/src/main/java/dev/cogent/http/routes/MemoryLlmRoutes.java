package dev.cogent.http.routes;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.http.Authentication;
import dev.cogent.http.Requests;
import dev.cogent.memory.LlmUtilities;
import dev.cogent.memory.Upload;
import dev.cogent.memory.ingest.DocumentType;
import dev.cogent.memory.ingest.TextExtractor;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /api/v1/llm/infer-schema} (multipart {@code data} files, {@code text}, {@code
 * parameters} as JSON text; or JSON) and {@code POST /api/v1/llm/custom-prompt}. camelCase answers,
 * as the anchor.
 */
public final class MemoryLlmRoutes {

  private final LlmUtilities utilities;
  private final Authentication authentication;
  private final Requests requests;
  private final Json json;
  private final TextExtractor texts = new TextExtractor();

  public MemoryLlmRoutes(
      LlmUtilities utilities, Authentication authentication, Requests requests, Json json) {
    this.utilities = utilities;
    this.authentication = authentication;
    this.requests = requests;
    this.json = json;
  }

  record InferJson(
      @JsonProperty("text") String text, @JsonProperty("parameters") JsonNode parameters) {}

  record PromptJson(
      @JsonProperty("graph_model") @JsonAlias("graphModel") JsonNode graphModel,
      @JsonProperty("parameters") JsonNode parameters) {}

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/llm/infer-schema", this::inferSchema);
    routes.post("/api/v1/llm/custom-prompt", this::customPrompt);
  }

  private void inferSchema(Context ctx) {
    authentication.principal(ctx);
    StringBuilder sample = new StringBuilder();
    JsonNode parameters;
    if (MemoryOperationRoutes.isMultipart(ctx)) {
      for (Upload upload : MemoryOperationRoutes.uploads(ctx)) {
        DocumentType type =
            DocumentType.detect(upload.fileName(), upload.contentType())
                .orElseThrow(
                    () -> ApiException.badRequest("Unsupported file: " + upload.fileName()));
        sample.append(texts.extract(type, upload.bytes())).append("\n\n");
      }
      String text = ctx.formParam("text");
      if (text != null) {
        sample.append(text);
      }
      String raw = ctx.formParam("parameters");
      try {
        parameters = raw == null || raw.isBlank() ? null : json.mapper().readTree(raw);
      } catch (IOException e) {
        throw ApiException.invalid("parameters", "is not valid JSON");
      }
    } else {
      InferJson body = requests.body(ctx, InferJson.class);
      if (body.text() != null) {
        sample.append(body.text());
      }
      parameters = body.parameters();
    }
    ctx.json(
        Map.of(
            "graphSchema",
            utilities.inferSchema(
                sample.toString().strip(),
                LlmUtilities.Parameters.parse(parameters),
                requests.scope(ctx))));
  }

  private void customPrompt(Context ctx) {
    authentication.principal(ctx);
    PromptJson body = requests.body(ctx, PromptJson.class);
    ctx.json(
        Map.of(
            "customPrompt",
            utilities.customPrompt(
                body.graphModel(),
                LlmUtilities.Parameters.parse(body.parameters()),
                requests.scope(ctx))));
  }
}
