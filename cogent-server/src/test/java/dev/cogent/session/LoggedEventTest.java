package dev.cogent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggedEventTest {

  private final Json json = new Json();
  private final Instant at = Instant.parse("2026-03-02T12:00:00Z");

  @Test
  void the_data_is_serialized_once_and_its_text_reused() {
    LoggedEvent event = new LoggedEvent(1, "s", "r", "token", Map.of("content", "Hi"), at);

    String first = event.dataJson(json);

    assertThat(first).isEqualTo("{\"content\":\"Hi\"}");
    assertThat(event.dataJson(json)).isSameAs(first);
  }

  @Test
  void an_event_read_back_keeps_the_stored_text_and_equals_the_one_written() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("code", "ABORTED");
    data.put("message", "stopped");
    LoggedEvent written = new LoggedEvent(3, "s", "r", "error", data, at);
    String stored = written.dataJson(json);

    LoggedEvent read = new LoggedEvent(3, "s", "r", "error", json.readObject(stored), stored, at);

    assertThat(read).isEqualTo(written).hasSameHashCodeAs(written);
    assertThat(read.dataJson(json)).isSameAs(stored);
    assertThat(read.isTerminal()).isTrue();
  }

  @Test
  void its_json_has_the_six_fields_of_the_api_in_order_and_nothing_else() {
    LoggedEvent event = new LoggedEvent(2, "s", "r", "done", Map.of(), at);

    JsonNode node = json.mapper().valueToTree(event);

    assertThat(node.fieldNames())
        .toIterable()
        .containsExactly("sequence", "session_id", "run_id", "event", "data", "created_at");
  }
}
