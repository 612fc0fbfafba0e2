package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The lifecycle of a session; wire values are lower snake case. */
public enum SessionStatus {
  ACTIVE,
  RUNNING,
  WAITING_FOR_APPROVAL,
  ARCHIVED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SessionStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
