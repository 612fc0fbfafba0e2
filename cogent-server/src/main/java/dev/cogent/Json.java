package dev.cogent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/**
 * The one JSON mapper of the server, shared by the HTTP layer and by repositories that store JSON
 * columns. Unknown properties in request bodies are rejected, instants are ISO-8601 strings.
 */
public final class Json {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

  private final ObjectMapper mapper;

  public Json() {
    this.mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Serializes a value that is known to be serializable (records, maps, lists, scalars). */
  public String write(Object value) {
    if (value instanceof Map<?, ?> map) {
      String flat = writeStringMap(map);
      if (flat != null) {
        return flat;
      }
    }
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
    }
  }

  /**
   * A map of strings to strings (most streamed events: a token's delta, a status) written without a
   * generator: the mapper's generator, write context and serializer provider, made anew for each
   * call, were most of what a token allocated (docs/benchmarks.md). Escaped by Jackson's own
   * encoder, so the text is the mapper's to the byte. Null when the map holds anything else.
   */
  private static String writeStringMap(Map<?, ?> map) {
    StringBuilder out = new StringBuilder(32);
    out.append('{');
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key) || !(entry.getValue() instanceof String text)) {
        return null;
      }
      if (out.length() > 1) {
        out.append(',');
      }
      quote(key, out);
      out.append(':');
      quote(text, out);
    }
    return out.append('}').toString();
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    out.append('"');
  }

  /** Reads a JSON object stored by this server; a corrupt value is a bug, not a client error. */
  public Map<String, Object> readObject(String json) {
    try {
      return mapper.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not an object", e);
    }
  }

  /** Reads a JSON object of string values stored by this server. */
  public Map<String, String> readStrings(String json) {
    try {
      return mapper.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not an object of strings", e);
    }
  }

  public <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not a " + type.getSimpleName(), e);
    }
  }
}
