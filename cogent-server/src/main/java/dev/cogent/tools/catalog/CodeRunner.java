package dev.cogent.tools.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cogent.Json;
import dev.cogent.tools.Cancellation;
import dev.cogent.tools.OutputCap;
import dev.cogent.tools.ToolCancelledException;
import dev.cogent.tools.ToolResult;
import dev.cogent.tools.sandbox.CommandResult;
import dev.cogent.tools.sandbox.Sandbox;
import dev.cogent.tools.sandbox.Uncancellable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Runs Python and JavaScript tool code as a subprocess through the configured {@link Sandbox},
 * never in the server: a small runner script ({@code runner.py}, {@code runner.cjs}) and the tool's
 * source are written into a fresh folder {@code .cogent-tools/<call id>/} of the workspace, the
 * arguments go in as a JSON file, and the runner writes its answer as a JSON file, so that what the
 * tool prints does not mix with its result. The folder is deleted after the call. The command's
 * timeout and the output cap of the built-in tools apply.
 *
 * <p>Thread-safe; every call uses its own folder.
 */
public final class CodeRunner {

  static final String FOLDER = ".cogent-tools";

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final Sandbox sandbox;
  private final Duration timeout;
  private final int maxOutputBytes;
  private final OutputCap cap;
  private final Path scratch;
  private final Json json;
  private final String python;
  private final String node;

  /**
   * @param scratch the folder registrations describe code in (no session exists then)
   * @param python the Python interpreter: a command on the sandbox's PATH or an absolute path
   * @param node the Node.js interpreter, as {@code python}
   */
  public CodeRunner(
      Sandbox sandbox,
      Duration timeout,
      int maxOutputBytes,
      Path scratch,
      Json json,
      String python,
      String node) {
    this.sandbox = sandbox;
    this.timeout = timeout;
    this.maxOutputBytes = maxOutputBytes;
    this.cap = new OutputCap(maxOutputBytes);
    this.scratch = scratch.toAbsolutePath().normalize();
    this.json = json;
    this.python = python;
    this.node = node;
  }

  /** What describing code gave: its functions, or why it could not be loaded. */
  record Described(List<ToolFunction> functions, String errorType, String error) {
    Described {
      functions = List.copyOf(functions);
    }

    boolean isLoaded() {
      return errorType == null;
    }
  }

  /** Loads {@code code} once in the sandbox and reads the schemas of its tools. */
  Described describe(ToolLanguage language, String code) {
    Map<String, Object> answer;
    try {
      Files.createDirectories(scratch);
      answer =
          run(language, code, List.of("describe"), null, scratch.toRealPath(), new Uncancellable());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + scratch + " to describe tool code", e);
    } catch (RunFailure failure) {
      return new Described(List.of(), failure.type, failure.reason);
    }
    if (!Boolean.TRUE.equals(answer.get("ok"))) {
      return new Described(List.of(), text(answer.get("error_type")), text(answer.get("error")));
    }
    List<ToolFunction> functions = new ArrayList<>();
    if (answer.get("tools") instanceof List<?> tools) {
      for (Object tool : tools) {
        functions.add(json.mapper().convertValue(tool, ToolFunction.class));
      }
    }
    return new Described(functions, null, null);
  }

  /**
   * Calls {@code function} of {@code code} with {@code arguments} in {@code workspace}.
   *
   * @throws ToolCancelledException when the run was cancelled during the call
   */
  ToolResult call(
      ToolLanguage language,
      String code,
      String function,
      Map<String, Object> arguments,
      Path workspace,
      Cancellation cancellation) {
    Map<String, Object> answer;
    try {
      answer = run(language, code, List.of("call", function), arguments, workspace, cancellation);
    } catch (RunFailure failure) {
      return ToolResult.failed(cap.apply(failure.getMessage()));
    }
    if (Boolean.TRUE.equals(answer.get("ok"))) {
      return ToolResult.ok(cap.apply(text(answer.get("output"))));
    }
    return ToolResult.failed(
        cap.apply(
            "Error: "
                + text(answer.get("error_type"))
                + ": "
                + text(answer.get("error"))
                + printed(answer)));
  }

  private static String printed(Map<String, Object> answer) {
    Object output = answer.get("printed");
    return output == null || text(output).isBlank() ? "" : "\nOutput:\n" + text(output);
  }

  private Map<String, Object> run(
      ToolLanguage language,
      String code,
      List<String> mode,
      Map<String, Object> arguments,
      Path workspace,
      Cancellation cancellation) {
    Path dir = callFolder(workspace);
    try {
      String base = FOLDER + "/" + dir.getFileName() + "/";
      write(dir.resolve(language.runner()), runnerSource(language));
      write(dir.resolve(language.sourceFile()), code);
      List<String> command = new ArrayList<>();
      command.add(interpreter(language));
      command.add(base + language.runner());
      command.add(mode.get(0));
      command.add(base + language.sourceFile());
      if (mode.size() > 1) {
        command.add(mode.get(1));
        write(dir.resolve("arguments.json"), json.write(arguments));
        command.add(base + "arguments.json");
      }
      command.add(base + "result.json");
      CommandResult result =
          sandbox.run(
              String.join(" ", command.stream().map(CodeRunner::quote).toList()),
              workspace,
              timeout,
              maxOutputBytes,
              cancellation);
      if (result.cancelled()) {
        throw new ToolCancelledException(mode.size() > 1 ? mode.get(1) : "describe");
      }
      if (result.timedOut()) {
        throw new RunFailure(
            "TimeoutError",
            "the tool ran longer than " + timeout.toSeconds() + " s and was killed");
      }
      Path answerFile = dir.resolve("result.json");
      if (!Files.isRegularFile(answerFile, LinkOption.NOFOLLOW_LINKS)) {
        throw new RunFailure(
            "RunnerError",
            interpreter(language)
                + " exited with "
                + result.exitCode()
                + " without an answer"
                + (result.output().isBlank() ? "" : ": " + result.output().strip()));
      }
      Map<String, Object> answer =
          json.mapper().readValue(Files.readString(answerFile, StandardCharsets.UTF_8), OBJECT);
      if (!result.output().isBlank()) {
        answer.put("printed", result.output());
      }
      return answer;
    } catch (IOException e) {
      throw new RunFailure("RunnerError", "cannot run the tool code: " + e.getMessage());
    } finally {
      deleteTree(dir);
    }
  }

  private String interpreter(ToolLanguage language) {
    return switch (language) {
      case PYTHON -> python;
      case JAVASCRIPT -> node;
      case JAVA -> throw new IllegalArgumentException("Java tools do not run as code");
    };
  }

  /** A fresh folder for one call inside the workspace, refusing one that links outside it. */
  private static Path callFolder(Path workspace) {
    try {
      Path root = workspace.toRealPath();
      Path parent = root.resolve(FOLDER);
      Files.createDirectories(parent);
      // The agent can create links in its workspace: never write through one to outside it.
      if (!parent.toRealPath().startsWith(root)) {
        throw new RunFailure("RunnerError", FOLDER + " in the workspace links outside of it");
      }
      return Files.createDirectory(parent.resolve(UUID.randomUUID().toString()));
    } catch (IOException e) {
      throw new RunFailure("RunnerError", "cannot prepare the tool folder: " + e.getMessage());
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(
        file,
        content,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
  }

  private static String runnerSource(ToolLanguage language) {
    try (InputStream in = CodeRunner.class.getResourceAsStream(language.runner())) {
      if (in == null) {
        throw new IllegalStateException("the runner " + language.runner() + " is not packaged");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A leftover folder in a session's workspace harms nothing; the next call uses a new one.
    }
  }

  /** Quotes one word for {@code /bin/sh}. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  /** A call that produced no answer of the runner. */
  private static final class RunFailure extends RuntimeException {
    private final String type;
    private final String reason;

    RunFailure(String type, String reason) {
      super(type + ": " + reason);
      this.type = type;
      this.reason = reason;
    }
  }
}
