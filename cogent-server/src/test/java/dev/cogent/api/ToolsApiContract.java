package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.McpTestServer;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.SseClient.Frame;
import dev.cogent.testing.TestServer;
import dev.cogent.tools.sandbox.SandboxProbe;
import dev.cogent.tools.sandbox.Sandboxes;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool endpoints and catalog tools in runs, over real HTTP; runs on SQLite and PostgreSQL.
 * Tests of Python and JavaScript tools are skipped, with the reason, where python3 or node is
 * missing.
 */
abstract class ToolsApiContract {

  static final String[] ALICE = {"X-Cognition-Scope-User", "alice"};
  static final String[] BOB = {"X-Cognition-Scope-User", "bob"};
  static final Map<String, String> SCOPED =
      Map.of("COGENT_SCOPING_ENABLED", "true", "COGENT_SCOPE_KEYS", "user");
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);

  static final String SEARCH_JIRA =
      "from langchain_core.tools import tool\n\n@tool\ndef search_jira(query: str, limit: int = 3)"
          + " -> str:\n    \"\"\"Search Jira issues by query string.\n\n    Args:\n        query: What"
          + " to look for.\n        limit: How many issues at most.\n    \"\"\"\n    return"
          + " f\"{limit} issues about {query}\"\n";

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private final List<TestServer> servers = new ArrayList<>();
  private McpTestServer mcp;

  abstract DatabaseKind kind();

  TestServer start(Map<String, String> env) {
    TestServer server = TestServer.start(kind(), dir, env, clock);
    servers.add(server);
    return server;
  }

  @AfterEach
  void stop() {
    servers.forEach(TestServer::close);
    if (mcp != null) {
      mcp.close();
    }
  }

  static String body(Map<String, Object> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assumeProgram(String program) {
    boolean found = false;
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      found |= !folder.isEmpty() && Files.isExecutable(Path.of(folder, program));
    }
    assumeThat(found)
        .as(program + " is not installed on this machine, so this test is skipped")
        .isTrue();
  }

  static String pythonTool(String function, String returned) {
    return "from langchain_core.tools import tool\n\n@tool\ndef "
        + function
        + "(text: str) -> str:\n    \"\"\"Answers a fixed text.\"\"\"\n    return "
        + returned
        + "\n";
  }

  Path projectFile(String relative) throws IOException {
    Path file = dir.resolve("project").resolve(relative);
    Files.createDirectories(file.getParent());
    return file;
  }

  /** The tool_result frames of a run of {@code script}, by the called tool's name. */
  static Map<String, JsonNode> results(
      TestServer server, String script, String agent, String... scope) {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("config", Map.of("provider", "mock", "model", "scripted"));
    if (agent != null) {
      session.put("agent_name", agent);
    }
    HttpResponse<String> created = server.post("/sessions", body(session), scope);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String sessionId = TestServer.json(created).path("id").asText();
    List<Frame> frames;
    try (SseClient stream =
        SseClient.post(
            server,
            "/sessions/" + sessionId + "/messages",
            "{\"content\": " + RuntimeApiContract.quote(script) + "}",
            scope)) {
      frames = stream.readToEnd(WAIT);
    }
    assertThat(frames.get(frames.size() - 1).event()).isEqualTo("done");
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, JsonNode> results = new LinkedHashMap<>();
    for (Frame frame : frames) {
      if (frame.event().equals("tool_call")) {
        names.put(frame.data().path("id").asText(), frame.data().path("name").asText());
      } else if (frame.event().equals("tool_result")) {
        results.put(names.get(frame.data().path("tool_call_id").asText()), frame.data());
      }
    }
    return results;
  }

  @Test
  void lists_built_in_tools_and_answers_404_and_409_for_them_as_the_spec_says() {
    TestServer server = start(Map.of());

    JsonNode list = TestServer.json(server.get("/tools"));
    assertThat(list.path("count").asInt()).isEqualTo(list.path("tools").size());
    JsonNode readFile = null;
    for (JsonNode tool : list.path("tools")) {
      if (tool.path("name").asText().equals("read_file")) {
        readFile = tool;
      }
    }
    assertThat(readFile).isNotNull();
    assertThat(readFile.path("source_type").asText()).isEqualTo("builtin");
    assertThat(TestServer.json(server.get("/tools/write_artifact")).path("source_type").asText())
        .isEqualTo("builtin");
    assertThat(server.get("/tools/nope").statusCode()).isEqualTo(404);
    assertThat(server.delete("/tools/nope").statusCode()).isEqualTo(404);
    assertThat(server.delete("/tools/read_file").statusCode()).isEqualTo(409);
    assertThat(server.post("/tools", body(Map.of("name", "execute", "path", "x.Y"))).statusCode())
        .isEqualTo(409);
    assertThat(TestServer.json(server.get("/tools/errors")).isArray()).isTrue();
  }

  @Test
  void needs_exactly_one_of_code_and_path() {
    TestServer server = start(Map.of());

    HttpResponse<String> neither = server.post("/tools", body(Map.of("name", "t")));
    HttpResponse<String> both =
        server.post("/tools", body(Map.of("name", "t", "code", "x = 1", "path", "a.B")));
    HttpResponse<String> badClass =
        server.post("/tools", body(Map.of("name", "t", "path", "no.such.Tool")));

    assertThat(neither.statusCode()).isEqualTo(422);
    assertThat(neither.body()).contains("exactly one of code or path");
    assertThat(both.statusCode()).isEqualTo(422);
    assertThat(badClass.statusCode()).isEqualTo(422);
    assertThat(badClass.body()).contains("no class no.such.Tool");
  }

  @Test
  void registers_python_code_with_the_schema_of_its_signature_and_docstring() {
    assumeProgram("python3");
    TestServer server = start(Map.of());

    HttpResponse<String> created =
        server.post(
            "/tools",
            body(Map.of("name", "search-jira", "code", SEARCH_JIRA, "interrupt_on", false)));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode tool = TestServer.json(created);
    assertThat(tool.path("source_type").asText()).isEqualTo("api_code");
    assertThat(tool.path("source").asText()).isEqualTo("api_code");
    assertThat(tool.path("description").asText()).isEqualTo("Search Jira issues by query string.");
    JsonNode function = tool.path("functions").get(0);
    assertThat(function.path("name").asText()).isEqualTo("search_jira");
    JsonNode parameters = function.path("parameters");
    assertThat(parameters.path("required").toString()).isEqualTo("[\"query\"]");
    assertThat(parameters.path("properties").path("query").path("type").asText())
        .isEqualTo("string");
    assertThat(parameters.path("properties").path("query").path("description").asText())
        .isEqualTo("What to look for.");
    assertThat(parameters.path("properties").path("limit").path("type").asText())
        .isEqualTo("integer");
    assertThat(TestServer.json(server.get("/tools/search-jira")).path("code").asText())
        .isEqualTo(SEARCH_JIRA);
    assertThat(server.get("/tools").body()).contains("\"search-jira\"");

    HttpResponse<String> broken =
        server.post("/tools", body(Map.of("name", "broken", "code", "def oops(:\n")));
    assertThat(broken.statusCode()).isEqualTo(422);
    assertThat(broken.body()).contains("SyntaxError");
    HttpResponse<String> empty =
        server.post("/tools", body(Map.of("name", "empty", "code", "x = 1\n")));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("@tool");

    assertThat(server.delete("/tools/search-jira").statusCode()).isEqualTo(204);
    assertThat(server.get("/tools/search-jira").statusCode()).isEqualTo(404);
  }

  @Test
  void a_tool_of_one_scope_does_not_exist_for_another() {
    assumeProgram("python3");
    TestServer server = start(SCOPED);

    HttpResponse<String> created =
        server.post(
            "/tools", body(Map.of("name", "mine", "code", pythonTool("mine", "'alice'"))), ALICE);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(TestServer.json(created).path("scope").path("user").asText()).isEqualTo("alice");
    assertThat(server.get("/tools/mine", ALICE).statusCode()).isEqualTo(200);
    assertThat(server.get("/tools/mine", BOB).statusCode()).isEqualTo(404);
    assertThat(server.get("/tools", BOB).body()).doesNotContain("\"mine\"");
    assertThat(server.delete("/tools/mine", BOB).statusCode()).isEqualTo(404);
    assertThat(
            results(server, "/tool mine {\"text\": \"x\"}\n/reply ok", null, BOB)
                .get("mine")
                .path("exit_code")
                .asInt())
        .isEqualTo(1);
    assertThat(
            results(server, "/tool mine {\"text\": \"x\"}\n/reply ok", null, ALICE)
                .get("mine")
                .path("output")
                .asText())
        .isEqualTo("alice");
    assertThat(server.delete("/tools/mine", ALICE).statusCode()).isEqualTo(204);
    assertThat(server.get("/tools/mine", ALICE).statusCode()).isEqualTo(404);
  }

  @Test
  void file_tools_are_discovered_reloaded_reported_and_read_only() throws IOException {
    assumeProgram("python3");
    assumeProgram("node");
    Files.writeString(
        projectFile(".cogent/tools/shout.js"),
        "module.exports = {name: 'shout', description: 'Upper-cases text',\n"
            + "  parameters: {type: 'object', properties: {text: {type: 'string'}}, required:"
            + " ['text']},\n  async run({text}) { return text.toUpperCase(); }};\n");
    Files.writeString(projectFile(".cogent/tools/broken_tool.py"), "import missing_dep\n");
    TestServer server = start(Map.of());

    JsonNode shout = TestServer.json(server.get("/tools/shout"));
    assertThat(shout.path("source_type").asText()).isEqualTo("file");
    assertThat(shout.path("module").asText()).isEqualTo(".cogent/tools/shout.js");
    assertThat(shout.path("language").asText()).isEqualTo("javascript");
    assertThat(server.delete("/tools/shout").statusCode()).isEqualTo(409);
    assertThat(
            server
                .post("/tools", body(Map.of("name", "shout", "code", pythonTool("s", "'x'"))))
                .statusCode())
        .isEqualTo(409);
    JsonNode errors = TestServer.json(server.get("/tools/errors"));
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).path("file").asText()).isEqualTo(".cogent/tools/broken_tool.py");
    assertThat(errors.get(0).path("error_type").asText()).isEqualTo("ModuleNotFoundError");
    assertThat(errors.get(0).path("error").asText()).contains("missing_dep");
    assertThat(
            results(server, "/tool shout {\"text\": \"hey\"}\n/reply ok", null)
                .get("shout")
                .path("output")
                .asText())
        .isEqualTo("HEY");

    Files.delete(projectFile(".cogent/tools/broken_tool.py"));
    Files.writeString(projectFile(".cogent/tools/hello.py"), pythonTool("hello", "'hi ' + text"));
    HttpResponse<String> reloaded = server.post("/tools/reload", "");

    assertThat(TestServer.json(reloaded).path("tools_loaded").asInt()).isEqualTo(2);
    assertThat(TestServer.json(reloaded).path("errors").asInt()).isZero();
    assertThat(TestServer.json(server.get("/tools/errors"))).isEmpty();
    assertThat(server.get("/tools/hello").statusCode()).isEqualTo(200);
  }

  @Test
  void api_rows_win_over_files_across_restarts() throws IOException {
    assumeProgram("python3");
    // One database for both starts (each start would otherwise get a new PostgreSQL database).
    Map<String, String> env = Map.of("COGENT_DATABASE_URL", kind().newDatabaseUrl(dir));
    TestServer first = start(env);
    first.post("/tools", body(Map.of("name", "greet", "code", pythonTool("greet", "'api'"))));
    first.close();
    servers.remove(first);
    Files.writeString(projectFile(".cogent/tools/greet.py"), pythonTool("greet", "'file'"));

    TestServer second = start(env);

    assertThat(TestServer.json(second.get("/tools/greet")).path("source_type").asText())
        .isEqualTo("api_code");
    assertThat(
            results(second, "/tool greet {\"text\": \"x\"}\n/reply ok", null)
                .get("greet")
                .path("output")
                .asText())
        .isEqualTo("api");
  }

  @Test
  void a_code_tool_runs_under_bubblewrap_with_an_interpreter_outside_the_system_folders()
      throws IOException {
    assumeProgram("python3");
    SandboxProbe bubblewrap = new Sandboxes(System.getenv()).probe("bubblewrap");
    assumeThat(bubblewrap.works()).as("bubblewrap: " + bubblewrap.problem()).isTrue();
    // Like a virtualenv: a python3 under a prefix the sandbox does not show unless bound.
    Path bin = Files.createDirectories(dir.resolve("opt/python/bin"));
    Path python = Files.createSymbolicLink(bin.resolve("python3"), realPython());
    TestServer server =
        start(
            Map.of(
                "COGENT_SANDBOX_BACKEND", "bubblewrap", "COGENT_PYTHON_PATH", python.toString()));

    HttpResponse<String> created =
        server.post("/tools", body(Map.of("name", "greet", "code", pythonTool("greet", "'hi'"))));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode result =
        results(server, "/tool greet {\"text\": \"x\"}\n/reply ok", null).get("greet");
    assertThat(result.path("output").asText()).as(result.toString()).isEqualTo("hi");
  }

  /** The interpreter itself: python3 on PATH may be a shim script (pyenv) that execs it. */
  private static Path realPython() throws IOException {
    Process process =
        new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
            .redirectErrorStream(true)
            .start();
    String executable = new String(process.getInputStream().readAllBytes()).strip();
    return Path.of(executable).toRealPath();
  }

  @Test
  void a_changed_tool_is_used_by_the_next_run_without_a_restart() {
    assumeProgram("python3");
    TestServer server = start(Map.of());
    server.post("/tools", body(Map.of("name", "version", "code", pythonTool("version", "'v1'"))));
    assertThat(
            results(server, "/tool version {\"text\": \"x\"}\n/reply ok", null)
                .get("version")
                .path("output")
                .asText())
        .isEqualTo("v1");

    server.post("/tools", body(Map.of("name", "version", "code", pythonTool("version", "'v2'"))));

    assertThat(
            results(server, "/tool version {\"text\": \"x\"}\n/reply ok", null)
                .get("version")
                .path("output")
                .asText())
        .isEqualTo("v2");
  }

  @Test
  void a_javascript_code_tool_runs_with_json_arguments() {
    assumeProgram("node");
    TestServer server = start(Map.of());
    String module =
        "module.exports = [{name: 'add', description: 'Adds', parameters: {type: 'object',"
            + " properties: {a: {type: 'integer'}, b: {type: 'integer'}}, required: ['a', 'b']},"
            + " run: ({a, b}) => ({sum: a + b})}];\n";

    HttpResponse<String> created =
        server.post(
            "/tools", body(Map.of("name", "adder", "code", module, "language", "javascript")));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Map<String, JsonNode> results =
        results(
            server, "/tool add {\"a\": 2, \"b\": 3}\n/tool add {\"a\": \"x\"}\n/reply ok", null);
    assertThat(results.get("add").path("exit_code").asInt()).isEqualTo(1);
    assertThat(
            results(server, "/tool add {\"a\": 2, \"b\": 3}\n/reply ok", null)
                .get("add")
                .path("output")
                .asText())
        .isEqualTo("{\"sum\":5}");
  }

  @Test
  void a_path_tool_loads_a_java_class_from_a_plugin_jar() throws Exception {
    Path jar = projectFile(".cogent/plugins/greeter.jar");
    buildPluginJar(jar);
    TestServer server = start(Map.of());

    HttpResponse<String> created =
        server.post(
            "/tools",
            body(Map.of("name", "greeter", "path", "acme.Greeter", "interrupt_on", false)));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(TestServer.json(created).path("source_type").asText()).isEqualTo("api_path");
    assertThat(TestServer.json(created).path("module").asText()).isEqualTo("acme.Greeter");
    assertThat(
            results(server, "/tool greet {\"who\": \"Ada\"}\n/reply ok", null)
                .get("greet")
                .path("output")
                .asText())
        .isEqualTo("Hello, Ada (session workspace known)");
  }

  @Test
  void an_agent_created_through_the_api_uses_a_code_tool_an_mcp_tool_and_a_skill() {
    assumeProgram("python3");
    TestServer server = start(Map.of());
    mcp = McpTestServer.start(McpTestServer.Transport.STREAMABLE_HTTP);
    assertThat(
            server
                .post("/tools", body(Map.of("name", "search-jira", "code", SEARCH_JIRA)))
                .statusCode())
        .isEqualTo(201);
    assertThat(
            server
                .post(
                    "/mcp-servers",
                    body(
                        Map.of("name", "remote", "url", mcp.url(), "transport", "streamable_http")))
                .statusCode())
        .isEqualTo(201);
    String skill = "---\nname: triage\ndescription: How to triage bugs\n---\nLabel every bug.\n";
    assertThat(
            server.post("/skills", body(Map.of("name", "triage", "content", skill))).statusCode())
        .isEqualTo(201);
    HttpResponse<String> agent =
        server.post(
            "/agents",
            body(
                Map.of(
                    "name", "triager",
                    "mode", "primary",
                    "system_prompt", "You triage.",
                    "tools",
                        List.of(
                            "search-jira",
                            "remote_echo",
                            "read_file",
                            "write_artifact",
                            "read_artifact"),
                    "skills", List.of("triage"))));
    assertThat(agent.statusCode()).as(agent.body()).isEqualTo(201);

    Map<String, JsonNode> results =
        results(
            server,
            "/tool search_jira {\"query\": \"crash\", \"limit\": 2}\n"
                + "/tool remote_echo {\"text\": \"from the agent\"}\n"
                + "/tool read_file {\"file_path\": \"/skills/api/triage/SKILL.md\"}\n"
                + "/tool write_artifact {\"id\": \"triage-notes\", \"content\": \"2 crashes\"}\n"
                + "/tool read_artifact {\"id\": \"triage-notes\"}\n"
                + "/reply Triaged.",
            "triager");

    assertThat(results.get("search_jira").path("output").asText())
        .isEqualTo("2 issues about crash");
    assertThat(results.get("search_jira").path("exit_code").asInt()).isZero();
    assertThat(results.get("remote_echo").path("output").asText())
        .isEqualTo("echo: from the agent");
    assertThat(results.get("read_file").path("output").asText()).contains("Label every bug.");
    assertThat(results.get("write_artifact").path("output").asText())
        .isEqualTo("Wrote artifact triage-notes version 1.");
    assertThat(results.get("read_artifact").path("output").asText()).endsWith("2 crashes");
    assertThat(mcp.calls()).isEqualTo(1);
  }

  /** Compiles a tool of the public SPI into a jar, as a plugin author would. */
  private void buildPluginJar(Path jar) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("plugin-src/acme"));
    Path classes = Files.createDirectories(dir.resolve("plugin-classes"));
    Path source = sources.resolve("Greeter.java");
    Files.writeString(
        source,
        "package acme;\n"
            + "import dev.cogent.tools.*;\nimport java.util.*;\n"
            + "public class Greeter implements Tool {\n"
            + "  public String name() { return \"greet\"; }\n"
            + "  public String description() { return \"Greets someone\"; }\n"
            + "  public Map<String, Object> parametersSchema() {\n"
            + "    return Map.of(\"type\", \"object\", \"properties\", Map.of(\"who\","
            + " Map.of(\"type\", \"string\")), \"required\", List.of(\"who\"));\n  }\n"
            + "  public ToolResult execute(Map<String, Object> args, ToolContext context) {\n"
            + "    return ToolResult.ok(\"Hello, \" + args.get(\"who\") + (context.workspace() =="
            + " null ? \"\" : \" (session workspace known)\"));\n  }\n}\n");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status =
        compiler.run(
            null,
            null,
            null,
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString(),
            source.toString());
    assertThat(status).isZero();
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      jarOut.putNextEntry(new JarEntry("acme/Greeter.class"));
      jarOut.write(Files.readAllBytes(classes.resolve("acme/Greeter.class")));
      jarOut.closeEntry();
    }
  }
}
