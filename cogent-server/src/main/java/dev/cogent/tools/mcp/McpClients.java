package dev.cogent.tools.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cogent.Version;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;

/**
 * Builds and initializes MCP Java SDK clients for registry rows. The SDK is configured explicitly
 * (mapper, schema validator) so that it never falls back to its {@code ServiceLoader} defaults.
 *
 * <p>Thread-safe.
 */
final class McpClients {

  private final McpJsonMapper mapper;
  private final Duration connectTimeout;
  private final Duration requestTimeout;

  McpClients(Duration connectTimeout, Duration requestTimeout) {
    // The MCP wire is not our API: peers add fields freely, so unknown ones are ignored here,
    // unlike in the server's own strict mapper.
    ObjectMapper objectMapper =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    this.mapper = new JacksonMcpJsonMapper(objectMapper);
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Connects to the server and runs the MCP initialization handshake.
   *
   * @return an initialized client; the caller closes it
   * @throws RuntimeException when the server cannot be reached or refuses the handshake
   */
  McpSyncClient connect(McpServerSpec spec) {
    McpSyncClient client =
        McpClient.sync(transport(spec))
            .clientInfo(new McpSchema.Implementation("cogent", Version.cogent()))
            .initializationTimeout(connectTimeout.plus(requestTimeout))
            .requestTimeout(requestTimeout)
            .jsonSchemaValidator(NO_OUTPUT_VALIDATION)
            .build();
    try {
      client.initialize();
      return client;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private McpClientTransport transport(McpServerSpec spec) {
    URI uri = URI.create(spec.url());
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    String endpoint =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      endpoint += "?" + uri.getRawQuery();
    }
    McpSyncHttpClientRequestCustomizer headers =
        (request, method, target, body, context) -> spec.headers().forEach(request::setHeader);
    return switch (spec.transport()) {
      case SSE ->
          HttpClientSseClientTransport.builder(origin)
              .sseEndpoint(endpoint)
              .jsonMapper(mapper)
              .connectTimeout(connectTimeout)
              .httpRequestCustomizer(headers)
              .build();
      case STREAMABLE_HTTP ->
          HttpClientStreamableHttpTransport.builder(origin)
              .endpoint(endpoint)
              .jsonMapper(mapper)
              .connectTimeout(connectTimeout)
              .httpRequestCustomizer(headers)
              .build();
    };
  }

  /**
   * Output schemas are not checked: the result goes to the model as text either way, and the SDK's
   * default validator would need a JSON schema library at run time.
   */
  private static final JsonSchemaValidator NO_OUTPUT_VALIDATION =
      (schema, structuredContent) -> JsonSchemaValidator.ValidationResponse.asValid(null);
}
