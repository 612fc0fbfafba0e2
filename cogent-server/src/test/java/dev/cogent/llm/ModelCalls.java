package dev.cogent.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Requests and a blocking streaming call, shared by the provider client tests. */
final class ModelCalls {

  private ModelCalls() {}

  /** What a streaming call produced. */
  record Outcome(List<String> tokens, ChatResponse response) {}

  static Outcome call(StreamingChatModel model, ChatRequest request) throws Exception {
    List<String> tokens = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    model.chat(
        request,
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String token) {
            tokens.add(token);
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });
    return new Outcome(tokens, done.get(20, TimeUnit.SECONDS));
  }

  static ChatRequest hello(String model) {
    return ChatRequest.builder().messages(List.of(UserMessage.from("Hi"))).modelName(model).build();
  }

  static ToolSpecification lsTool() {
    return ToolSpecification.builder()
        .name("ls")
        .description("Lists a folder")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("path", "the folder")
                .required("path")
                .build())
        .build();
  }

  static ChatRequest withTool(String model) {
    return ChatRequest.builder()
        .messages(List.of(UserMessage.from("List the files")))
        .modelName(model)
        .toolSpecifications(lsTool())
        .build();
  }
}
