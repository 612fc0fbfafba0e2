package dev.cogent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackUrlTest {

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:8000, http://127.0.0.1:8000/sessions",
    "http://127.0.0.1:8000/, http://127.0.0.1:8000/sessions",
    "http://localhost:8000, http://localhost:8000/sessions",
    "http://[::1]:8000, http://[::1]:8000/sessions",
    "http://127.0.0.2:8000/api//, http://127.0.0.2:8000/api/sessions",
  })
  void accepts_loopback_urls(String url, String sessions) {
    assertThat(LoopbackUrl.parse(url).resolve("/sessions")).isEqualTo(URI.create(sessions));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://10.1.2.3:8000", "http://192.168.0.1", "http://[2001:db8::1]:8000"})
  void refuses_to_load_other_machines(String url) {
    assertThatThrownBy(() -> LoopbackUrl.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a loopback address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://127.0.0.1", "127.0.0.1:8000", "http://127.0.0.1:8000/?a=b"})
  void refuses_what_is_not_a_base_url(String url) {
    assertThatThrownBy(() -> LoopbackUrl.parse(url)).isInstanceOf(IllegalArgumentException.class);
  }
}
