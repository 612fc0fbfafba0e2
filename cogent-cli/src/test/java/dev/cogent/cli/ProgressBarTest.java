package dev.cogent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private final StringWriter written = new StringWriter();

  @Test
  void draws_bytes_in_place_and_ends_the_line() {
    ProgressBar bar = ProgressBar.ofBytes(new PrintWriter(written), true, "upload");

    bar.update(512, 2048);
    bar.update(2048, 2048);
    bar.finish();

    assertThat(written.toString())
        .isEqualTo(
            "\rupload [########----------------------]  25% 512 B/2.0 KB"
                + "\rupload [##############################] 100% 2.0 KB/2.0 KB"
                + System.lineSeparator());
  }

  @Test
  void counts_items_and_shows_an_unknown_total_without_a_percentage() {
    ProgressBar bar = ProgressBar.ofItems(new PrintWriter(written), true, "cognify");

    bar.update(0, 0);
    bar.update(1, 4);

    assertThat(written.toString())
        .isEqualTo(
            "\rcognify [------------------------------]   ?% 0/0"
                + "\rcognify [########----------------------]  25% 1/4");
  }

  @Test
  void a_disabled_bar_writes_nothing() {
    ProgressBar bar = ProgressBar.ofBytes(new PrintWriter(written), false, "upload");

    bar.update(1, 2);
    bar.finish();

    assertThat(written.toString()).isEmpty();
  }

  @Test
  void sizes_read_in_bytes_kilobytes_and_megabytes() {
    assertThat(ProgressBar.size(1023)).isEqualTo("1023 B");
    assertThat(ProgressBar.size(1536)).isEqualTo("1.5 KB");
    assertThat(ProgressBar.size(3 * 1024 * 1024)).isEqualTo("3.0 MB");
  }
}
