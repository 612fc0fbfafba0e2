package dev.cogent.memory.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The document types ingestion accepts, by extension, with their canonical MIME type. */
public enum DocumentType {
  TXT("txt", "text/plain"),
  MD("md", "text/markdown"),
  HTML("html", "text/html"),
  CSV("csv", "text/csv"),
  JSON("json", "application/json"),
  PDF("pdf", "application/pdf"),
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final String extension;
  private final String mimeType;

  DocumentType(String extension, String mimeType) {
    this.extension = extension;
    this.mimeType = mimeType;
  }

  public String extension() {
    return extension;
  }

  public String mimeType() {
    return mimeType;
  }

  /**
   * The type of a file by its name's extension, else by its content type; text of an unknown kind
   * is {@link #TXT}.
   */
  public static Optional<DocumentType> detect(String fileName, String contentType) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    if (ext.equals("htm")) {
      ext = "html";
    } else if (ext.equals("markdown")) {
      ext = "md";
    } else if (ext.equals("text")) {
      ext = "txt";
    }
    String byExtension = ext;
    Optional<DocumentType> found =
        Arrays.stream(values()).filter(t -> t.extension.equals(byExtension)).findFirst();
    if (found.isPresent()) {
      return found;
    }
    String mime =
        contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    Optional<DocumentType> byMime =
        Arrays.stream(values()).filter(t -> t.mimeType.equals(mime)).findFirst();
    if (byMime.isPresent()) {
      return byMime;
    }
    if (ext.isEmpty()
        && (mime.isEmpty()
            || mime.startsWith("text/")
            || mime.equals("application/octet-stream"))) {
      return Optional.of(TXT);
    }
    return Optional.empty();
  }

  public static String supported() {
    return String.join(", ", Arrays.stream(values()).map(DocumentType::extension).toList());
  }
}
