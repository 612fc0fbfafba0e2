package dev.cogent.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExposureCheckTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, true",
    "127.0.0.2, true",
    "localhost, true",
    "::1, true",
    "[::1], true",
    "0.0.0.0, false",
    "::, false",
    "10.1.2.3, false",
    "192.168.1.10, false",
    "no-such-host.invalid, false"
  })
  void knows_loopback_addresses(String host, boolean loopback) {
    assertThat(ExposureCheck.isLoopback(host)).as(host).isEqualTo(loopback);
  }
}
