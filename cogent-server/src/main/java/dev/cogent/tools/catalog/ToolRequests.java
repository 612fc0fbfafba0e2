package dev.cogent.tools.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The request bodies of the tool endpoints, as the client sent them (absent = null). */
public final class ToolRequests {

  private ToolRequests() {}

  /**
   * {@code POST /tools}: exactly one of {@code code} and {@code path}.
   *
   * @param code Python source with {@code @tool} functions (or, with {@code language:
   *     "javascript"}, a CommonJS module exporting tools); it runs in the sandbox
   * @param path the fully qualified name of a Java class implementing {@link
   *     dev.cogent.tools.Tool}, on the classpath or in {@code .cogent/plugins/*.jar}
   * @param language {@code python} (the default for {@code code}) or {@code javascript}
   * @param scope the scope to store the tool under; must be within the caller's; absent = the
   *     caller's own scope
   */
  public record Create(
      @JsonProperty("name") String name,
      @JsonProperty("code") String code,
      @JsonProperty("path") String path,
      @JsonProperty("language") String language,
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("description") String description,
      @JsonProperty("interrupt_on") Boolean interruptOn,
      @JsonProperty("scope") Map<String, String> scope) {}
}
