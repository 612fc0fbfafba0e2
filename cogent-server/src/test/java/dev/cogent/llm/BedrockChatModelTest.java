package dev.cogent.llm;

import static dev.cogent.llm.ModelCalls.call;
import static dev.cogent.llm.ModelCalls.hello;
import static dev.cogent.llm.ModelCalls.lsTool;
import static dev.cogent.llm.ModelCalls.withTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.Json;
import dev.cogent.llm.FakeProviderServer.Received;
import dev.cogent.llm.FakeProviderServer.Reply;
import dev.cogent.llm.ModelCalls.Outcome;
import dev.cogent.testing.Observation;
import dev.cogent.tools.ManualCancellation;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Bedrock client (AWS SDK Converse/ConverseStream) against a fake speaking Bedrock's wire. */
class BedrockChatModelTest {

  private static final String MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
  private static final ObjectMapper MAPPER = new Json().mapper();

  private final FakeProviderServer fake = new FakeProviderServer();
  private final FakeProviderServer sts = new FakeProviderServer();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Map<String, String> environment =
      Map.of(
          "AWS_ACCESS_KEY_ID",
          "AKIDCOGENTTEST",
          "AWS_SECRET_ACCESS_KEY",
          "secret-test-key",
          "AWS_ENDPOINT_URL_BEDROCK_RUNTIME",
          fake.url(""),
          "AWS_ENDPOINT_URL_STS",
          sts.url(""));
  private final ChatModels models =
      new ChatModels(
          environment,
          MAPPER,
          scheduler,
          Duration.ofMillis(5),
          Observation.untraced(),
          Observation.breakers(InstantSource.system()));

  @AfterEach
  void close() {
    models.close();
    fake.close();
    sts.close();
    scheduler.shutdownNow();
  }

  private static ModelChoice choice(int maxRetries, String roleArn) {
    ProviderSpec spec =
        new ProviderSpec(
            "bedrock",
            MODEL,
            null,
            null,
            true,
            0,
            maxRetries,
            null,
            "us-east-1",
            roleArn,
            Map.of());
    return new ModelChoice("bedrock", MODEL, "aws", 0.2, 100, spec);
  }

  private StreamingChatModel open(int maxRetries) {
    return models.open(choice(maxRetries, null), new ManualCancellation());
  }

  private static JsonNode body(Received request) throws Exception {
    return MAPPER.readTree(request.body());
  }

  @Test
  void streams_tokens_with_usage_and_sends_a_signed_converse_stream_request() throws Exception {
    fake.enqueue(BedrockWire.streamText(12, "Hello", " world"));

    Outcome outcome =
        call(
            open(2),
            ChatRequest.builder()
                .messages(List.of(SystemMessage.from("Be brief."), UserMessage.from("Hi")))
                .modelName(MODEL)
                .build());

    assertThat(outcome.tokens()).containsExactly("Hello", " world");
    assertThat(outcome.response().aiMessage().text()).isEqualTo("Hello world");
    assertThat(outcome.response().tokenUsage().inputTokenCount()).isEqualTo(12);
    assertThat(outcome.response().tokenUsage().outputTokenCount()).isEqualTo(2);
    assertThat(outcome.response().finishReason()).isEqualTo(FinishReason.STOP);
    Received request = fake.received().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/model/" + MODEL + "/converse-stream");
    assertThat(request.headers().get("authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDCOGENTTEST/")
        .contains("/us-east-1/bedrock/aws4_request");
    JsonNode sent = body(request);
    assertThat(sent.get("system").get(0).get("text").asText()).isEqualTo("Be brief.");
    assertThat(sent.get("messages").get(0).get("role").asText()).isEqualTo("user");
    assertThat(sent.get("messages").get(0).get("content").get(0).get("text").asText())
        .isEqualTo("Hi");
    assertThat(sent.get("inferenceConfig").get("temperature").asDouble()).isEqualTo(0.2, within());
    assertThat(sent.get("inferenceConfig").get("maxTokens").asInt()).isEqualTo(100);
  }

  @Test
  void a_streamed_tool_call_is_assembled_and_the_tool_config_schema_is_sent() throws Exception {
    fake.enqueue(BedrockWire.streamToolCall("tooluse_01", "ls", "{\"path\": \".\"}"));

    Outcome outcome = call(open(0), withTool(MODEL));

    AiMessage answer = outcome.response().aiMessage();
    assertThat(answer.text()).isEqualTo("Looking.");
    ToolExecutionRequest toolCall = answer.toolExecutionRequests().get(0);
    assertThat(toolCall.id()).isEqualTo("tooluse_01");
    assertThat(toolCall.name()).isEqualTo("ls");
    assertThat(MAPPER.readTree(toolCall.arguments()).get("path").asText()).isEqualTo(".");
    assertThat(outcome.response().finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(outcome.response().tokenUsage().inputTokenCount()).isEqualTo(30);
    JsonNode spec = body(fake.received().get(0)).get("toolConfig").get("tools").get(0);
    assertThat(spec.get("toolSpec").get("name").asText()).isEqualTo("ls");
    assertThat(spec.get("toolSpec").get("description").asText()).isEqualTo("Lists a folder");
    JsonNode schema = spec.get("toolSpec").get("inputSchema").get("json");
    assertThat(schema.get("type").asText()).isEqualTo("object");
    assertThat(schema.get("properties").get("path").get("type").asText()).isEqualTo("string");
    assertThat(schema.get("required").get(0).asText()).isEqualTo("path");
  }

  @Test
  void tool_calls_and_results_of_the_history_are_sent_as_tool_use_and_tool_result_blocks()
      throws Exception {
    fake.enqueue(BedrockWire.streamText(40, "Two files."));
    ToolExecutionRequest earlier =
        ToolExecutionRequest.builder()
            .id("tooluse_01")
            .name("ls")
            .arguments("{\"path\":\".\"}")
            .build();

    call(
        open(0),
        ChatRequest.builder()
            .messages(
                List.of(
                    UserMessage.from("List the files"),
                    AiMessage.from(earlier),
                    ToolExecutionResultMessage.from(earlier, "a.txt\nb.txt")))
            .toolSpecifications(lsTool())
            .modelName(MODEL)
            .build());

    JsonNode messages = body(fake.received().get(0)).get("messages");
    assertThat(messages).hasSize(3);
    JsonNode toolUse = messages.get(1).get("content").get(0).get("toolUse");
    assertThat(messages.get(1).get("role").asText()).isEqualTo("assistant");
    assertThat(toolUse.get("toolUseId").asText()).isEqualTo("tooluse_01");
    assertThat(toolUse.get("input").get("path").asText()).isEqualTo(".");
    JsonNode toolResult = messages.get(2).get("content").get(0).get("toolResult");
    assertThat(messages.get(2).get("role").asText()).isEqualTo("user");
    assertThat(toolResult.get("toolUseId").asText()).isEqualTo("tooluse_01");
    assertThat(toolResult.get("content").get(0).get("text").asText()).isEqualTo("a.txt\nb.txt");
  }

  @Test
  void a_throttled_call_is_retried_once_per_max_retries_and_then_succeeds() throws Exception {
    fake.enqueue(BedrockWire.throttled()).enqueue(BedrockWire.streamText(3, "ok"));

    Outcome outcome = call(open(2), hello(MODEL));

    assertThat(outcome.response().aiMessage().text()).isEqualTo("ok");
    assertThat(fake.received()).hasSize(2);
  }

  @Test
  void throttling_beyond_max_retries_fails_without_the_sdk_adding_retries_of_its_own() {
    fake.enqueue(BedrockWire.throttled())
        .enqueue(BedrockWire.throttled())
        .enqueue(BedrockWire.throttled())
        .enqueue(BedrockWire.streamText(3, "never"));

    assertThatThrownBy(() -> call(open(1), hello(MODEL)))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("ThrottlingException")
        .hasMessageContaining("Too many requests");
    assertThat(fake.received()).hasSize(2);
  }

  @Test
  void access_denied_is_reported_and_not_retried() {
    fake.enqueue(BedrockWire.accessDenied()).enqueue(BedrockWire.streamText(3, "never"));

    assertThatThrownBy(() -> call(open(3), hello(MODEL)))
        .hasCauseInstanceOf(HttpException.class)
        .hasMessageContaining("AccessDeniedException")
        .hasMessageContaining("don't have access");
    assertThat(fake.received()).hasSize(1);
  }

  @Test
  void the_blocking_converse_model_answers_text_and_tool_calls_with_usage() throws Exception {
    fake.enqueue(BedrockWire.converseText("Hello!", 9, 3))
        .enqueue(BedrockWire.converseToolCall("tooluse_02", "ls", "{\"path\":\"src\"}"));
    try (BedrockClients clients = new BedrockClients(environment)) {
      BedrockChatModel model =
          new BedrockChatModel(
              clients.client("us-east-1", null, Duration.ofSeconds(10)),
              new BedrockMessages(MAPPER),
              MODEL,
              0.5,
              64);

      ChatResponse text = model.chat(hello(MODEL));
      ChatResponse tool = model.chat(withTool(MODEL));

      assertThat(text.aiMessage().text()).isEqualTo("Hello!");
      assertThat(text.tokenUsage().inputTokenCount()).isEqualTo(9);
      assertThat(text.tokenUsage().outputTokenCount()).isEqualTo(3);
      ToolExecutionRequest toolCall = tool.aiMessage().toolExecutionRequests().get(0);
      assertThat(toolCall.id()).isEqualTo("tooluse_02");
      assertThat(MAPPER.readTree(toolCall.arguments()).get("path").asText()).isEqualTo("src");
      assertThat(tool.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
      Received first = fake.received().get(0);
      assertThat(first.path()).isEqualTo("/model/" + MODEL + "/converse");
      assertThat(body(first).get("inferenceConfig").get("maxTokens").asInt()).isEqualTo(64);
    }
  }

  @Test
  void a_role_arn_is_assumed_through_sts_and_its_session_signs_the_calls() throws Exception {
    sts.enqueue(
        new Reply(
            200,
            "text/xml",
            "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<AssumeRoleResult><Credentials><AccessKeyId>ASIAROLETEST</AccessKeyId>"
                + "<SecretAccessKey>role-secret</SecretAccessKey>"
                + "<SessionToken>role-session-token</SessionToken>"
                + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                + "<AssumedRoleUser><AssumedRoleId>AROATEST:cogent</AssumedRoleId>"
                + "<Arn>arn:aws:sts::123456789012:assumed-role/cogent/cogent</Arn>"
                + "</AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
                + "</AssumeRoleResponse>"));
    fake.enqueue(BedrockWire.streamText(3, "ok"));

    call(
        models.open(choice(0, "arn:aws:iam::123456789012:role/cogent"), new ManualCancellation()),
        hello(MODEL));

    Received assume = sts.received().get(0);
    assertThat(assume.body())
        .contains("Action=AssumeRole")
        .contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fcogent");
    assertThat(assume.headers().get("authorization")).contains("Credential=AKIDCOGENTTEST/");
    Received converse = fake.received().get(0);
    assertThat(converse.headers().get("authorization")).contains("Credential=ASIAROLETEST/");
    assertThat(converse.headers()).containsEntry("x-amz-security-token", "role-session-token");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }
}
