package dev.cogent.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body built in memory with the JDK only. The publisher hands the
 * body to the connection in slices, so a {@link ProgressListener} sees the upload advance.
 */
final class Multipart {

  private static final int SLICE = 64 * 1024;

  private final String boundary = "cogent-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** Adds a text field; a null value is left out. */
  Multipart field(String name, String value) {
    if (value != null) {
      head("Content-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n");
      write(value.getBytes(StandardCharsets.UTF_8));
      write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    return this;
  }

  /** Adds each value as one field of the same name. */
  Multipart fields(String name, List<String> values) {
    values.forEach(value -> field(name, value));
    return this;
  }

  /** Adds a file part. */
  Multipart file(String name, Upload upload) {
    head(
        "Content-Disposition: form-data; name=\""
            + quoted(name)
            + "\"; filename=\""
            + quoted(upload.fileName())
            + "\"\r\nContent-Type: "
            + upload.contentType()
            + "\r\n");
    write(upload.bytes());
    write("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The finished body; each subscription (a retry) starts the progress over. */
  HttpRequest.BodyPublisher publisher(ProgressListener listener) {
    byte[] whole = finished();
    Iterable<byte[]> slices =
        () ->
            new Iterator<>() {
              private int offset;

              @Override
              public boolean hasNext() {
                return offset < whole.length;
              }

              @Override
              public byte[] next() {
                int end = Math.min(whole.length, offset + SLICE);
                byte[] slice = Arrays.copyOfRange(whole, offset, end);
                offset = end;
                listener.progress(offset, whole.length);
                return slice;
              }
            };
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofByteArrays(slices), whole.length);
  }

  private byte[] finished() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(body.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return all.toByteArray();
  }

  private void head(String headers) {
    write(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private void write(byte[] bytes) {
    body.writeBytes(bytes);
  }

  /** Quotes and line breaks would end the header early; the server sees them as underscores. */
  private static String quoted(String text) {
    return text.replaceAll("[\"\\r\\n]", "_");
  }
}
