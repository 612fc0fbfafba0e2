package dev.cogent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cogent.Json;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;
import org.jetbrains.annotations.NotNull;

/** Lets Javalin's {@code ctx.json(…)} write with the server's one {@link Json} mapper. */
final class JacksonJsonMapper implements JsonMapper {

  private final Json json;

  JacksonJsonMapper(Json json) {
    this.json = json;
  }

  @NotNull
  @Override
  public String toJsonString(@NotNull Object obj, @NotNull Type type) {
    try {
      return json.mapper().writeValueAsString(obj);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a " + obj.getClass().getName(), e);
    }
  }
}
