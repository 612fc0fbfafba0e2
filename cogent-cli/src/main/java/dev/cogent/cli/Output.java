package dev.cogent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cogent.client.CogentException;
import java.io.PrintWriter;
import java.util.List;

/** Prints results as JSON or as aligned text columns, and errors in one format. */
final class Output {

  private final ObjectMapper json =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final ObjectMapper compact =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final PrintWriter out;
  private final PrintWriter err;

  Output(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  void json(Object value) {
    try {
      out.println(json.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print " + value.getClass().getSimpleName(), e);
    }
    out.flush();
  }

  /** One value as one line of JSON (for streams of events). */
  void jsonLine(Object value) {
    try {
      out.println(compact.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print " + value.getClass().getSimpleName(), e);
    }
    out.flush();
  }

  /** Text without a line end, flushed (streamed tokens). */
  void text(String text) {
    out.print(text);
    out.flush();
  }

  /** A line on the error stream. */
  void error(String text) {
    err.println(text);
    err.flush();
  }

  /**
   * A progress bar on the error stream, drawn only when stdout is a terminal and {@code json} is
   * off.
   */
  ProgressBar progress(boolean json, String label, boolean bytes) {
    boolean enabled = ProgressBar.wanted(json);
    return bytes
        ? ProgressBar.ofBytes(err, enabled, label)
        : ProgressBar.ofItems(err, enabled, label);
  }

  /** Text styled with picocli markup ({@code @|bold x|@}) when stdout is a terminal, else plain. */
  static String styled(String markup) {
    return picocli.CommandLine.Help.Ansi.AUTO.string(markup);
  }

  /**
   * Prints {@code items} as JSON, or as a table of the given JSON fields (record components by wire
   * name), with an upper-cased header.
   */
  void rows(boolean asJson, List<?> items, String... fields) {
    if (asJson) {
      json(items);
      return;
    }
    List<List<String>> rows = new java.util.ArrayList<>();
    for (Object item : items) {
      java.util.Map<?, ?> map = compact.convertValue(item, java.util.Map.class);
      List<String> row = new java.util.ArrayList<>();
      for (String field : fields) {
        Object value = map.get(field);
        row.add(value == null ? "" : oneLine(String.valueOf(value)));
      }
      rows.add(row);
    }
    table(
        java.util.Arrays.stream(fields).map(f -> f.toUpperCase(java.util.Locale.ROOT)).toList(),
        rows);
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() > 60 ? flat.substring(0, 57) + "..." : flat;
  }

  void line(String text) {
    out.println(text);
    out.flush();
  }

  /** Prints rows under a header, each column as wide as its widest cell. */
  void table(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    printRow(header, widths);
    rows.forEach(row -> printRow(row, widths));
    out.flush();
  }

  private void printRow(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i]));
    }
    out.println(line);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  /** Prints a failed call and returns the exit code for it. */
  int failure(CogentException e) {
    if (e.status() == 0) {
      err.println("cogent: " + e.getMessage());
      err.flush();
      return ExitCodes.UNREACHABLE;
    }
    err.println("cogent: " + e.code() + " (HTTP " + e.status() + "): " + e.getMessage());
    Object errors = e.details().get("errors");
    if (errors instanceof List<?> list) {
      list.forEach(item -> err.println("  " + item));
    }
    if (e.requestId() != null) {
      err.println("  request id: " + e.requestId());
    }
    err.flush();
    return ExitCodes.SERVER_ERROR;
  }
}
