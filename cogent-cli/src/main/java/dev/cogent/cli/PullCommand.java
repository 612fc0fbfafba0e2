package dev.cogent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.cli.ProjectFiles.Kind;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent pull DIR}: the server's registry written as files. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Write the server's agents, skills, tools, MCP servers and providers as files under"
          + " DIR/.cogent/ (agents/<name>.yaml, skills/<name>/SKILL.md, tools/<name>.yaml,"
          + " mcp-servers/<name>.yaml, providers/<id>.yaml). Existing files of the same names are"
          + " overwritten; others are left alone.",
      "Not pulled: built-in agents, providers configured from the environment, tool code and MCP"
          + " headers (the API never returns them)."
    })
final class PullCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  @Parameters(paramLabel = "DIR", description = "The project folder.")
  Path dir;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    return ClientCalls.run(
        options,
        output,
        client -> {
          RemoteRegistry remote = new RemoteRegistry(client);
          ProjectFiles files = new ProjectFiles(dir);
          int count = 0;
          for (Map.Entry<Kind, Map<String, JsonNode>> kind : remote.read().entrySet()) {
            for (Map.Entry<String, JsonNode> entry : kind.getValue().entrySet()) {
              files.write(kind.getKey(), entry.getKey(), entry.getValue());
              count++;
            }
          }
          remote.unavailable.forEach(
              kind -> output.error("cogent: the server has no " + kind.folder + " API; skipped"));
          output.line("pulled " + count + " entries into " + dir.resolve(".cogent"));
          return ExitCodes.OK;
        });
  }
}
