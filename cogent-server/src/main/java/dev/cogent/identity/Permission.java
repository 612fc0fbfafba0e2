package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.cogent.ApiException;
import java.util.Arrays;
import java.util.Locale;

/** A permission on a dataset, as the anchor names them ({@code read}, {@code write}, ...). */
public enum Permission {
  READ,
  WRITE,
  DELETE,
  SHARE;

  /** The wire name: {@code read}, {@code write}, {@code delete} or {@code share}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws ApiException 422 naming {@code field} for anything but the four wire names
   */
  public static Permission parse(String value, String field) {
    return Arrays.stream(values())
        .filter(permission -> permission.wireName().equals(value))
        .findFirst()
        .orElseThrow(
            () -> ApiException.invalid(field, "must be one of read, write, delete, share"));
  }
}
