package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user message: the {@code content} and optionally a model override for this message, the parent
 * message and a callback URL that gets one POST when the run ends. Null fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageRequest(
    @JsonProperty("content") String content,
    @JsonProperty("model") String model,
    @JsonProperty("parent_id") String parentId,
    @JsonProperty("callback_url") String callbackUrl) {

  public MessageRequest {
    if (content == null || content.isEmpty()) {
      throw new IllegalArgumentException("content must not be empty");
    }
  }

  public static MessageRequest of(String content) {
    return new MessageRequest(content, null, null, null);
  }
}
