package dev.cogent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

  static final String CHUNKED =
      "HTTP/1.1 200 OK\r\n"
          + "Content-Type: text/event-stream\r\n"
          + "Transfer-Encoding: chunked\r\n"
          + "\r\n"
          + "f\r\n"
          + "retry: 3000\n\nid\r\n"
          + "1a;ext=1\r\n"
          + ": 1\nevent: token\ndata: {}\n\r\n"
          + "e\r\n"
          + "data: \u00e9\u00e9\u00e9\n\n\r\n"
          + "0\r\n"
          + "\r\n";

  static final List<String> CHUNKED_LINES =
      List.of("retry: 3000", "", "id: 1", "event: token", "data: {}", "data: ééé", "");

  final List<String> lines = new ArrayList<>();
  final ResponseReader reader = new ResponseReader(lines::add);

  @Test
  void reads_a_chunked_body_into_lines_whatever_the_reads_split_it_into() throws IOException {
    byte[] bytes = CHUNKED.getBytes(StandardCharsets.UTF_8);
    for (int split = 1; split < bytes.length; split++) {
      List<String> read = new ArrayList<>();
      ResponseReader reader = new ResponseReader(read::add);
      reader.read(ByteBuffer.wrap(bytes, 0, split));
      assertThat(reader.done()).isFalse();
      reader.read(ByteBuffer.wrap(bytes, split, bytes.length - split));

      assertThat(reader.done()).as("split at %d", split).isTrue();
      assertThat(reader.status()).isEqualTo(200);
      assertThat(read).as("split at %d", split).isEqualTo(CHUNKED_LINES);
    }
  }

  @Test
  void reads_byte_by_byte_too() throws IOException {
    for (byte b : CHUNKED.getBytes(StandardCharsets.UTF_8)) {
      reader.read(ByteBuffer.wrap(new byte[] {b}));
    }

    assertThat(reader.done()).isTrue();
    assertThat(lines).isEqualTo(CHUNKED_LINES);
  }

  @Test
  void a_body_of_a_content_length_ends_there_and_its_last_line_needs_no_line_end()
      throws IOException {
    reader.read(utf8("HTTP/1.1 409 Conflict\r\nContent-Length: 11\r\n\r\n{\"a\":1}\r\n{}TRAILING"));

    assertThat(reader.done()).isTrue();
    assertThat(reader.status()).isEqualTo(409);
    assertThat(lines).containsExactly("{\"a\":1}", "{}");
  }

  @Test
  void an_empty_body_ends_with_the_head() throws IOException {
    reader.read(utf8("HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n"));

    assertThat(reader.done()).isTrue();
    assertThat(lines).isEmpty();
  }

  @Test
  void a_body_without_length_or_chunks_ends_with_its_connection() throws IOException {
    reader.read(utf8("HTTP/1.1 200 OK\r\n\r\nevent: done\ndata: {}"));
    assertThat(reader.done()).isFalse();

    reader.closed();

    assertThat(reader.done()).isTrue();
    assertThat(lines).containsExactly("event: done", "data: {}");
  }

  @Test
  void a_connection_closed_inside_a_chunked_body_is_a_failure() throws IOException {
    reader.read(utf8("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"));

    assertThatThrownBy(reader::closed).isInstanceOf(IOException.class);
  }

  @Test
  void what_is_no_http_response_is_refused() {
    assertThatThrownBy(() -> reader.read(utf8("SSH-2.0-OpenSSH\r\n")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("status line");
    assertThatThrownBy(
            () ->
                new ResponseReader(lines::add)
                    .read(utf8("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("chunk size");
  }

  static ByteBuffer utf8(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
