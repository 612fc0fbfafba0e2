package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The lifecycle of a run: {@code queued} and {@code running} are live, {@code waiting_for_approval}
 * is paused, the rest are final. A new run is stored {@code running} in the transaction that starts
 * it; {@code queued} remains for runs stored by earlier versions (start-up recovery still ends
 * them).
 */
public enum RunStatus {
  QUEUED,
  RUNNING,
  WAITING_FOR_APPROVAL,
  COMPLETED,
  FAILED,
  ABORTED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == ABORTED;
  }

  static RunStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
