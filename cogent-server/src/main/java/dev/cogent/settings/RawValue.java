package dev.cogent.settings;

import java.util.List;

/**
 * A setting's value as one layer gave it, before typing.
 *
 * @param value a String, a {@code List<String>} (a YAML sequence) or null (a YAML null)
 * @param origin where it came from
 */
record RawValue(Object value, Origin origin) {

  RawValue {
    if (value instanceof List<?> list) {
      value = List.copyOf(list);
    }
  }
}
