package dev.cogent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Registers users of a {@link TestServer} and logs them in, all with the same password. */
public final class TestUsers {

  public static final String PASSWORD = "a long password";

  private TestUsers() {}

  /** Registers {@code email}; the first user of a server is its administrator. */
  public static String register(TestServer server, String email) {
    HttpResponse<String> response =
        server.post(
            "/api/v1/auth/register",
            "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return email;
  }

  /** Registers {@code email} and logs in: the value of an {@code Authorization} header. */
  public static String bearer(TestServer server, String email) {
    register(server, email);
    String form =
        "username="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/api/v1/auth/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = server.sendUnchecked(request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return "Bearer " + TestServer.json(response).path("access_token").asText();
  }
}
