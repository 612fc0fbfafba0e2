package dev.cogent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The server's OpenAPI document ({@code /openapi/openapi.yaml} on the classpath) used as a test
 * oracle: {@link #assertValid} fails unless an HTTP exchange is one the document describes — a
 * documented operation for the method and path, a documented status and content type, and a JSON
 * body that validates against the response schema (JSON Schema draft 2020-12, with {@code $ref}s
 * resolved against the whole document).
 *
 * <p>Bodies of {@code text/event-stream} and other non-JSON responses are not validated; only their
 * content type is checked. Request bodies and parameters are not checked at all.
 *
 * <p>Thread-safe: the document is read once and never changed, and compiled schemas are cached in a
 * concurrent map, so one instance can be shared by every test of a run (keep it in a {@code static
 * final} field; loading costs a few hundred milliseconds).
 */
public final class OpenApiContract {

  private static final String RESOURCE = "/openapi/openapi.yaml";

  /**
   * The IRI the document is registered under in the schema registry. It is never fetched: the
   * registry is handed the document's text for it.
   */
  private static final String DOCUMENT_IRI = "https://cogent.dev/openapi.json";

  private static final List<String> HTTP_METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** The top-level fields of an OpenAPI document, which are not JSON Schema keywords. */
  private static final List<String> DOCUMENT_FIELDS =
      List.of(
          "openapi",
          "info",
          "jsonSchemaDialect",
          "servers",
          "paths",
          "webhooks",
          "components",
          "security",
          "tags",
          "externalDocs");

  private static final int MAX_BODY_IN_MESSAGE = 2_000;

  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonNode document;
  private final List<PathTemplate> templates;
  private final SchemaRegistry registry;
  private final ConcurrentMap<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode document) {
    this.document = document;
    this.templates = PathTemplate.all(document.path("paths"));
    String documentJson;
    try {
      documentJson = mapper.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the OpenAPI document", e);
    }
    Dialect dialect =
        Dialect.builder(Dialects.getDraft202012())
            .keywords(DOCUMENT_FIELDS.stream().map(NonValidationKeyword::new).toList())
            .build();
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            dialect,
            builder ->
                builder.schemas(Map.of(DOCUMENT_IRI, documentJson)).schemaRegistryConfig(config));
  }

  /**
   * Reads {@code /openapi/openapi.yaml} from the classpath.
   *
   * @throws IllegalStateException if the resource is missing or is not a YAML mapping
   */
  public static OpenApiContract load() {
    try (InputStream in = OpenApiContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses an OpenAPI document given as YAML (or JSON, which is YAML too). */
  static OpenApiContract fromYaml(String yaml) {
    Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(tree instanceof Map)) {
      throw new IllegalStateException("the OpenAPI document is not a YAML mapping");
    }
    return new OpenApiContract(new ObjectMapper().valueToTree(tree));
  }

  /** A copy of the whole document as JSON. */
  public JsonNode document() {
    return document.deepCopy();
  }

  /**
   * Checks one exchange; see {@link #assertValid(String, String, int, String, String)}. Also fails
   * when a response header the document marks {@code required} (such as {@code X-Request-Id}) is
   * missing.
   */
  public void assertValid(HttpRequest request, HttpResponse<String> response) {
    URI uri = request.uri();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    check(
        new Exchange(request.method(), path, response.statusCode(), contentType, response.body()),
        name -> response.headers().firstValue(name).isPresent());
  }

  /**
   * Checks a response no operation can describe, such as a 404 for an unknown route or a 405 for a
   * method a path lacks: it must have an error status (4xx or 5xx), a JSON body that validates
   * against {@code components.schemas.Error}, and an {@code X-Request-Id} header.
   */
  public void assertValidError(HttpResponse<String> response) {
    HttpRequest request = response.request();
    URI uri = request.uri();
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    Exchange exchange =
        new Exchange(
            request.method(),
            uri.getRawPath(),
            response.statusCode(),
            contentType,
            response.body());
    List<String> problems = new ArrayList<>();
    if (exchange.status() < 400 || exchange.status() > 599) {
      problems.add("status " + exchange.status() + " is not an error status");
    }
    if (response.headers().firstValue("X-Request-Id").isEmpty()) {
      problems.add("missing required response headers: [X-Request-Id]");
    }
    if (contentType == null || !exchange.mediaType().equals("application/json")) {
      problems.add("an error body must be application/json");
    } else {
      problems.addAll(validate("/components/schemas/Error", exchange.body()));
    }
    if (!problems.isEmpty()) {
      throw exchange.failure("(no operation; the Error envelope)", problems);
    }
  }

  /**
   * Fails with an {@link AssertionError} naming every problem unless the document has an operation
   * for {@code method} and {@code path}, documents {@code status} for it (the exact code, a range
   * such as {@code 4XX}, or {@code default}) with {@code contentType}, and {@code body} validates
   * against that response's schema.
   *
   * @param method an HTTP method, in any case
   * @param path the request path, possibly with a query string, or an absolute URL; matched against
   *     the document's path templates, literal segments before {@code {parameters}}
   * @param contentType the response's {@code Content-Type} header, parameters allowed; null when
   *     the response had none
   * @param body the response body; null or empty when there was none
   */
  public void assertValid(String method, String path, int status, String contentType, String body) {
    check(new Exchange(method, path, status, contentType, body), name -> true);
  }

  /**
   * @param hasHeader whether the response has a header of that name; always true when the caller
   *     did not give the headers
   */
  private void check(Exchange exchange, Predicate<String> hasHeader) {
    Operation operation = findOperation(exchange);
    JsonNode responses = operation.node().path("responses");
    String code =
        responseKey(responses, exchange.status())
            .orElseThrow(
                () ->
                    exchange.failure(
                        operation.name(),
                        List.of(
                            "status "
                                + exchange.status()
                                + " is not documented; documented: "
                                + fieldNames(responses))));
    Resolved response =
        resolve(responses.path(code), operation.pointer() + "/responses/" + escape(code));
    List<String> problems = new ArrayList<>(checkBody(exchange, response));
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> header : response.node().path("headers").properties()) {
      boolean required = resolve(header.getValue(), "").node().path("required").asBoolean(false);
      if (required && !hasHeader.test(header.getKey())) {
        missing.add(header.getKey());
      }
    }
    if (!missing.isEmpty()) {
      problems.add("missing required response headers: " + missing);
    }
    if (!problems.isEmpty()) {
      throw exchange.failure(operation.name(), problems);
    }
  }

  private Operation findOperation(Exchange exchange) {
    String path = exchange.pathOnly();
    PathTemplate template =
        templates.stream()
            .filter(candidate -> candidate.matches(path))
            .findFirst()
            .orElseThrow(
                () -> exchange.failure(null, List.of("no path of the document matches " + path)));
    String method = exchange.method().toLowerCase(Locale.ROOT);
    String upperMethod = method.toUpperCase(Locale.ROOT);
    Resolved pathItem =
        resolve(
            document.path("paths").path(template.template()),
            "/paths/" + escape(template.template()));
    if (!HTTP_METHODS.contains(method) || !pathItem.node().has(method)) {
      throw exchange.failure(
          null,
          List.of(
              "no operation "
                  + upperMethod
                  + " "
                  + template.template()
                  + "; it has "
                  + methodsOf(pathItem.node())));
    }
    JsonNode operation = pathItem.node().path(method);
    String name =
        operation.path("operationId").asText("?")
            + " ("
            + upperMethod
            + " "
            + template.template()
            + ")";
    return new Operation(name, operation, pathItem.pointer() + "/" + method);
  }

  private List<String> checkBody(Exchange exchange, Resolved response) {
    JsonNode content = response.node().path("content");
    boolean hasBody = exchange.body() != null && !exchange.body().isBlank();
    if (content.isMissingNode() || content.isEmpty()) {
      return hasBody ? List.of("the document describes no body, but there is one") : List.of();
    }
    if (!hasBody) {
      return List.of("the document describes a body (" + fieldNames(content) + "), but none came");
    }
    if (exchange.contentType() == null) {
      return List.of("the response has no Content-Type; documented: " + fieldNames(content));
    }
    String mediaType = exchange.mediaType();
    Optional<String> key = mediaTypeKey(content, mediaType);
    if (key.isEmpty()) {
      return List.of(
          "content type " + mediaType + " is not documented; documented: " + fieldNames(content));
    }
    JsonNode media = content.path(key.get());
    boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
    if (!json || !media.has("schema")) {
      return List.of();
    }
    return validate(
        response.pointer() + "/content/" + escape(key.get()) + "/schema", exchange.body());
  }

  /** The problems of {@code body} against the schema at {@code pointer} in the document. */
  private List<String> validate(String pointer, String body) {
    if (body == null || body.isBlank()) {
      return List.of("the body is empty");
    }
    JsonNode instance;
    try {
      instance = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      return List.of("the body is not JSON: " + e.getOriginalMessage());
    }
    return schema(pointer).validate(instance).stream().map(OpenApiContract::describe).toList();
  }

  private Schema schema(String pointer) {
    return schemas.computeIfAbsent(
        pointer,
        key -> {
          Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + key));
          schema.initializeValidators();
          return schema;
        });
  }

  private static String describe(Error error) {
    String location = error.getInstanceLocation().toString();
    return (location.isEmpty() ? "(body)" : location) + ": " + error.getMessage();
  }

  /** Follows {@code $ref}s from {@code node}, which sits at {@code pointer} in the document. */
  private Resolved resolve(JsonNode node, String pointer) {
    JsonNode current = node;
    String currentPointer = pointer;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.path("$ref").asText();
      if (!ref.startsWith("#/") || hops > 20) {
        throw new IllegalStateException("unsupported or cyclic $ref " + ref + " at " + pointer);
      }
      currentPointer = ref.substring(1);
      current = document.at(currentPointer);
      if (current.isMissingNode()) {
        throw new IllegalStateException("unresolvable $ref " + ref + " at " + pointer);
      }
    }
    return new Resolved(current, currentPointer);
  }

  private static Optional<String> responseKey(JsonNode responses, int status) {
    String exact = Integer.toString(status);
    String range = (status / 100) + "XX";
    for (String key : List.of(exact, range, range.toLowerCase(Locale.ROOT), "default")) {
      if (responses.has(key)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> mediaTypeKey(JsonNode content, String mediaType) {
    List<String> keys = fieldNames(content);
    String family = mediaType.substring(0, mediaType.indexOf('/') + 1) + "*";
    for (String wanted : List.of(mediaType, family, "*/*")) {
      for (String key : keys) {
        if (key.toLowerCase(Locale.ROOT).equals(wanted)) {
          return Optional.of(key);
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> methodsOf(JsonNode pathItem) {
    return HTTP_METHODS.stream()
        .filter(pathItem::has)
        .map(method -> method.toUpperCase(Locale.ROOT))
        .toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Escapes one JSON Pointer token (RFC 6901). */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A node of the document after following {@code $ref}s, with its JSON Pointer. */
  private record Resolved(JsonNode node, String pointer) {}

  /** An operation of the document: its name for messages, its node and its JSON Pointer. */
  private record Operation(String name, JsonNode node, String pointer) {}

  /** One request and its response, as far as the contract looks at them. */
  private record Exchange(String method, String path, int status, String contentType, String body) {

    Exchange {
      if (method == null || method.isBlank()) {
        throw new IllegalArgumentException("method is required");
      }
      if (path == null || path.isBlank()) {
        throw new IllegalArgumentException("path is required");
      }
    }

    /** The path without scheme, authority, query, fragment or trailing slash. */
    String pathOnly() {
      String result = path;
      int scheme = result.indexOf("://");
      if (scheme >= 0) {
        int slash = result.indexOf('/', scheme + 3);
        result = slash < 0 ? "/" : result.substring(slash);
      }
      for (char end : new char[] {'?', '#'}) {
        int index = result.indexOf(end);
        if (index >= 0) {
          result = result.substring(0, index);
        }
      }
      if (result.length() > 1 && result.endsWith("/")) {
        result = result.substring(0, result.length() - 1);
      }
      return result.isEmpty() ? "/" : result;
    }

    /** The media type of {@code contentType}, lower case, without parameters. */
    String mediaType() {
      int semicolon = contentType.indexOf(';');
      String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
      return type.trim().toLowerCase(Locale.ROOT);
    }

    AssertionError failure(String operation, List<String> problems) {
      StringBuilder message =
          new StringBuilder("Response does not match the OpenAPI document: ")
              .append(method.toUpperCase(Locale.ROOT))
              .append(' ')
              .append(path)
              .append(" -> ")
              .append(status);
      if (contentType != null) {
        message.append(' ').append(contentType);
      }
      if (operation != null) {
        message.append("\n  operation: ").append(operation);
      }
      for (String problem : problems) {
        message.append("\n  - ").append(problem);
      }
      if (body != null && !body.isEmpty()) {
        String shown =
            body.length() > MAX_BODY_IN_MESSAGE
                ? body.substring(0, MAX_BODY_IN_MESSAGE) + "…"
                : body;
        message.append("\n  body: ").append(shown);
      }
      return new AssertionError(message.toString());
    }
  }

  /** A path of the document as a pattern; segments in braces match any one segment. */
  private record PathTemplate(String template, Pattern pattern, int literalSegments) {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");

    /** The document's paths, most specific first, so that literal segments win. */
    static List<PathTemplate> all(JsonNode paths) {
      List<PathTemplate> result = new ArrayList<>();
      for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
        result.add(of(names.next()));
      }
      result.sort(
          Comparator.comparingInt(PathTemplate::literalSegments)
              .reversed()
              .thenComparing(PathTemplate::template));
      return List.copyOf(result);
    }

    static PathTemplate of(String template) {
      StringBuilder regex = new StringBuilder();
      Matcher matcher = PARAMETER.matcher(template);
      int last = 0;
      while (matcher.find()) {
        regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("[^/]+");
        last = matcher.end();
      }
      regex.append(Pattern.quote(template.substring(last)));
      int literals =
          (int)
              Arrays.stream(template.split("/"))
                  .filter(segment -> !segment.isEmpty() && !segment.contains("{"))
                  .count();
      return new PathTemplate(template, Pattern.compile(regex.toString()), literals);
    }

    boolean matches(String path) {
      return pattern.matcher(path).matches();
    }
  }
}
