package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who wrote a message of the transcript. */
public enum MessageRole {
  USER,
  ASSISTANT,
  SYSTEM,
  TOOL;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MessageRole fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
