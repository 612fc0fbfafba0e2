package dev.cogent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.http.OpenApiContract;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Users of a {@link TestServer} made the way clients make them: registered and logged in over HTTP
 * ({@code POST /api/v1/auth/register}, then the login form), all with the same password; the first
 * user of a server is its administrator. Every response is checked against the OpenAPI document.
 */
public final class Accounts {

  /** The password every account of this fixture has. */
  public static final String PASSWORD = "a long password";

  private final TestServer server;
  private static final OpenApiContract CONTRACT = OpenApiContract.load();

  public Accounts(TestServer server) {
    this.server = server;
  }

  /** Registers a user (201 asserted) and answers the user as the server shows it. */
  public JsonNode register(String email) {
    HttpResponse<String> response =
        server.post(
            "/api/v1/auth/register",
            "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return TestServer.json(response);
  }

  /** Sends the login form, whatever the outcome. */
  public HttpResponse<String> login(String username, String password) {
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/api/v1/auth/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = server.sendUnchecked(request);
    CONTRACT.assertValid(request, response);
    return response;
  }

  /** A fresh access token of a registered user (200 asserted). */
  public String token(String email) {
    HttpResponse<String> response = login(email, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response).path("access_token").asText();
  }

  /** The {@code Authorization} header value of a fresh access token of a registered user. */
  public String bearer(String email) {
    return "Bearer " + token(email);
  }

  /** Registers a user and logs in: the {@code Authorization} header value of its access token. */
  public String registerAndBearer(String email) {
    register(email);
    return bearer(email);
  }
}
