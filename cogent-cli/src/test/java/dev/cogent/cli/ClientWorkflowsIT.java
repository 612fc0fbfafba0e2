package dev.cogent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.client.AgentRequest;
import dev.cogent.client.CogentClient;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The conversation, profile and configuration-as-code commands against a real server. */
class ClientWorkflowsIT {

  @TempDir Path dir;
  private TestServer server;
  private CogentClient sdk;
  private String url;

  @BeforeEach
  void start() {
    server = TestServer.start(DatabaseKind.SQLITE, dir, Map.of(), InstantSource.system());
    url = server.uri("").toString();
    sdk = CogentClient.builder(url).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private record Result(int exitCode, String out, String err) {}

  private Result run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of(args));
    if (!List.of("init", "completion").contains(args[0])) {
      all.add("--url");
      all.add(url);
    }
    if (!args[0].equals("completion")) {
      all.add("--config");
      all.add(dir.resolve("cli.yaml").toString());
    }
    int code = cli.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void chat_streams_answers_and_asks_for_approval_through_stdin() throws Exception {
    sdk.agents()
        .create(
            AgentRequest.named("careful")
                .withMode("primary")
                .withInterruptOn(Map.of("write_file", true)));
    String stdin =
        "/tool write_file {\"file_path\": \"notes.txt\", \"content\": \"hi\"}\n"
            + "a\n"
            + "/reply all good\n"
            + "/exit\n";

    Result chat =
        run(stdin, "chat", "--agent", "careful", "--provider", "mock", "--model", "scripted");

    assertThat(chat.exitCode()).isZero();
    assertThat(chat.out())
        .contains("-> write_file", "?? write_file", "needs approval", "approve, edit or reject")
        .contains("<- exit 0", "all good");
    assertThat(chat.out().indexOf("<- exit 0")).isGreaterThan(chat.out().indexOf("[a/e/r]"));
  }

  @Test
  void chat_rejects_a_tool_call() {
    sdk.agents()
        .create(
            AgentRequest.named("careful")
                .withMode("primary")
                .withInterruptOn(Map.of("write_file", true)));

    Result chat =
        run(
            "/tool write_file {\"file_path\": \"x.txt\", \"content\": \"no\"}\nr\nnot now\n",
            "chat",
            "--agent",
            "careful",
            "--provider",
            "mock",
            "--model",
            "scripted");

    assertThat(chat.exitCode()).isZero();
    assertThat(chat.out()).contains("reason (optional)").doesNotContain("<- exit 0");
  }

  @Test
  void send_prints_events_as_json_lines_and_text() {
    Result json =
        run("", "send", "--provider", "mock", "--model", "scripted", "--json", "/reply hi there");
    Result text =
        run("/reply from stdin\n", "send", "--provider", "mock", "--model", "scripted", "-");
    Result failed = run("", "send", "--provider", "mock", "--model", "scripted", "/fail broken");

    assertThat(json.exitCode()).isZero();
    String[] lines = json.out().strip().split("\n");
    assertThat(lines[lines.length - 1]).startsWith("{\"id\":").contains("\"event\":\"done\"");
    assertThat(json.out()).contains("\"event\":\"token\"");
    assertThat(json.err()).startsWith("session ");
    assertThat(text.out()).contains("from stdin");
    assertThat(failed.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(failed.err()).contains("LLM_UNAVAILABLE", "broken");
  }

  @Test
  void pull_edit_diff_and_push_round_trip() throws Exception {
    sdk.agents()
        .create(AgentRequest.named("writer").withSystemPrompt("Write well.").withMode("primary"));
    sdk.skills()
        .create(
            dev.cogent.client.SkillRequest.of(
                "style", "---\nname: style\ndescription: House style\n---\nBe brief.\n"));
    Path project = dir.resolve("project-copy");

    Result pulled = run("", "pull", project.toString());
    Path agentFile = project.resolve(".cogent/agents/writer.yaml");
    assertThat(pulled.exitCode()).isZero();
    assertThat(agentFile).exists();
    assertThat(Files.readString(agentFile)).contains("system_prompt: Write well.");
    assertThat(project.resolve(".cogent/skills/style/SKILL.md"))
        .hasContent("---\nname: style\ndescription: House style\n---\nBe brief.\n");
    assertThat(run("", "diff", project.toString()).out()).contains("no differences");

    Files.writeString(
        agentFile, Files.readString(agentFile).replace("Write well.", "Write better."));
    Files.createDirectories(project.resolve(".cogent/mcp-servers"));
    Files.writeString(
        project.resolve(".cogent/mcp-servers/remote.yaml"),
        "url: http://127.0.0.1:1/sse\nenabled: false\n");

    Result diff = run("", "diff", "--exit-code", project.toString());
    assertThat(diff.exitCode()).isEqualTo(ExitCodes.DIFFERENT);
    assertThat(diff.out())
        .contains("~ agent writer", "system_prompt: Write well. -> Write better.")
        .contains("+ mcp-server remote");

    Result dry = run("", "push", "--dry-run", project.toString());
    assertThat(dry.out()).contains("would apply 2 changes");
    assertThat(sdk.agents().get("writer").systemPrompt()).isEqualTo("Write well.");

    Result pushed = run("", "push", project.toString());
    assertThat(pushed.exitCode()).isZero();
    assertThat(sdk.agents().get("writer").systemPrompt()).isEqualTo("Write better.");
    assertThat(sdk.mcpServers().get("remote").enabled()).isFalse();
    assertThat(run("", "diff", project.toString()).out()).contains("no differences");
  }

  @Test
  void snapshot_restores_the_registry() {
    sdk.agents().create(AgentRequest.named("keeper").withSystemPrompt("Keep.").withMode("primary"));
    Path archive = dir.resolve("registry.zip");

    assertThat(run("", "snapshot", "create", archive.toString()).exitCode()).isZero();
    sdk.agents().delete("keeper");
    Result restored = run("", "snapshot", "restore", archive.toString());

    assertThat(restored.exitCode()).isZero();
    assertThat(sdk.agents().get("keeper").systemPrompt()).isEqualTo("Keep.");
  }

  @Test
  void init_writes_a_private_profile_that_later_commands_use() throws Exception {
    Result init = run("cog_secret_key_value\n", "init", "--url", url, "--api-key-stdin");
    Path config = dir.resolve("cli.yaml");

    assertThat(init.exitCode()).isZero();
    assertThat(init.out() + init.err()).doesNotContain("cog_secret_key_value");
    assertThat(Files.readString(config)).contains("url: " + url, "api_key: cog_secret_key_value");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");

    // Authentication is off, so the stored key is sent but not needed; the URL comes from the file.
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    int code = cli.execute("agents", "list", "--config", config.toString());
    assertThat(code).isEqualTo(ExitCodes.SERVER_ERROR);
  }

  @Test
  void logs_in_and_manages_keys() {
    sdk.identity().register("ann@example.com", "a long password");

    Result login = run("a long password\n", "login", "--email", "ann@example.com");
    Result created = run("", "keys", "create", "ci");
    Result listed = run("", "keys", "list");
    String keyId = sdk.withApiKey(created.out().strip()).identity().listApiKeys().get(0).id();
    Result revoked = run("", "keys", "revoke", keyId);
    Result badLogin = run("wrong password\n", "login", "--email", "ann@example.com");

    assertThat(login.exitCode()).isZero();
    assertThat(login.out()).contains("logged in as ann@example.com");
    assertThat(created.out().strip()).startsWith("cog_");
    assertThat(listed.out()).contains("ci", "LABEL").doesNotContain(created.out().strip());
    assertThat(revoked.out()).contains("revoked " + keyId);
    assertThat(badLogin.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
  }

  @Test
  void resource_commands_list_show_and_delete() {
    Result created =
        run("", "providers", "create", "mock-1", "--provider", "mock", "--model", "scripted");
    Result tested = run("", "providers", "test", "mock-1");
    Result listed = run("", "providers", "list");
    Result agents = run("", "agents", "list");
    Result shown = run("", "agents", "get", "default");
    Result missing = run("", "agents", "get", "ghost");
    Result mcp = run("", "mcp", "create", "remote", "http://127.0.0.1:1/sse");
    Result deleted = run("", "mcp", "delete", "remote");

    assertThat(created.out()).contains("created mock-1");
    assertThat(tested.out()).startsWith("ok: ");
    assertThat(listed.out()).contains("ID", "mock-1", "scripted");
    assertThat(agents.out()).contains("NAME", "default", "readonly");
    assertThat(shown.out()).contains("\"name\" : \"default\"");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(mcp.out()).contains("registered remote");
    assertThat(deleted.out()).contains("deleted remote");
  }

  @Test
  void every_command_has_complete_help_and_completion_scripts() {
    Result help = run("", "completion", "bash");
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.execute("--help");

    assertThat(help.out()).contains("complete -F", "chat", "snapshot");
    assertThat(out.toString())
        .contains(
            "chat",
            "send",
            "init",
            "login",
            "keys",
            "pull",
            "diff",
            "push",
            "snapshot",
            "completion",
            "agents",
            "skills",
            "tools",
            "providers",
            "mcp",
            "artifacts");
    assertThat(run("", "completion", "fish").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("", "send").exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
