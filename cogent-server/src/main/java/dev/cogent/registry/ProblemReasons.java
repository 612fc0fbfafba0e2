package dev.cogent.registry;

import dev.cogent.ApiException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a validation failure of a file's content into one line for an operator. */
final class ProblemReasons {

  private ProblemReasons() {}

  static String of(ApiException e) {
    if (e.details().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
      return errors.stream()
          .map(
              error ->
                  error instanceof Map<?, ?> map
                      ? map.get("field") + ": " + map.get("message")
                      : String.valueOf(error))
          .collect(Collectors.joining("; "));
    }
    return e.getMessage();
  }

  static String of(IllegalArgumentException e) {
    return FrontMatter.firstLine(e.getMessage());
  }
}
