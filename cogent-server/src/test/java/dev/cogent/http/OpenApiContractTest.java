package dev.cogent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract validator must be able to fail: each rule is shown accepting and rejecting. */
class OpenApiContractTest {

  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static final String JSON = "application/json";
  private static final String SESSION_PATH = "/sessions/550e8400-e29b-41d4-a716-446655440000";

  private static final String SESSION =
      """
      {
        "id": "550e8400-e29b-41d4-a716-446655440000",
        "title": "My session",
        "thread_id": "7f3e4a12-8c61-4a1e-9a0e-2f1c1d2b3a4c",
        "status": "active",
        "agent_name": "default",
        "metadata": {"repository": "myorg/myrepo", "pr_number": "42"},
        "config": null,
        "scope": {"user": "alice"},
        "created_at": "2026-03-02T12:00:00Z",
        "updated_at": "2026-03-02T12:00:00.123456Z",
        "message_count": 0
      }
      """;

  private static final String NOT_FOUND =
      """
      {"error": "session not found: x", "code": "SESSION_NOT_FOUND", "details": {},
       "request_id": "3f2c8a9e"}
      """;

  @Test
  void accepts_a_valid_session() {
    assertThatCode(() -> CONTRACT.assertValid("GET", SESSION_PATH, 200, JSON, SESSION))
        .doesNotThrowAnyException();
  }

  @Test
  void accepts_a_query_string_an_absolute_url_a_charset_and_a_lower_case_method() {
    String list =
        """
        {"sessions": [%s], "total": 1, "limit": 10, "offset": 0}
        """
            .formatted(SESSION);

    assertThatCode(
            () ->
                CONTRACT.assertValid(
                    "get",
                    "http://localhost:8000/sessions?limit=10&metadata.repository=myorg/myrepo",
                    200,
                    "application/json; charset=utf-8",
                    list))
        .doesNotThrowAnyException();
  }

  @Test
  void rejects_a_session_whose_message_count_is_a_string() {
    String body = SESSION.replace("\"message_count\": 0", "\"message_count\": \"0\"");

    assertThatThrownBy(() -> CONTRACT.assertValid("GET", SESSION_PATH, 200, JSON, body))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("getSession")
        .hasMessageContaining("/message_count");
  }

  @Test
  void rejects_a_session_without_an_id() {
    String body = SESSION.replace("\"id\": \"550e8400-e29b-41d4-a716-446655440000\",", "");

    assertThatThrownBy(() -> CONTRACT.assertValid("GET", SESSION_PATH, 200, JSON, body))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("required property 'id' not found");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /status             | "status": "active"                   | "status": "paused"
          /title              | "title": "My session"                | "title": "%s"
          /created_at         | "created_at": "2026-03-02T12:00:00Z" | "created_at": "yesterday"
          /metadata/pr_number | "pr_number": "42"                     | "pr_number": 42
          /message_count      | "message_count": 0                   | "message_count": -1
          """)
  void rejects_a_session_that_breaks_a_schema_rule(String location, String valid, String invalid) {
    String body = SESSION.replace(valid, invalid.replace("%s", "x".repeat(201)));

    assertThat(body).as("the test replaced something").isNotEqualTo(SESSION);
    assertThatThrownBy(() -> CONTRACT.assertValid("GET", SESSION_PATH, 200, JSON, body))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("  - " + location + ": ");
  }

  @Test
  void accepts_unknown_fields_in_a_response() {
    String body = SESSION.replace("\"message_count\": 0", "\"message_count\": 0, \"later\": 1");

    assertThatCode(() -> CONTRACT.assertValid("GET", SESSION_PATH, 200, JSON, body))
        .doesNotThrowAnyException();
  }

  @Test
  void rejects_an_undocumented_status() {
    assertThatThrownBy(() -> CONTRACT.assertValid("GET", SESSION_PATH, 201, JSON, SESSION))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("status 201 is not documented");
  }

  @Test
  void rejects_an_unknown_path() {
    assertThatThrownBy(() -> CONTRACT.assertValid("GET", "/nowhere", 200, JSON, "{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no path of the document matches /nowhere");
  }

  @Test
  void rejects_a_method_the_path_does_not_have() {
    assertThatThrownBy(() -> CONTRACT.assertValid("DELETE", "/health", 204, null, null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no operation DELETE /health");
  }

  @Test
  void validates_error_bodies_against_the_envelope() {
    assertThatCode(() -> CONTRACT.assertValid("GET", SESSION_PATH, 404, JSON, NOT_FOUND))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                CONTRACT.assertValid("GET", SESSION_PATH, 404, JSON, "{\"detail\": \"Not Found\"}"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                CONTRACT.assertValid(
                    "GET", SESSION_PATH, 404, JSON, NOT_FOUND.replace("SESSION_", "SCOPE_")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/code");
  }

  @Test
  void ties_a_response_code_to_its_status() {
    String forbidden = NOT_FOUND.replace("SESSION_NOT_FOUND", "PERMISSION_DENIED");

    assertThatCode(() -> CONTRACT.assertValid("GET", SESSION_PATH, 403, JSON, forbidden))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CONTRACT.assertValid("GET", SESSION_PATH, 403, JSON, NOT_FOUND))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void matches_literal_segments_before_parameters() {
    String errors =
        """
        [{"file": "tools/broken.py", "error_type": "ImportError", "error": "no module",
          "timestamp": 1711972800.0}]
        """;

    assertThatCode(() -> CONTRACT.assertValid("GET", "/tools/errors", 200, JSON, errors))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CONTRACT.assertValid("GET", "/tools/errors", 200, JSON, "{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("listToolErrors");
  }

  @Test
  void checks_the_payload_of_each_logged_event_by_its_type() {
    String events =
        """
        {"events": [{"sequence": 1, "session_id": "s", "run_id": "r", "event": "%s",
                     "data": %s, "created_at": "2026-03-02T12:00:01Z"}],
         "has_more": false}
        """;
    String path = SESSION_PATH + "/events?after=0";

    assertThatCode(
            () ->
                CONTRACT.assertValid(
                    "GET", path, 200, JSON, events.formatted("token", "{\"content\": \"Hi\"}")))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                CONTRACT.assertValid(
                    "GET", path, 200, JSON, events.formatted("done", "{\"content\": \"Hi\"}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("assistant_data");
  }

  @Test
  void checks_only_the_content_type_of_an_event_stream() {
    assertThatCode(
            () ->
                CONTRACT.assertValid(
                    "POST",
                    SESSION_PATH + "/messages",
                    200,
                    "text/event-stream",
                    "id: 1\nevent: token\ndata: {\"content\":\"Hi\"}\n\n"))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> CONTRACT.assertValid("POST", SESSION_PATH + "/messages", 200, JSON, "{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("content type application/json is not documented");
  }

  @Test
  void rejects_an_undocumented_content_type() {
    assertThatThrownBy(() -> CONTRACT.assertValid("GET", "/health", 200, "text/plain", "ok"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("content type text/plain is not documented");
  }

  @Test
  void rejects_a_body_that_is_not_json() {
    assertThatThrownBy(() -> CONTRACT.assertValid("GET", SESSION_PATH, 200, JSON, "{\"id\":"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the body is not JSON");
  }

  @Test
  void rejects_a_missing_body_and_a_body_where_none_is_documented() {
    assertThatThrownBy(() -> CONTRACT.assertValid("GET", SESSION_PATH, 200, JSON, ""))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("none came");
    assertThatCode(() -> CONTRACT.assertValid("DELETE", SESSION_PATH, 204, null, null))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CONTRACT.assertValid("DELETE", SESSION_PATH, 204, JSON, "{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("describes no body");
  }

  @Test
  void checks_an_http_exchange_including_required_headers() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:8000" + SESSION_PATH + "?x=1"))
            .GET()
            .build();
    Map<String, List<String>> headers =
        Map.of("Content-Type", List.of(JSON), "X-Request-Id", List.of("3f2c8a9e"));

    assertThatCode(
            () -> CONTRACT.assertValid(request, new FakeResponse(request, 200, headers, SESSION)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                CONTRACT.assertValid(
                    request,
                    new FakeResponse(request, 200, Map.of("Content-Type", List.of(JSON)), SESSION)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing required response headers: [X-Request-Id]");
    assertThatThrownBy(
            () ->
                CONTRACT.assertValid(
                    request,
                    new FakeResponse(request, 200, Map.of("Content-Type", List.of(JSON)), "{}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("required property 'id' not found")
        .hasMessageContaining("missing required response headers: [X-Request-Id]");
  }

  @Test
  void requires_the_rate_limit_headers_on_a_429() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:8000/health")).build();
    String body =
        "{\"error\": \"Rate limit exceeded\", \"code\": \"RATE_LIMITED\", \"details\": {}}";
    Map<String, List<String>> headers =
        Map.of(
            "Content-Type", List.of(JSON),
            "X-Request-Id", List.of("3f2c8a9e"),
            "Retry-After", List.of("2"),
            "X-RateLimit-Limit", List.of("10"),
            "X-RateLimit-Remaining", List.of("0"));

    assertThatCode(
            () -> CONTRACT.assertValid(request, new FakeResponse(request, 429, headers, body)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                CONTRACT.assertValid(
                    request,
                    new FakeResponse(
                        request,
                        429,
                        Map.of("Content-Type", List.of(JSON), "X-Request-Id", List.of("a")),
                        body)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Retry-After");
  }

  @Test
  void checks_a_routing_error_against_the_envelope_alone() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:8000/no/such/route")).build();
    Map<String, List<String>> headers =
        Map.of("Content-Type", List.of(JSON), "X-Request-Id", List.of("3f2c8a9e"));
    String notFound = "{\"error\": \"no route\", \"code\": \"NOT_FOUND\", \"details\": {}}";

    assertThatCode(
            () -> CONTRACT.assertValidError(new FakeResponse(request, 404, headers, notFound)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                CONTRACT.assertValidError(
                    new FakeResponse(request, 404, headers, "{\"detail\": \"Not Found\"}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("required property 'code' not found");
    assertThatThrownBy(
            () -> CONTRACT.assertValidError(new FakeResponse(request, 200, headers, notFound)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("status 200 is not an error status");
  }

  @Test
  void can_be_shared_by_concurrent_tests() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        boolean valid = i % 2 == 0;
        results.add(
            executor.submit(
                () -> {
                  OpenApiContract contract = CONTRACT;
                  if (valid) {
                    contract.assertValid("GET", SESSION_PATH, 200, JSON, SESSION);
                  } else {
                    assertThatThrownBy(
                            () -> contract.assertValid("GET", SESSION_PATH, 200, JSON, "{}"))
                        .isInstanceOf(AssertionError.class);
                  }
                }));
      }

      assertThat(results)
          .allSatisfy(result -> assertThat(result).succeedsWithin(Duration.ofSeconds(30)));
    } finally {
      executor.shutdownNow();
    }
  }

  /** A canned response, since {@link HttpResponse} has no public implementation to build. */
  private record FakeResponse(
      HttpRequest request, int statusCode, Map<String, List<String>> headerMap, String body)
      implements HttpResponse<String> {

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(headerMap, (name, value) -> true);
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
