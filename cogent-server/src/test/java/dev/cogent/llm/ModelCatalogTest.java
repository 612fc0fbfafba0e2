package dev.cogent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.llm.FakeProviderServer.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ModelCatalogTest {

  /** A small catalog in the models.dev api.json format, as the refresh URL serves it. */
  static final String API_JSON =
      """
      {
        "openai": {
          "id": "openai", "name": "OpenAI", "env": ["OPENAI_API_KEY"],
          "models": {
            "gpt-next": {
              "id": "gpt-next", "name": "GPT Next", "family": "gpt",
              "attachment": false, "reasoning": true, "tool_call": true,
              "modalities": {"input": ["text"], "output": ["text"]},
              "cost": {"input": 4, "output": 16, "cache_read": 1},
              "limit": {"context": 500000, "output": 64000},
              "status": "alpha"
            }
          }
        },
        "deepseek": {"id": "deepseek", "models": {"deepseek-chat": {"id": "deepseek-chat"}}}
      }
      """;

  private final FakeProviderServer server = new FakeProviderServer();
  private final ModelCatalog catalog =
      new ModelCatalog(new ObjectMapper(), HttpClient.newHttpClient());
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(ModelCatalog.class);

  @BeforeEach
  void capture_logs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void close() {
    logger.detachAppender(logs);
    server.close();
  }

  @Test
  void the_shipped_catalog_knows_the_models_of_every_type_with_a_catalog() {
    for (ProviderType type : ProviderType.values()) {
      assertThat(catalog.models(type).isEmpty())
          .as(type.wireName())
          .isEqualTo(type.catalogId().isEmpty());
    }
    CatalogModel gpt4o = catalog.find(ProviderType.OPENAI, "gpt-4o").orElseThrow();
    assertThat(gpt4o.provider()).isEqualTo("openai");
    assertThat(gpt4o.displayName()).isEqualTo("GPT-4o");
    assertThat(gpt4o.contextWindow()).isEqualTo(128000);
    assertThat(gpt4o.outputLimit()).isEqualTo(16384);
    assertThat(gpt4o.inputCost()).isEqualTo(2.5);
    assertThat(gpt4o.outputCost()).isEqualTo(10.0);
    assertThat(gpt4o.capabilities())
        .containsExactly("tool_call", "attachment", "vision", "structured_output");
    assertThat(gpt4o.modalities().input()).containsExactly("text", "image");
    assertThat(gpt4o.family()).isEqualTo("gpt");
    assertThat(gpt4o.status()).isNull();
    assertThat(catalog.find(ProviderType.ANTHROPIC, "claude-3-5-sonnet-20241022"))
        .hasValueSatisfying(model -> assertThat(model.status()).isEqualTo("deprecated"));
  }

  @Test
  void every_shipped_model_has_limits_and_prices() {
    for (ProviderType type : ProviderType.values()) {
      assertThat(catalog.models(type))
          .allSatisfy(
              model -> {
                assertThat(model.contextWindow()).as(model.id()).isPositive();
                assertThat(model.outputLimit()).as(model.id()).isPositive();
                assertThat(model.inputCost()).as(model.id()).isNotNull();
                assertThat(model.outputCost()).as(model.id()).isNotNull();
              });
    }
  }

  @Test
  void estimated_cost_is_tokens_times_the_price_per_million() {
    // gpt-4o: 2.5 USD per million input tokens, 10 USD per million output tokens
    assertThat(catalog.findEstimatedCost("openai", "gpt-4o", 1_000_000, 0)).contains(2.5);
    assertThat(catalog.findEstimatedCost("openai", "gpt-4o", 2000, 500))
        .hasValueSatisfying(cost -> assertThat(cost).isCloseTo(0.01, within()));
    assertThat(catalog.findEstimatedCost("anthropic", "claude-sonnet-4-20250514", 1000, 1000))
        .hasValueSatisfying(cost -> assertThat(cost).isCloseTo(0.018, within()));
  }

  @Test
  void unknown_models_and_types_without_a_catalog_have_no_cost_or_window() {
    assertThat(catalog.findEstimatedCost("openai", "gpt-unknown", 10, 10)).isEmpty();
    assertThat(catalog.findEstimatedCost("openai_compatible", "gpt-4o", 10, 10)).isEmpty();
    assertThat(catalog.findEstimatedCost("mock", "scripted", 10, 10)).isEmpty();
    assertThat(catalog.findEstimatedCost("cohere", "command", 10, 10)).isEmpty();
    assertThat(catalog.findContextWindow("openai", "gpt-unknown")).isEmpty();
    assertThat(catalog.findContextWindow(null, null)).isEmpty();
  }

  @Test
  void context_window_comes_from_the_catalog() {
    assertThat(catalog.findContextWindow("anthropic", "claude-sonnet-4-20250514"))
        .isEqualTo(OptionalInt.of(200000));
    assertThat(catalog.findContextWindow("google_genai", "gemini-2.5-pro"))
        .isEqualTo(OptionalInt.of(1048576));
    assertThat(catalog.findContextWindow("bedrock", "amazon.nova-pro-v1:0"))
        .isEqualTo(OptionalInt.of(300000));
  }

  @Test
  void a_refresh_replaces_the_listed_providers_and_keeps_the_others() {
    server.enqueue(Reply.json(200, API_JSON));

    boolean refreshed = catalog.refresh(URI.create(server.url("/api.json")));

    assertThat(refreshed).isTrue();
    assertThat(catalog.models(ProviderType.OPENAI))
        .extracting(CatalogModel::id)
        .containsExactly("gpt-next");
    CatalogModel next = catalog.find(ProviderType.OPENAI, "gpt-next").orElseThrow();
    assertThat(next.capabilities()).containsExactly("tool_call", "reasoning");
    assertThat(next.status()).isEqualTo("beta");
    assertThat(catalog.findEstimatedCost("openai", "gpt-next", 1_000_000, 1_000_000))
        .contains(20.0);
    assertThat(catalog.findContextWindow("openai", "gpt-next")).isEqualTo(OptionalInt.of(500000));
    assertThat(catalog.find(ProviderType.ANTHROPIC, "claude-sonnet-4-20250514")).isPresent();
    assertThat(server.received().get(0).path()).isEqualTo("/api.json");
  }

  @Test
  void the_providers_wrapper_of_the_published_schema_is_read_too() {
    server.enqueue(Reply.json(200, "{\"providers\": " + API_JSON + "}"));

    assertThat(catalog.refresh(URI.create(server.url("/api.json")))).isTrue();
    assertThat(catalog.find(ProviderType.OPENAI, "gpt-next")).isPresent();
  }

  @Test
  void a_failed_refresh_keeps_the_shipped_catalog_and_logs_why() {
    server
        .enqueue(Reply.json(503, "{\"error\": \"down\"}"))
        .enqueue(Reply.json(200, "[1, 2, 3]"))
        .enqueue(Reply.json(200, "{\"truncated\": "));
    URI url = URI.create(server.url("/api.json"));

    assertThat(catalog.refresh(url)).isFalse();
    assertThat(catalog.refresh(url)).isFalse();
    assertThat(catalog.refresh(url)).isFalse();

    assertThat(catalog.find(ProviderType.OPENAI, "gpt-4o")).isPresent();
    assertThat(catalog.find(ProviderType.OPENAI, "gpt-next")).isEqualTo(Optional.empty());
    assertThat(logs.list)
        .hasSize(3)
        .allSatisfy(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage())
                  .contains(url.toString(), "keeping the current catalog");
            });
    assertThat(logs.list.get(0).getFormattedMessage()).contains("HTTP 503");
  }

  @Test
  void an_unreachable_url_keeps_the_catalog() {
    server.close();

    assertThat(catalog.refresh(URI.create(server.url("/api.json")))).isFalse();
    assertThat(catalog.find(ProviderType.OPENAI, "gpt-4o")).isPresent();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
