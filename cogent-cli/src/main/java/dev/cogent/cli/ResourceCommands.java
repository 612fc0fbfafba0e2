package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The list, get and delete bodies the resource commands share, so that every resource prints its
 * table, its JSON and its deletions the same way; the picocli classes stay per resource for their
 * own help text and parameter labels.
 */
final class ResourceCommands {

  private ResourceCommands() {}

  /** Prints what {@code list} returns as a table of the given JSON fields, or as JSON. */
  static int list(
      CommandSpec spec,
      ClientOptions options,
      Function<CogentClient, List<?>> list,
      String... fields) {
    Output output = ClientCalls.output(spec);
    return ClientCalls.run(
        options,
        output,
        client -> {
          output.rows(options.json, list.apply(client), fields);
          return ExitCodes.OK;
        });
  }

  /** Prints the one resource {@code get} fetches as JSON. */
  static int get(CommandSpec spec, ClientOptions options, Function<CogentClient, ?> get) {
    Output output = ClientCalls.output(spec);
    return ClientCalls.run(
        options,
        output,
        client -> {
          output.json(get.apply(client));
          return ExitCodes.OK;
        });
  }

  /** Runs {@code call}, printing its result as JSON or the one field {@code line} picks. */
  static <T> int printed(
      CommandSpec spec,
      ClientOptions options,
      Function<CogentClient, T> call,
      Function<T, String> line) {
    Output output = ClientCalls.output(spec);
    return ClientCalls.run(
        options,
        output,
        client -> {
          T result = call.apply(client);
          if (options.json) {
            output.json(result);
          } else {
            output.line(line.apply(result));
          }
          return ExitCodes.OK;
        });
  }

  /**
   * Deletes each of {@code names} in order, printing {@code "<done> <name>"} after each; the first
   * failure stops there with its exit code.
   */
  static int delete(
      CommandSpec spec,
      ClientOptions options,
      List<String> names,
      String done,
      BiConsumer<CogentClient, String> delete) {
    Output output = ClientCalls.output(spec);
    return ClientCalls.run(
        options,
        output,
        client -> {
          for (String name : names) {
            delete.accept(client, name);
            output.line(done + " " + name);
          }
          return ExitCodes.OK;
        });
  }

  /** A resource's {@code list}: the subclass names the fields and fetches the items. */
  abstract static class ListBase implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    private final String[] fields;

    ListBase(String... fields) {
      this.fields = fields;
    }

    abstract List<?> fetch(CogentClient client);

    @Override
    public Integer call() {
      return list(spec, options, this::fetch, fields);
    }
  }

  /** A resource's {@code get NAME}. */
  abstract static class GetBase implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    abstract Object fetch(CogentClient client, String name);

    @Override
    public Integer call() {
      return get(spec, options, client -> fetch(client, name));
    }
  }

  /** A resource's {@code delete NAME...}. */
  abstract static class DeleteBase implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME", arity = "1..*")
    List<String> names;

    abstract void remove(CogentClient client, String name);

    @Override
    public Integer call() {
      return delete(spec, options, names, "deleted", this::remove);
    }
  }
}
