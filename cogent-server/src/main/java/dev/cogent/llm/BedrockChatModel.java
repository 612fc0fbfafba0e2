package dev.cogent.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.internal.InternalStreamingChatResponseHandlerUtils;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

/**
 * A Bedrock model behind LangChain4j's chat interfaces, over the AWS SDK's Converse (blocking) and
 * ConverseStream (streaming) APIs: messages, system prompt, tools, temperature and output limit go
 * out; text, tool calls, stop reason and usage come back.
 *
 * <p>Service errors become LangChain4j {@link HttpException}s with Bedrock's status and error code
 * ({@code ThrottlingException} is 429), so that {@link RetryingChatModel} treats them like every
 * other provider's; the SDK's own retries are switched off by {@link BedrockClients} so that a
 * config's {@code max_retries} is not multiplied.
 */
final class BedrockChatModel implements ChatModel, StreamingChatModel {

  private final BedrockRuntimeAsyncClient client;
  private final BedrockMessages messages;
  private final ChatRequestParameters defaults;

  BedrockChatModel(
      BedrockRuntimeAsyncClient client,
      BedrockMessages messages,
      String modelId,
      Double temperature,
      Integer maxTokens) {
    this.client = client;
    this.messages = messages;
    this.defaults =
        ChatRequestParameters.builder()
            .modelName(modelId)
            .temperature(temperature)
            .maxOutputTokens(maxTokens)
            .build();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    ConverseResponse response;
    try {
      response = client.converse(converse(request)).get();
    } catch (ExecutionException e) {
      throw failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Bedrock", e);
    }
    return ChatResponse.builder()
        .aiMessage(messages.aiMessage(response.output().message()))
        .modelName(modelId(request))
        .tokenUsage(messages.usage(response.usage()))
        .finishReason(messages.finishReason(response.stopReason()))
        .build();
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    ConverseRequest plain = converse(request);
    ConverseStreamRequest streaming =
        ConverseStreamRequest.builder()
            .modelId(plain.modelId())
            .messages(plain.messages())
            .system(plain.system())
            .inferenceConfig(plain.inferenceConfig())
            .toolConfig(plain.toolConfig())
            .build();
    Stream stream = new Stream(modelId(request), handler);
    ConverseStreamResponseHandler events =
        ConverseStreamResponseHandler.builder()
            .subscriber(
                ConverseStreamResponseHandler.Visitor.builder()
                    .onContentBlockStart(stream::start)
                    .onContentBlockDelta(stream::delta)
                    .onContentBlockStop(event -> stream.stop(event.contentBlockIndex()))
                    .onMessageStop(event -> stream.stopReason = event.stopReason())
                    .onMetadata(event -> stream.usage = messages.usage(event.usage()))
                    .build())
            .onError(stream::fail)
            .onComplete(stream::complete)
            .build();
    stream.call = client.converseStream(streaming, events);
    stream.call.whenComplete(
        (ignored, error) -> {
          if (error != null) {
            stream.fail(error);
          }
        });
  }

  private ConverseRequest converse(ChatRequest request) {
    ChatRequestParameters parameters = request.parameters();
    return ConverseRequest.builder()
        .modelId(modelId(request))
        .messages(messages.conversation(request.messages()))
        .system(messages.system(request.messages()))
        .inferenceConfig(messages.inference(parameters))
        .toolConfig(messages.tools(parameters.toolSpecifications()))
        .build();
  }

  private String modelId(ChatRequest request) {
    String name = request.parameters().modelName();
    return name == null ? defaults.modelName() : name;
  }

  /** Bedrock's errors in LangChain4j's terms, keeping the service's code and message. */
  static RuntimeException failure(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof AwsServiceException service) {
      var details = service.awsErrorDetails();
      String code = details == null ? null : details.errorCode();
      String message =
          details != null && details.errorMessage() != null
              ? details.errorMessage()
              : service.getMessage();
      HttpException mapped =
          new HttpException(service.statusCode(), code == null ? message : code + ": " + message);
      mapped.initCause(service);
      return mapped;
    }
    if (cause instanceof SdkClientException client && client.retryable()) {
      return new RetriableException(client.getMessage(), client);
    }
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
  }

  /** One ConverseStream call: assembles the answer from its events and reports it once. */
  private final class Stream implements StreamingHandle {

    private final String modelId;
    private final StreamingChatResponseHandler handler;
    private final StringBuilder text = new StringBuilder();
    private final TreeMap<Integer, ToolUse> tools = new TreeMap<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile CompletableFuture<Void> call;
    private volatile StopReason stopReason;
    private volatile TokenUsage usage;

    Stream(String modelId, StreamingChatResponseHandler handler) {
      this.modelId = modelId;
      this.handler = handler;
    }

    void start(ContentBlockStartEvent event) {
      if (event.start() != null && event.start().toolUse() != null) {
        var start = event.start().toolUse();
        tools.put(event.contentBlockIndex(), new ToolUse(start.toolUseId(), start.name()));
      }
    }

    void delta(ContentBlockDeltaEvent event) {
      var delta = event.delta();
      if (delta == null || finished.get()) {
        return;
      }
      if (delta.text() != null && !delta.text().isEmpty()) {
        text.append(delta.text());
        InternalStreamingChatResponseHandlerUtils.onPartialResponse(handler, delta.text(), this);
      } else if (delta.toolUse() != null) {
        ToolUse tool = tools.get(event.contentBlockIndex());
        if (tool != null && delta.toolUse().input() != null) {
          tool.input.append(delta.toolUse().input());
        }
      }
    }

    void stop(Integer index) {
      ToolUse tool = tools.get(index);
      if (tool != null && !finished.get()) {
        InternalStreamingChatResponseHandlerUtils.onCompleteToolCall(
            handler, new CompleteToolCall(tools.headMap(index).size(), tool.request()));
      }
    }

    void complete() {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      List<ToolExecutionRequest> calls = new ArrayList<>();
      tools.values().forEach(tool -> calls.add(tool.request()));
      ChatResponse response =
          ChatResponse.builder()
              .aiMessage(
                  AiMessage.builder()
                      .text(text.isEmpty() ? null : text.toString())
                      .toolExecutionRequests(calls)
                      .build())
              .modelName(modelId)
              .tokenUsage(usage)
              .finishReason(messages.finishReason(stopReason))
              .build();
      InternalStreamingChatResponseHandlerUtils.onCompleteResponse(handler, response);
    }

    void fail(Throwable error) {
      if (finished.compareAndSet(false, true)) {
        handler.onError(failure(error));
      }
    }

    @Override
    public void cancel() {
      finished.set(true);
      CompletableFuture<Void> running = call;
      if (running != null) {
        running.cancel(true);
      }
    }

    @Override
    public boolean isCancelled() {
      return finished.get() && call != null && call.isCancelled();
    }
  }

  private static final class ToolUse {
    private final String id;
    private final String name;
    private final StringBuilder input = new StringBuilder();

    ToolUse(String id, String name) {
      this.id = id;
      this.name = name;
    }

    ToolExecutionRequest request() {
      return ToolExecutionRequest.builder()
          .id(id)
          .name(name)
          .arguments(input.isEmpty() ? "{}" : input.toString())
          .build();
    }
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return defaults;
  }

  @Override
  public List<ChatModelListener> listeners() {
    return List.of();
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.AMAZON_BEDROCK;
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return Set.of();
  }
}
