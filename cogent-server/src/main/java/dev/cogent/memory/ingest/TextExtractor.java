package dev.cogent.memory.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;

/**
 * The plain text of a document: UTF-8 for text types, the visible text of HTML (jsoup), the text
 * layer of a PDF (PDFBox), the paragraphs of a DOCX (Apache POI). CSV and JSON stay as written:
 * their keys and values are the text. Stateless and thread-safe.
 */
public final class TextExtractor {

  /**
   * @throws UnreadableDocumentException when the bytes are not a document of that type
   */
  public String extract(DocumentType type, byte[] bytes) {
    try {
      return switch (type) {
        case TXT, MD, CSV, JSON -> new String(bytes, StandardCharsets.UTF_8);
        case HTML -> Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)).wholeText().strip();
        case PDF -> pdf(bytes);
        case DOCX -> docx(bytes);
      };
    } catch (IOException | RuntimeException e) {
      throw new UnreadableDocumentException(
          "Cannot read the " + type.extension() + " document: " + e.getMessage(), e);
    }
  }

  private static String pdf(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(document).strip();
    }
  }

  private static String docx(byte[] bytes) throws IOException {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      return extractor.getText().strip();
    }
  }
}
