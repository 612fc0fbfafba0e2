package dev.cogent.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds {@code docs/configuration.md} to {@link SettingKey}, so the two cannot drift apart. */
class ConfigurationDocsTest {

  private static String docs;

  @BeforeAll
  static void read_docs() throws IOException {
    // Surefire runs in the module folder; the docs live at the repository root.
    Path folder = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (folder != null && !Files.exists(folder.resolve("docs/configuration.md"))) {
      folder = folder.getParent();
    }
    assertThat(folder)
        .as("docs/configuration.md above %s", System.getProperty("user.dir"))
        .isNotNull();
    docs = Files.readString(folder.resolve("docs/configuration.md"));
  }

  /** The settings table row of a key: the one line starting with its path. */
  private static String row(SettingKey key) {
    List<String> rows =
        docs.lines().filter(line -> line.startsWith("| `" + key.path() + "` |")).toList();
    assertThat(rows).as("table rows for %s", key.path()).hasSize(1);
    return rows.get(0);
  }

  @Test
  void every_key_has_a_row_with_its_variable_flag_and_default() {
    for (SettingKey key : SettingKey.values()) {
      String row = row(key);
      List<String> cells = Arrays.stream(row.split("\\|")).map(String::strip).toList();

      assertThat(cells.get(3)).as("variable of %s", key.path()).isEqualTo("`" + key.envVar() + "`");
      assertThat(cells.get(4))
          .as("flag of %s", key.path())
          .isEqualTo(key.findFlag().map(flag -> "`--" + flag + "`").orElse(""));
      key.findDefault()
          .ifPresent(
              value -> assertThat(cells.get(2)).as("default of %s", key.path()).contains(value));
      if (key.findDefault().isEmpty() && key != SettingKey.STORE_DATA_DIR) {
        assertThat(cells.get(2)).as("default of %s", key.path()).isEqualTo("none");
      }
    }
  }

  @Test
  void every_runtime_changeable_key_is_marked_and_listed_for_patch() {
    String patchSection = docs.substring(docs.indexOf("### `PATCH /config`"));
    for (SettingKey key : SettingKey.values()) {
      assertThat(row(key).contains("Changeable at runtime"))
          .as("%s marked changeable at runtime", key.path())
          .isEqualTo(key.isPatchable());
      if (key.isPatchable()) {
        assertThat(patchSection).contains("`" + key.path() + "`");
      }
    }
  }

  @Test
  void every_variable_and_flag_is_mentioned() {
    for (SettingKey key : SettingKey.values()) {
      assertThat(docs).contains(key.path(), key.envVar());
      key.findFlag().ifPresent(flag -> assertThat(docs).contains("--" + flag));
    }
    assertThat(docs)
        .contains(SettingsLoader.PROJECT_DIR_VARIABLE, "--" + SettingsLoader.PROJECT_DIR_FLAG);
  }

  @Test
  void the_table_has_no_rows_for_keys_that_do_not_exist() {
    List<String> documented =
        docs.lines()
            .filter(line -> line.matches("\\| `[a-z0-9_]+\\.[a-z0-9_]+` \\|.*"))
            .map(line -> line.substring(3, line.indexOf('`', 3)))
            .toList();

    assertThat(documented)
        .containsExactlyElementsOf(
            Arrays.stream(SettingKey.values()).map(SettingKey::path).toList());
  }
}
