package dev.cogent.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MultipartTest {

  /** Reads a body publisher to the end, as the HTTP client would. */
  private static String drain(java.net.http.HttpRequest.BodyPublisher publisher) throws Exception {
    CompletableFuture<String> body = new CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    publisher.subscribe(
        new Flow.Subscriber<>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ByteBuffer item) {
            text.append(StandardCharsets.UTF_8.decode(item));
          }

          @Override
          public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
          }

          @Override
          public void onComplete() {
            body.complete(text.toString());
          }
        });
    return body.get(10, TimeUnit.SECONDS);
  }

  @Test
  void encodes_fields_and_files_between_boundaries() throws Exception {
    Multipart form =
        new Multipart()
            .field("datasetName", "notes")
            .field("ignored", null)
            .fields("node_set", List.of("a", "b"))
            .file("data", new Upload("say \"hi\".txt", "text/plain", "hello".getBytes()));
    String boundary = form.contentType().substring(form.contentType().indexOf('=') + 1);

    String body = drain(form.publisher(ProgressListener.NONE));

    assertThat(form.contentType()).startsWith("multipart/form-data; boundary=cogent-");
    assertThat(body)
        .isEqualTo(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"datasetName\"\r\n\r\nnotes\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"node_set\"\r\n\r\na\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"node_set\"\r\n\r\nb\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"say _hi_.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
                + "--"
                + boundary
                + "--\r\n");
  }

  @Test
  void reports_the_bytes_handed_over_slice_by_slice_up_to_the_length() throws Exception {
    byte[] large = new byte[150 * 1024];
    Multipart form = new Multipart().file("data", new Upload("big.txt", "text/plain", large));
    List<long[]> reports = new ArrayList<>();

    var publisher = form.publisher((done, total) -> reports.add(new long[] {done, total}));
    drain(publisher);

    assertThat(reports).hasSize(3);
    assertThat(reports.get(0)[0]).isEqualTo(64 * 1024);
    assertThat(reports.get(2)[0]).isEqualTo(publisher.contentLength());
    assertThat(reports)
        .allSatisfy(report -> assertThat(report[1]).isEqualTo(publisher.contentLength()));
  }
}
