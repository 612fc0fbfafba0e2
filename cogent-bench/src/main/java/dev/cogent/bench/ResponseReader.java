package dev.cogent.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads one HTTP/1.1 response from the bytes of its connection as they arrive, and hands each line
 * of its body to a consumer (without its line end): the status line and headers first, then a body
 * of {@code Content-Length} bytes, chunked, or until the connection closes.
 *
 * <p>Not thread-safe: one connection's reader, fed by one thread.
 */
final class ResponseReader {

  private enum State {
    HEAD,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILER,
    BODY_LENGTH,
    BODY_UNTIL_CLOSE,
    DONE
  }

  /** A head or a chunk size line longer than this is no response of our server. */
  private static final int MAX_LINE = 64 * 1024;

  private final Consumer<String> lines;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private State state = State.HEAD;
  private Headers headers;
  private int status;
  private long remaining;

  ResponseReader(Consumer<String> lines) {
    this.lines = lines;
  }

  /** The response's status code; 0 until its status line was read. */
  int status() {
    return status;
  }

  /** Whether the whole response was read. */
  boolean done() {
    return state == State.DONE;
  }

  /**
   * Reads the bytes {@code buffer} has left; bytes after the end of the response are ignored.
   *
   * @throws IOException when they are not an HTTP/1.1 response
   */
  void read(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining() && state != State.DONE) {
      switch (state) {
        case HEAD -> readHead(buffer);
        case CHUNK_SIZE -> readChunkSize(buffer);
        case CHUNK_DATA -> readBody(buffer, State.CHUNK_END);
        case CHUNK_END -> readChunkEnd(buffer);
        case TRAILER -> readTrailer(buffer);
        case BODY_LENGTH -> readBody(buffer, State.DONE);
        case BODY_UNTIL_CLOSE -> body(buffer, buffer.remaining());
        default -> throw new IllegalStateException(state.name());
      }
    }
  }

  /**
   * The connection was closed by the server.
   *
   * @throws IOException unless the response ends with its connection
   */
  void closed() throws IOException {
    if (state == State.BODY_UNTIL_CLOSE) {
      endBody();
    } else if (state != State.DONE) {
      throw new IOException("the connection closed before the end of the response");
    }
  }

  private void readHead(ByteBuffer buffer) throws IOException {
    String head = takeLine(buffer);
    if (head == null) {
      return;
    }
    if (status == 0) {
      status = parseStatus(head);
      headers = new Headers();
    } else if (!head.isEmpty()) {
      headers.add(head);
    } else {
      startBody();
    }
  }

  /** The headers that decide how the body ends. */
  private static final class Headers {
    boolean chunked;
    long contentLength = -1;

    void add(String header) throws IOException {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header: " + header);
      }
      String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).strip();
      if (name.equals("transfer-encoding")) {
        chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
      } else if (name.equals("content-length")) {
        try {
          contentLength = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new IOException("malformed Content-Length: " + value, e);
        }
      }
    }
  }

  private void startBody() {
    if (headers.chunked) {
      state = State.CHUNK_SIZE;
    } else if (headers.contentLength >= 0) {
      remaining = headers.contentLength;
      state = State.BODY_LENGTH;
      if (remaining == 0) {
        endBody();
      }
    } else {
      state = State.BODY_UNTIL_CLOSE;
    }
  }

  private static int parseStatus(String statusLine) throws IOException {
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine);
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine, e);
    }
  }

  private void readChunkSize(ByteBuffer buffer) throws IOException {
    String sizeLine = takeLine(buffer);
    if (sizeLine == null) {
      return;
    }
    int extension = sizeLine.indexOf(';');
    String hex = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).strip();
    try {
      remaining = Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("malformed chunk size: " + sizeLine, e);
    }
    state = remaining == 0 ? State.TRAILER : State.CHUNK_DATA;
  }

  private void readBody(ByteBuffer buffer, State after) {
    int count = (int) Math.min(remaining, buffer.remaining());
    body(buffer, count);
    remaining -= count;
    if (remaining == 0) {
      state = after;
      if (after == State.DONE) {
        endBody();
      }
    }
  }

  private void readChunkEnd(ByteBuffer buffer) throws IOException {
    String end = takeLine(buffer);
    if (end == null) {
      return;
    }
    if (!end.isEmpty()) {
      throw new IOException("a chunk does not end with CRLF");
    }
    state = State.CHUNK_SIZE;
  }

  private void readTrailer(ByteBuffer buffer) throws IOException {
    String trailer = takeLine(buffer);
    if (trailer != null && trailer.isEmpty()) {
      endBody();
    }
  }

  /** Hands {@code count} body bytes of {@code buffer} to the line splitter. */
  private void body(ByteBuffer buffer, int count) {
    for (int i = 0; i < count; i++) {
      byte b = buffer.get();
      if (b == '\n') {
        emitLine();
      } else {
        line.write(b);
      }
    }
  }

  private void emitLine() {
    lines.accept(takeWithoutCr(line, StandardCharsets.UTF_8));
  }

  private void endBody() {
    if (line.size() > 0) {
      emitLine();
    }
    state = State.DONE;
  }

  /**
   * The next CRLF- (or LF-) ended protocol line without its end, or null when {@code buffer} ends
   * before it does (its bytes are kept for the next call).
   */
  private String takeLine(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      byte b = buffer.get();
      if (b == '\n') {
        return takeWithoutCr(pending, StandardCharsets.ISO_8859_1);
      }
      if (pending.size() >= MAX_LINE) {
        throw new IOException("a response line longer than " + MAX_LINE + " bytes");
      }
      pending.write(b);
    }
    return null;
  }

  /**
   * The bytes gathered so far as text, without a CR before the line's LF; empties {@code bytes}.
   */
  private static String takeWithoutCr(ByteArrayOutputStream bytes, Charset charset) {
    byte[] taken = bytes.toByteArray();
    bytes.reset();
    int length =
        taken.length > 0 && taken[taken.length - 1] == '\r' ? taken.length - 1 : taken.length;
    return new String(taken, 0, length, charset);
  }
}
