package dev.cogent.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillDocumentTest {

  @Test
  void reads_name_description_and_body() {
    SkillDocument skill =
        SkillDocument.parse(
            "---\nname: python-testing\ndescription: pytest patterns\nlicense: MIT\n---\n# Body\n",
            "python-testing",
            "content");

    assertThat(skill.description()).isEqualTo("pytest patterns");
    assertThat(skill.body()).isEqualTo("# Body\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "---\\ndescription: d\\n---\\n|SKILL.md front matter is missing: name",
        "---\\nname: s\\n---\\n|SKILL.md front matter is missing: description",
        "---\\nlicense: MIT\\n---\\n|SKILL.md front matter is missing: name, description",
        "---\\nname: ''\\ndescription: d\\n---\\n|SKILL.md front matter is missing: name",
        "---\\nname: other\\ndescription: d\\n---\\n|must equal the skill name 's'",
        "# Title only|SKILL.md has no YAML front matter"
      })
  void rejects_a_skill_naming_what_is_wrong(String content, String message) {
    assertThatThrownBy(() -> SkillDocument.parse(content.replace("\\n", "\n"), "s", "path"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.getMessage()).contains("path: ").contains(message);
            });
  }
}
