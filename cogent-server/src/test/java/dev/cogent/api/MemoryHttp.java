package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.http.OpenApiContract;
import dev.cogent.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** HTTP helpers of the memory ITs: users, bearer calls and multipart bodies. */
final class MemoryHttp {

  private static final OpenApiContract CONTRACT = OpenApiContract.load();

  private final TestServer server;

  MemoryHttp(TestServer server) {
    this.server = server;
  }

  /** One part of a multipart body; {@code fileName} null for a form field. */
  record Part(String name, String fileName, String contentType, byte[] content) {
    static Part field(String name, String value) {
      return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    static Part file(String name, String fileName, String contentType, String content) {
      return new Part(name, fileName, contentType, content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Registers a user and answers {@code Bearer <token>}. */
  String user(String email) {
    HttpResponse<String> registered =
        server.post(
            "/api/v1/auth/register",
            "{\"email\": \"" + email + "\", \"password\": \"a long password\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return login(email);
  }

  /** Logs a registered user in and answers {@code Bearer <token>}. */
  String login(String email) {
    String form =
        "username="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode("a long password", StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/api/v1/auth/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = server.sendUnchecked(request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return "Bearer " + TestServer.json(response).path("access_token").asText();
  }

  HttpResponse<String> get(String bearer, String path) {
    return server.get(path, "Authorization", bearer);
  }

  HttpResponse<String> post(String bearer, String path, String body) {
    return server.post(path, body, "Authorization", bearer);
  }

  HttpResponse<String> delete(String bearer, String path) {
    return server.delete(path, "Authorization", bearer);
  }

  HttpResponse<String> multipart(String bearer, String method, String path, List<Part> parts) {
    String boundary = "cogent-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
      if (part.fileName() != null) {
        head.append("; filename=\"").append(part.fileName()).append('"');
      }
      head.append("\r\n");
      if (part.contentType() != null) {
        head.append("Content-Type: ").append(part.contentType()).append("\r\n");
      }
      head.append("\r\n");
      body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Authorization", bearer)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    HttpResponse<String> response = server.sendUnchecked(request);
    CONTRACT.assertValid(request, response);
    return response;
  }

  /** The labels of a dataset's graph nodes. */
  List<String> nodeLabels(String bearer, String datasetId) {
    List<String> labels = new ArrayList<>();
    ok(get(bearer, "/api/v1/datasets/" + datasetId + "/graph"))
        .path("nodes")
        .forEach(n -> labels.add(n.path("label").asText()));
    return labels;
  }

  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return TestServer.json(response);
  }
}
