package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who a dataset permission is granted to. */
public enum PrincipalType {
  USER,
  ROLE,
  TENANT;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static PrincipalType fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
