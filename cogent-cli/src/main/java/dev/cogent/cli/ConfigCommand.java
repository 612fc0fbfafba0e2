package dev.cogent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.client.ConfigChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent config get|set|rollback}: the server's runtime configuration. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Show the server's configuration, change runtime settings, roll a change back.",
    subcommands = {
      ConfigCommand.GetCommand.class,
      ConfigCommand.SetCommand.class,
      ConfigCommand.RollbackCommand.class
    })
final class ConfigCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Print the configuration (secrets redacted) as JSON.")
  static final class GetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            output.json(client.config().get());
            return ExitCodes.OK;
          });
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = {
        "Change settings at runtime, e.g. `cogent config set rate_limit.per_minute=120`.",
        "Changeable: rate_limit.*, observability.*, mlflow.* (see docs/configuration.md).",
        "With authentication on, only the server's administrator may."
      })
  static final class SetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(
        paramLabel = "PATH=VALUE",
        arity = "1..*",
        description = "A dotted setting path and its value (JSON scalars: 120, true, null, text).")
    Map<String, String> assignments;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      Map<String, Object> body = nested(assignments);
      return ClientCalls.run(
          options,
          output,
          client -> {
            ConfigChange change = client.config().patch(body);
            if (options.json) {
              output.json(change);
            } else {
              change.changes().forEach((path, value) -> output.line(path + " = " + value));
            }
            return ExitCodes.OK;
          });
    }

    /** {@code rate_limit.per_minute=120} becomes {@code {"rate_limit":{"per_minute":120}}}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> nested(Map<String, String> assignments) {
      Map<String, Object> root = new LinkedHashMap<>();
      assignments.forEach(
          (path, raw) -> {
            String[] parts = path.split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
              node =
                  (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
            }
            node.put(parts[parts.length - 1], scalar(raw));
          });
      return root;
    }

    private static Object scalar(String raw) {
      try {
        Object value = new ObjectMapper().readValue(raw, Object.class);
        return value instanceof Map || value instanceof java.util.List ? raw : value;
      } catch (JsonProcessingException e) {
        return raw;
      }
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description =
          "Restore the configuration before the last change (the server's administrator only,"
              + " with authentication on).")
  static final class RollbackCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            client.config().rollback();
            output.line("rolled back");
            return ExitCodes.OK;
          });
    }
  }
}
