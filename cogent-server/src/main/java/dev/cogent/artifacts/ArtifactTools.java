package dev.cogent.artifacts;

import dev.cogent.ApiException;
import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The agent tools {@code read_artifact}, {@code write_artifact} and {@code list_artifacts}: durable
 * state outside the context window, in the session's scope. An agent sees {@code public} artifacts
 * of its scope, {@code run} artifacts of its own run and {@code private} artifacts written in its
 * own session (their {@code run_id} is a run of the session). What the agent writes is {@code
 * private} unless it asks otherwise, and carries the run's id.
 *
 * <p>Thread-safe.
 */
public final class ArtifactTools {

  /** Tells whether a run belongs to a session, in a scope. */
  @FunctionalInterface
  public interface RunMembership {
    boolean isRunOf(String runId, String sessionId, dev.cogent.scope.Scope scope);
  }

  private final ArtifactService artifacts;
  private final RunMembership runs;
  private final List<Tool> tools;

  public ArtifactTools(ArtifactService artifacts, RunMembership runs) {
    this.artifacts = artifacts;
    this.runs = runs;
    this.tools = List.of(new Read(), new Write(), new ListTool());
  }

  /** The three tools, in a fixed order. */
  public List<Tool> all() {
    return tools;
  }

  private boolean visible(Artifact artifact, ToolContext context) {
    return switch (artifact.visibility()) {
      case PUBLIC -> true;
      case RUN -> context.runId().equals(artifact.runId());
      case PRIVATE ->
          artifact.runId() != null
              && (artifact.runId().equals(context.runId())
                  || runs.isRunOf(artifact.runId(), context.sessionId(), context.scope()));
    };
  }

  private Optional<Artifact> find(String id, ToolContext context) {
    try {
      Artifact artifact = artifacts.get(id, context.scope());
      return visible(artifact, context) ? Optional.of(artifact) : Optional.empty();
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  private static Map<String, Object> schema(List<String> required, Object... properties) {
    Map<String, Object> byName = new java.util.LinkedHashMap<>();
    for (int i = 0; i < properties.length; i += 2) {
      byName.put(
          (String) properties[i], Map.of("type", "string", "description", properties[i + 1]));
    }
    return Map.of(
        "type",
        "object",
        "properties",
        byName,
        "required",
        required,
        "additionalProperties",
        false);
  }

  private static String text(Map<String, Object> arguments, String name) {
    Object value = arguments.get(name);
    return value == null ? null : String.valueOf(value);
  }

  private final class Read implements Tool {
    private final Map<String, Object> schema =
        schema(
            List.of("id"),
            "id",
            "The artifact's id.",
            "version",
            "A version number; default the latest.");

    @Override
    public String name() {
      return "read_artifact";
    }

    @Override
    public String description() {
      return "Reads an artifact (durable notes, plans, results kept outside the conversation) by"
          + " id: its content, preceded by a line with its name, type and version.";
    }

    @Override
    public Map<String, Object> parametersSchema() {
      return schema;
    }

    @Override
    public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
      String id = text(arguments, "id");
      Optional<Artifact> latest = find(id, context);
      if (latest.isEmpty()) {
        return ToolResult.failed("Error: no artifact '" + id + "'");
      }
      Artifact artifact = latest.get();
      String version = text(arguments, "version");
      if (version != null) {
        try {
          artifact = artifacts.getVersion(id, Integer.parseInt(version.strip()), context.scope());
        } catch (NumberFormatException | ApiException e) {
          return ToolResult.failed("Error: artifact '" + id + "' has no version " + version);
        }
      }
      return ToolResult.ok(
          "["
              + artifact.name()
              + " | "
              + artifact.artifactType().wireName()
              + " | version "
              + artifact.version()
              + "]\n"
              + artifact.content());
    }
  }

  private final class Write implements Tool {
    private final Map<String, Object> schema =
        schema(
            List.of("id", "content"),
            "id",
            "The artifact's id; an existing one gets a new version.",
            "content",
            "The whole new content.",
            "name",
            "A human-readable name (default: the id).",
            "artifact_type",
            "scratch, artifact, contract, eval or memory (default artifact).",
            "visibility",
            "private (this session, the default), run (this run) or public (everyone in scope).",
            "content_type",
            "A MIME type such as text/markdown.");

    @Override
    public String name() {
      return "write_artifact";
    }

    @Override
    public String description() {
      return "Creates an artifact, or stores a new version of an existing one, and answers its"
          + " id and version. Artifacts outlive the conversation: use them for plans, results and"
          + " hand-offs.";
    }

    @Override
    public Map<String, Object> parametersSchema() {
      return schema;
    }

    @Override
    public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
      String id = text(arguments, "id");
      try {
        Artifact written;
        Optional<Artifact> existing = find(id, context);
        if (existing.isPresent()) {
          written =
              artifacts.update(
                  id,
                  new ArtifactRequests.Update(
                      text(arguments, "content"),
                      text(arguments, "name"),
                      text(arguments, "content_type"),
                      null,
                      null,
                      null,
                      text(arguments, "visibility")),
                  context.scope());
        } else {
          String name = text(arguments, "name");
          String type = text(arguments, "artifact_type");
          written =
              artifacts.create(
                  new ArtifactRequests.Create(
                      id,
                      name == null ? id : name,
                      type == null ? ArtifactType.ARTIFACT.wireName() : type,
                      text(arguments, "content"),
                      text(arguments, "content_type"),
                      null,
                      context.runId(),
                      null,
                      text(arguments, "visibility"),
                      null),
                  context.scope());
        }
        return ToolResult.ok(
            "Wrote artifact " + written.id() + " version " + written.version() + ".");
      } catch (ApiException e) {
        return ToolResult.failed("Error: " + e.getMessage() + details(e));
      }
    }
  }

  private static String details(ApiException e) {
    if (e.details().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
      return " ("
          + errors.stream()
              .map(
                  error ->
                      error instanceof Map<?, ?> map
                          ? map.get("field") + " " + map.get("message")
                          : String.valueOf(error))
              .collect(Collectors.joining("; "))
          + ")";
    }
    return "";
  }

  private final class ListTool implements Tool {
    private final Map<String, Object> schema =
        schema(List.of(), "artifact_type", "Only artifacts of this type.");

    @Override
    public String name() {
      return "list_artifacts";
    }

    @Override
    public String description() {
      return "Lists the artifacts you can read: one line each with id, name, type and version.";
    }

    @Override
    public Map<String, Object> parametersSchema() {
      return schema;
    }

    @Override
    public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
      ArtifactType type = null;
      String wanted = text(arguments, "artifact_type");
      if (wanted != null) {
        Optional<ArtifactType> found = ArtifactType.find(wanted);
        if (found.isEmpty()) {
          return ToolResult.failed("Error: unknown artifact_type '" + wanted + "'");
        }
        type = found.get();
      }
      List<String> lines =
          artifacts.list(new ArtifactQuery(context.scope(), type, null)).artifacts().stream()
              .filter(artifact -> visible(artifact, context))
              .map(
                  artifact ->
                      artifact.id()
                          + " | "
                          + artifact.name()
                          + " | "
                          + artifact.artifactType().wireName()
                          + " | version "
                          + artifact.version())
              .toList();
      return ToolResult.ok(lines.isEmpty() ? "No artifacts." : String.join("\n", lines));
    }
  }
}
