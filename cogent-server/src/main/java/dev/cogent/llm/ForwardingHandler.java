package dev.cogent.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * Passes every callback of a streaming call on to another handler; the decorators of a model
 * ({@link RetryingChatModel}, {@link ObservedChatModel}) override the callbacks they act on.
 */
class ForwardingHandler implements StreamingChatResponseHandler {

  private final StreamingChatResponseHandler handler;

  ForwardingHandler(StreamingChatResponseHandler handler) {
    this.handler = handler;
  }

  @Override
  public void onPartialResponse(String token) {
    handler.onPartialResponse(token);
  }

  @Override
  public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
    handler.onPartialResponse(partial, context);
  }

  @Override
  public void onPartialThinking(PartialThinking thinking) {
    handler.onPartialThinking(thinking);
  }

  @Override
  public void onPartialThinking(PartialThinking thinking, PartialThinkingContext context) {
    handler.onPartialThinking(thinking, context);
  }

  @Override
  public void onPartialToolCall(PartialToolCall call) {
    handler.onPartialToolCall(call);
  }

  @Override
  public void onPartialToolCall(PartialToolCall call, PartialToolCallContext context) {
    handler.onPartialToolCall(call, context);
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall call) {
    handler.onCompleteToolCall(call);
  }

  @Override
  public void onCompleteResponse(ChatResponse response) {
    handler.onCompleteResponse(response);
  }

  @Override
  public void onError(Throwable error) {
    handler.onError(error);
  }
}
