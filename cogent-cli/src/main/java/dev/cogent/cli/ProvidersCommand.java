package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent providers list|get|delete|create|test}. */
@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    description = "List, show, create, test and delete provider configs (the models agents use).",
    subcommands = {
      ProvidersCommand.ListCommand.class,
      ProvidersCommand.GetCommand.class,
      ProvidersCommand.DeleteCommand.class,
      ProvidersCommand.CreateCommand.class,
      ProvidersCommand.TestCommand.class
    })
final class ProvidersCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List them as a table.")
  static final class ListCommand extends ResourceCommands.ListBase {
    ListCommand() {
      super("id", "provider", "model", "enabled", "priority", "source");
    }

    @Override
    List<?> fetch(CogentClient client) {
      return client.providers().list();
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one as JSON.")
  static final class GetCommand extends ResourceCommands.GetBase {
    @Override
    Object fetch(CogentClient client, String name) {
      return client
          .providers()
          .find(name)
          .orElseThrow(() -> new ClientCalls.UsageException("no provider " + name));
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete them.")
  static final class DeleteCommand extends ResourceCommands.DeleteBase {
    @Override
    void remove(CogentClient client, String name) {
      client.providers().delete(name);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a provider config.")
  static final class CreateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "ID")
    String id;

    @picocli.CommandLine.Option(
        names = "--provider",
        required = true,
        description =
            "openai, anthropic, bedrock, openai_compatible, google_genai, google_vertexai or mock.")
    String provider;

    @picocli.CommandLine.Option(names = "--model", required = true, description = "The model id.")
    String model;

    @picocli.CommandLine.Option(
        names = "--api-key-env",
        description = "The environment variable of the server holding the key (never the key).")
    String apiKeyEnv;

    @picocli.CommandLine.Option(names = "--base-url", description = "For openai_compatible.")
    String baseUrl;

    @picocli.CommandLine.Option(names = "--priority", description = "Lower wins (default 0).")
    Integer priority;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            var created =
                client
                    .providers()
                    .create(
                        new dev.cogent.client.ProviderRequest(
                            id, provider, model, null, apiKeyEnv, null, priority, null, baseUrl,
                            null, null, null, null));
            if (options.json) {
              output.json(created);
            } else {
              output.line("created " + created.id());
            }
            return ExitCodes.OK;
          });
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = "Check that a provider config resolves and its model answers; exit 1 if not.")
  static final class TestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            var result = client.providers().test(id);
            if (options.json) {
              output.json(result);
            } else {
              output.line((result.success() ? "ok: " : "failed: ") + result.message());
            }
            return result.success() ? ExitCodes.OK : ExitCodes.SERVER_ERROR;
          });
    }
  }
}
