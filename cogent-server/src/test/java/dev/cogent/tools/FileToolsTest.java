package dev.cogent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.scope.Scope;
import dev.cogent.settings.ToolSettings;
import dev.cogent.tools.sandbox.Sandboxes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file tools: ls, read_file, write_file, edit_file, glob and grep. */
class FileToolsTest {

  static final int MAX_OUTPUT_BYTES = 2048;

  @TempDir Path dir;
  Path workspace;
  Path outside;
  BuiltinTools tools;
  ToolContext context;

  @BeforeEach
  void create_workspace() throws IOException {
    workspace = Files.createDirectories(dir.resolve("ws")).toRealPath();
    outside = Files.createDirectories(dir.resolve("outside")).toRealPath();
    Files.writeString(outside.resolve("secret.txt"), "TOP SECRET\n");
    tools =
        new BuiltinTools(
            new ToolSettings("local", Duration.ofSeconds(10), MAX_OUTPUT_BYTES, "python3", "node"),
            new Sandboxes(System.getenv()).find("local").orElseThrow());
    context =
        new ToolContext("s1", "r1", "call-1", Scope.GLOBAL, workspace, new ManualCancellation());
  }

  ToolResult call(String name, Object... pairs) {
    Map<String, Object> arguments = new HashMap<>();
    for (int index = 0; index < pairs.length; index += 2) {
      arguments.put((String) pairs[index], pairs[index + 1]);
    }
    Tool tool = tools.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    return tool.execute(arguments, context);
  }

  void write(String path, String text) throws IOException {
    Path file = workspace.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Nested
  class Ls {
    @Test
    void lists_entries_sorted_with_folders_marked() throws IOException {
      write("b.txt", "b");
      write("a/inner.txt", "i");
      Files.createDirectories(workspace.resolve("c"));

      ToolResult result = call("ls", "path", "/");

      assertThat(result.exitCode()).isZero();
      assertThat(result.output()).isEqualTo("/a/\n/b.txt\n/c/");
      assertThat(call("ls").output()).isEqualTo(result.output());
      assertThat(call("ls", "path", "a").output()).isEqualTo("/a/inner.txt");
    }

    @Test
    void an_empty_folder_says_so() {
      assertThat(call("ls", "path", "/").output()).isEqualTo("/ is empty");
    }

    @Test
    void a_missing_folder_or_a_file_fails() throws IOException {
      write("f.txt", "x");

      assertThat(call("ls", "path", "/nope"))
          .isEqualTo(ToolResult.failed("Error: /nope does not exist"));
      assertThat(call("ls", "path", "/f.txt").output()).contains("is a file");
      assertThat(call("ls", "path", "/f.txt").exitCode()).isEqualTo(1);
    }

    @Test
    void escaping_is_refused_as_a_result_not_an_exception() throws IOException {
      Files.createSymbolicLink(workspace.resolve("etc"), Path.of("/etc"));

      ToolResult climb = call("ls", "path", "../..");
      ToolResult link = call("ls", "path", "/etc");

      assertThat(climb.exitCode()).isEqualTo(1);
      assertThat(climb.output()).contains("outside the workspace");
      assertThat(link.exitCode()).isEqualTo(1);
      assertThat(link.output()).doesNotContain("passwd");
    }
  }

  @Nested
  class ReadFile {
    @Test
    void numbers_lines_like_cat_n() throws IOException {
      write("notes.txt", "alpha\nbeta\ngamma\n");

      ToolResult result = call("read_file", "file_path", "/notes.txt");

      assertThat(result.exitCode()).isZero();
      assertThat(result.output()).isEqualTo("     1\talpha\n     2\tbeta\n     3\tgamma\n");
    }

    @Test
    void offset_and_limit_page_through_lines() throws IOException {
      StringBuilder text = new StringBuilder();
      for (int line = 1; line <= 10; line++) {
        text.append("line ").append(line).append('\n');
      }
      write("long.txt", text.toString());

      ToolResult page = call("read_file", "file_path", "long.txt", "offset", 3, "limit", 2);

      assertThat(page.output())
          .isEqualTo("     4\tline 4\n     5\tline 5\n... (5 more lines; read on with offset 5)\n");
    }

    @Test
    void the_default_limit_is_100_lines() throws IOException {
      write("many.txt", "x\n".repeat(150));

      String output = call("read_file", "file_path", "many.txt").output();

      assertThat(output).contains("   100\tx").doesNotContain("   101\tx");
      assertThat(output).contains("50 more lines");
    }

    @Test
    void an_offset_past_the_end_fails() throws IOException {
      write("short.txt", "one\ntwo\n");

      ToolResult result = call("read_file", "file_path", "short.txt", "offset", 5);

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.output()).contains("past the end of /short.txt, which has 2 lines");
    }

    @Test
    void empty_missing_directory_and_binary_files_are_reported() throws IOException {
      write("empty.txt", "");
      Files.write(workspace.resolve("blob.bin"), new byte[] {1, 0, 2, 0});
      Files.createDirectories(workspace.resolve("folder"));

      assertThat(call("read_file", "file_path", "empty.txt").output()).contains("empty contents");
      assertThat(call("read_file", "file_path", "missing.txt"))
          .isEqualTo(ToolResult.failed("Error: file /missing.txt not found"));
      assertThat(call("read_file", "file_path", "folder").output()).contains("is a directory");
      assertThat(call("read_file", "file_path", "blob.bin").output()).contains("binary file");
    }

    @Test
    void output_beyond_the_cap_is_cut_with_a_note() throws IOException {
      write("big.txt", "0123456789\n".repeat(300));

      ToolResult result = call("read_file", "file_path", "big.txt", "limit", 1000);

      assertThat(result.output().getBytes(StandardCharsets.UTF_8).length)
          .isLessThan(MAX_OUTPUT_BYTES + 100);
      assertThat(result.output()).contains("[output truncated: showing the first 2048 of");
    }

    @Test
    void etc_passwd_means_the_workspace_copy_and_host_files_stay_unreadable() throws IOException {
      Files.createSymbolicLink(workspace.resolve("leak"), outside.resolve("secret.txt"));

      ToolResult passwd = call("read_file", "file_path", "/etc/passwd");
      ToolResult climb = call("read_file", "file_path", "../outside/secret.txt");
      ToolResult link = call("read_file", "file_path", "leak");
      ToolResult host = call("read_file", "file_path", outside.resolve("secret.txt").toString());
      ToolResult nul = call("read_file", "file_path", "leak\0");

      assertThat(passwd.output()).isEqualTo("Error: file /etc/passwd not found");
      for (ToolResult refused : List.of(passwd, climb, link, host, nul)) {
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).doesNotContain("TOP SECRET", "root:");
      }
    }

    @Test
    void wrong_arguments_fail_with_a_message() {
      assertThat(call("read_file").output()).contains("needs the argument file_path");
      assertThat(call("read_file", "file_path", 7).output()).contains("must be a string");
      assertThat(call("read_file", "file_path", "a", "offset", -1).output())
          .contains("offset must be from 0");
      assertThat(call("read_file", "file_path", "a", "limit", 2.5).output())
          .contains("must be an integer");
      assertThat(call("read_file", "file_path", "a", "lines", 3).output())
          .contains("has no argument lines");
    }
  }

  @Nested
  class WriteFile {
    @Test
    void creates_a_file_and_its_folders() throws IOException {
      ToolResult result = call("write_file", "file_path", "/docs/plan.md", "content", "# Plan\n");

      assertThat(result).isEqualTo(ToolResult.ok("Created /docs/plan.md (7 bytes)"));
      assertThat(workspace.resolve("docs/plan.md")).hasContent("# Plan");
    }

    @Test
    void replaces_an_existing_file() throws IOException {
      write("a.txt", "old");

      ToolResult result = call("write_file", "file_path", "a.txt", "content", "new");

      assertThat(result.output()).startsWith("Replaced /a.txt");
      assertThat(workspace.resolve("a.txt")).hasContent("new");
    }

    @Test
    void a_directory_cannot_be_written() {
      assertThat(call("write_file", "file_path", "/", "content", "x").output())
          .contains("is a directory");
    }

    @Test
    void nothing_is_written_outside_the_workspace() throws IOException {
      Files.createSymbolicLink(workspace.resolve("out"), outside);
      Files.createSymbolicLink(workspace.resolve("dangling"), outside.resolve("new.txt"));

      List<ToolResult> results =
          List.of(
              call("write_file", "file_path", "../outside/new.txt", "content", "x"),
              call("write_file", "file_path", "out/new.txt", "content", "x"),
              call("write_file", "file_path", "dangling", "content", "x"),
              call("write_file", "file_path", "out/secret.txt", "content", "x"));

      assertThat(results).allSatisfy(result -> assertThat(result.exitCode()).isEqualTo(1));
      assertThat(outside.resolve("new.txt")).doesNotExist();
      assertThat(outside.resolve("secret.txt")).hasContent("TOP SECRET");
    }
  }

  @Nested
  class EditFile {
    @Test
    void replaces_a_unique_string() throws IOException {
      write("Main.java", "class Main {\n  int x = 1;\n}\n");

      ToolResult result =
          call("edit_file", "file_path", "Main.java", "old_string", "x = 1", "new_string", "x = 2");

      assertThat(result).isEqualTo(ToolResult.ok("Replaced 1 occurrence in /Main.java"));
      assertThat(workspace.resolve("Main.java")).hasContent("class Main {\n  int x = 2;\n}");
    }

    @Test
    void an_ambiguous_string_fails_unless_replace_all() throws IOException {
      write("a.txt", "foo bar foo baz foo");

      ToolResult ambiguous =
          call("edit_file", "file_path", "a.txt", "old_string", "foo", "new_string", "qux");

      assertThat(ambiguous.exitCode()).isEqualTo(1);
      assertThat(ambiguous.output()).contains("occurs 3 times");
      assertThat(workspace.resolve("a.txt")).hasContent("foo bar foo baz foo");

      ToolResult all =
          call(
              "edit_file",
              "file_path",
              "a.txt",
              "old_string",
              "foo",
              "new_string",
              "qux",
              "replace_all",
              true);

      assertThat(all.output()).isEqualTo("Replaced 3 occurrences in /a.txt");
      assertThat(workspace.resolve("a.txt")).hasContent("qux bar qux baz qux");
    }

    @Test
    void an_absent_string_and_bad_edits_fail_without_changing_the_file() throws IOException {
      write("a.txt", "hello");
      Files.write(workspace.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});

      assertThat(
              call("edit_file", "file_path", "a.txt", "old_string", "bye", "new_string", "x")
                  .output())
          .contains("old_string was not found in /a.txt");
      assertThat(
              call("edit_file", "file_path", "a.txt", "old_string", "", "new_string", "x").output())
          .contains("must not be empty");
      assertThat(
              call("edit_file", "file_path", "a.txt", "old_string", "hello", "new_string", "hello")
                  .output())
          .contains("are the same");
      assertThat(
              call("edit_file", "file_path", "nope.txt", "old_string", "a", "new_string", "b")
                  .output())
          .contains("not found");
      assertThat(
              call("edit_file", "file_path", "latin1.txt", "old_string", "c", "new_string", "k")
                  .output())
          .contains("not UTF-8 text");
      assertThat(workspace.resolve("a.txt")).hasContent("hello");
    }

    @Test
    void a_host_file_behind_a_link_is_not_edited() throws IOException {
      Files.createSymbolicLink(workspace.resolve("s.txt"), outside.resolve("secret.txt"));

      ToolResult result =
          call("edit_file", "file_path", "s.txt", "old_string", "TOP", "new_string", "NO");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(outside.resolve("secret.txt")).hasContent("TOP SECRET");
    }
  }

  @Nested
  class Glob {
    @Test
    void double_star_matches_at_every_depth_including_the_top() throws IOException {
      write("A.java", "");
      write("src/B.java", "");
      write("src/deep/C.java", "");
      write("src/notes.md", "");

      assertThat(call("glob", "pattern", "**/*.java").output())
          .isEqualTo("/A.java\n/src/B.java\n/src/deep/C.java");
      assertThat(call("glob", "pattern", "*.java").output()).isEqualTo("/A.java");
      assertThat(call("glob", "pattern", "*.java", "path", "/src").output())
          .isEqualTo("/src/B.java");
      assertThat(call("glob", "pattern", "src/*").output())
          .isEqualTo("/src/B.java\n/src/deep/\n/src/notes.md");
    }

    @Test
    void no_match_is_not_an_error_but_a_bad_pattern_is() {
      assertThat(call("glob", "pattern", "*.rs"))
          .isEqualTo(ToolResult.ok("No files match *.rs in /"));
      assertThat(call("glob", "pattern", "{a,b").output()).contains("not a valid glob");
      assertThat(call("glob", "pattern", "{a,b").exitCode()).isEqualTo(1);
    }

    @Test
    void links_leading_out_are_not_followed() throws IOException {
      Files.createSymbolicLink(workspace.resolve("etc"), Path.of("/etc"));

      assertThat(call("glob", "pattern", "**/passwd").output()).startsWith("No files match");
      assertThat(call("glob", "pattern", "*", "path", "/etc").exitCode()).isEqualTo(1);
    }
  }

  @Nested
  class Grep {
    @BeforeEach
    void files() throws IOException {
      write("app.py", "def main():\n    print('TODO: greet')\n");
      write("lib/util.py", "# TODO one\n# TODO two\n");
      write("README.md", "Todo: nothing\n");
      Files.write(workspace.resolve("data.bin"), new byte[] {'T', 'O', 'D', 'O', 0, 1});
    }

    @Test
    void lists_matching_files_by_default() {
      assertThat(call("grep", "pattern", "TODO").output()).isEqualTo("/app.py\n/lib/util.py");
    }

    @Test
    void content_mode_shows_path_line_and_text() {
      assertThat(call("grep", "pattern", "TODO \\w+", "output_mode", "content").output())
          .isEqualTo("/lib/util.py:1:# TODO one\n/lib/util.py:2:# TODO two");
    }

    @Test
    void count_mode_counts_matching_lines() {
      assertThat(call("grep", "pattern", "TODO", "output_mode", "count").output())
          .isEqualTo("/app.py:1\n/lib/util.py:2");
    }

    @Test
    void glob_and_path_narrow_the_search() {
      assertThat(call("grep", "pattern", "(?i)todo", "glob", "*.md").output())
          .isEqualTo("/README.md");
      assertThat(call("grep", "pattern", "TODO", "path", "/lib").output())
          .isEqualTo("/lib/util.py");
      assertThat(call("grep", "pattern", "TODO", "path", "/app.py").output()).isEqualTo("/app.py");
      assertThat(call("grep", "pattern", "TODO", "glob", "lib/*.py").output())
          .isEqualTo("/lib/util.py");
    }

    @Test
    void errors_and_no_matches_are_reported() {
      assertThat(call("grep", "pattern", "absent-text"))
          .isEqualTo(ToolResult.ok("No matches for absent-text in /"));
      assertThat(call("grep", "pattern", "(unclosed").output())
          .contains("not a valid regular expression");
      assertThat(call("grep", "pattern", "x", "output_mode", "lines").output())
          .contains("output_mode must be one of");
      assertThat(call("grep", "pattern", "x", "path", "/nope").output()).contains("does not exist");
    }

    @Test
    void host_files_behind_links_are_never_searched() throws IOException {
      Files.createSymbolicLink(workspace.resolve("leak.txt"), outside.resolve("secret.txt"));
      Files.createSymbolicLink(workspace.resolve("outdir"), outside);

      assertThat(call("grep", "pattern", "SECRET", "output_mode", "content").output())
          .startsWith("No matches");
      assertThat(call("grep", "pattern", "SECRET", "path", "leak.txt").exitCode()).isEqualTo(1);
    }
  }
}
