package dev.cogent.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * The translation between LangChain4j's chat types and Bedrock's Converse API: messages (with
 * consecutive same-role turns merged, as Converse requires alternating roles), the system prompt,
 * tool specifications as JSON schemas, inference settings, and back stop reasons, usage and tool
 * calls. JSON travels as the SDK's {@link Document}.
 */
final class BedrockMessages {

  private final ObjectMapper json;

  BedrockMessages(ObjectMapper json) {
    this.json = json;
  }

  List<SystemContentBlock> system(List<ChatMessage> messages) {
    return messages.stream()
        .filter(SystemMessage.class::isInstance)
        .map(message -> SystemContentBlock.fromText(((SystemMessage) message).text()))
        .toList();
  }

  List<Message> conversation(List<ChatMessage> messages) {
    List<Message> turns = new ArrayList<>();
    ConversationRole role = null;
    List<ContentBlock> blocks = new ArrayList<>();
    for (ChatMessage message : messages) {
      if (message instanceof SystemMessage) {
        continue;
      }
      ConversationRole next =
          message instanceof AiMessage ? ConversationRole.ASSISTANT : ConversationRole.USER;
      List<ContentBlock> content = content(message);
      if (content.isEmpty()) {
        continue;
      }
      if (role != null && role != next) {
        turns.add(Message.builder().role(role).content(blocks).build());
        blocks = new ArrayList<>();
      }
      role = next;
      blocks.addAll(content);
    }
    if (role != null) {
      turns.add(Message.builder().role(role).content(blocks).build());
    }
    return turns;
  }

  private List<ContentBlock> content(ChatMessage message) {
    List<ContentBlock> blocks = new ArrayList<>();
    if (message instanceof UserMessage user) {
      for (Content content : user.contents()) {
        if (content instanceof TextContent text) {
          blocks.add(ContentBlock.fromText(text.text()));
        } else if (content instanceof ImageContent image && image.image().base64Data() != null) {
          blocks.add(ContentBlock.fromImage(image(image)));
        }
      }
    } else if (message instanceof AiMessage ai) {
      if (ai.text() != null && !ai.text().isBlank()) {
        blocks.add(ContentBlock.fromText(ai.text()));
      }
      for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
        blocks.add(
            ContentBlock.fromToolUse(
                ToolUseBlock.builder()
                    .toolUseId(call.id())
                    .name(call.name())
                    .input(document(call.arguments()))
                    .build()));
      }
    } else if (message instanceof ToolExecutionResultMessage result) {
      ToolResultBlock.Builder block =
          ToolResultBlock.builder()
              .toolUseId(result.id())
              .content(ToolResultContentBlock.fromText(result.text() == null ? "" : result.text()));
      if (Boolean.TRUE.equals(result.isError())) {
        block.status(ToolResultStatus.ERROR);
      }
      blocks.add(ContentBlock.fromToolResult(block.build()));
    }
    return blocks;
  }

  private ImageBlock image(ImageContent content) {
    String mime = content.image().mimeType() == null ? "image/png" : content.image().mimeType();
    return ImageBlock.builder()
        .format(ImageFormat.fromValue(mime.substring(mime.indexOf('/') + 1)))
        .source(
            ImageSource.fromBytes(
                SdkBytes.fromByteArray(
                    java.util.Base64.getDecoder().decode(content.image().base64Data()))))
        .build();
  }

  /** The tool configuration, or null when the request offers no tools. */
  ToolConfiguration tools(List<dev.langchain4j.agent.tool.ToolSpecification> specs) {
    if (specs == null || specs.isEmpty()) {
      return null;
    }
    List<Tool> tools = new ArrayList<>();
    for (var spec : specs) {
      Map<String, Object> schema =
          spec.parameters() == null
              ? Map.of("type", "object", "properties", Map.of())
              : JsonSchemaElementUtils.toMap(spec.parameters());
      tools.add(
          Tool.fromToolSpec(
              ToolSpecification.builder()
                  .name(spec.name())
                  .description(spec.description())
                  .inputSchema(ToolInputSchema.fromJson(document(json.valueToTree(schema))))
                  .build()));
    }
    return ToolConfiguration.builder().tools(tools).build();
  }

  /** Temperature and output limit, or null when neither is set. */
  InferenceConfiguration inference(ChatRequestParameters parameters) {
    Double temperature = parameters.temperature();
    Integer maxTokens = parameters.maxOutputTokens();
    if (temperature == null && maxTokens == null && parameters.topP() == null) {
      return null;
    }
    return InferenceConfiguration.builder()
        .temperature(temperature == null ? null : temperature.floatValue())
        .topP(parameters.topP() == null ? null : parameters.topP().floatValue())
        .maxTokens(maxTokens)
        .build();
  }

  FinishReason finishReason(StopReason reason) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case END_TURN, STOP_SEQUENCE -> FinishReason.STOP;
      case TOOL_USE -> FinishReason.TOOL_EXECUTION;
      case MAX_TOKENS, MODEL_CONTEXT_WINDOW_EXCEEDED -> FinishReason.LENGTH;
      case CONTENT_FILTERED, GUARDRAIL_INTERVENED -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.OTHER;
    };
  }

  TokenUsage usage(software.amazon.awssdk.services.bedrockruntime.model.TokenUsage usage) {
    return usage == null
        ? null
        : new TokenUsage(usage.inputTokens(), usage.outputTokens(), usage.totalTokens());
  }

  /** The text and tool calls of a complete Converse answer. */
  AiMessage aiMessage(Message message) {
    StringBuilder text = new StringBuilder();
    List<ToolExecutionRequest> calls = new ArrayList<>();
    for (ContentBlock block : message.content()) {
      if (block.text() != null) {
        text.append(block.text());
      } else if (block.toolUse() != null) {
        calls.add(
            ToolExecutionRequest.builder()
                .id(block.toolUse().toolUseId())
                .name(block.toolUse().name())
                .arguments(json(block.toolUse().input()))
                .build());
      }
    }
    return AiMessage.builder()
        .text(text.isEmpty() ? null : text.toString())
        .toolExecutionRequests(calls)
        .build();
  }

  Document document(String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return Document.fromMap(Map.of());
    }
    try {
      return document(json.readTree(arguments));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Tool call arguments are not JSON: " + e.getMessage(), e);
    }
  }

  Document document(JsonNode node) {
    if (node == null || node.isNull()) {
      return Document.fromNull();
    }
    if (node.isObject()) {
      Map<String, Document> fields = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(field -> fields.put(field.getKey(), document(field.getValue())));
      return Document.fromMap(fields);
    }
    if (node.isArray()) {
      List<Document> items = new ArrayList<>();
      node.forEach(item -> items.add(document(item)));
      return Document.fromList(items);
    }
    if (node.isBoolean()) {
      return Document.fromBoolean(node.booleanValue());
    }
    if (node.isNumber()) {
      return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
    }
    return Document.fromString(node.asText());
  }

  String json(Document document) {
    try {
      return json.writeValueAsString(plain(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object plain(Document document) {
    if (document == null || document.isNull()) {
      return null;
    }
    if (document.isMap()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      document.asMap().forEach((key, value) -> fields.put(key, plain(value)));
      return fields;
    }
    if (document.isList()) {
      return document.asList().stream().map(this::plain).toList();
    }
    if (document.isNumber()) {
      BigDecimal number = document.asNumber().bigDecimalValue();
      return number.scale() <= 0 ? number.toBigInteger() : number;
    }
    if (document.isBoolean()) {
      return document.asBoolean();
    }
    return document.asString();
  }
}
