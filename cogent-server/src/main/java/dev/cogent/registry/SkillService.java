package dev.cogent.registry;

import dev.cogent.ApiException;
import dev.cogent.ApiException.FieldError;
import dev.cogent.Json;
import dev.cogent.scope.Scope;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Skills (spec 001, "Skills") on top of the scoped {@link Registry}: {@code SKILL.md} documents
 * given inline ({@code content}) or read from a file ({@code path}) when the request is handled.
 * Rows are chosen as in {@link AgentService}.
 *
 * <p>A {@code path} must lie inside the project's {@code .cogent/skills} folder (relative paths are
 * resolved there, symbolic links are followed before the check): the API must not become a way to
 * read arbitrary files of the server.
 *
 * <p>Thread-safe.
 */
public final class SkillService {

  private final Registry<SkillSpec> registry;
  private final Path skillsDir;
  private final FieldPatch patches;

  /**
   * @param projectDir the project whose {@code .cogent/skills} folder {@code path} skills come from
   */
  public SkillService(Registry<SkillSpec> registry, Path projectDir, Json json) {
    this.registry = registry;
    this.skillsDir = skillsDir(projectDir);
    this.patches = new FieldPatch(json);
  }

  static Path skillsDir(Path projectDir) {
    return projectDir.toAbsolutePath().normalize().resolve(".cogent").resolve("skills");
  }

  /** Every skill visible in {@code caller}'s scope, enabled or not, one per name. */
  public List<Skill> list(Scope caller) {
    return registry.list(caller).stream().map(Skill::of).toList();
  }

  /**
   * @throws ApiException 404 when no skill of that name is visible
   */
  public Skill get(String name, Scope caller) {
    return find(name, caller).orElseThrow(() -> ApiException.notFound("skill", name));
  }

  public Optional<Skill> find(String name, Scope caller) {
    return registry.find(name, caller).map(Skill::of);
  }

  /**
   * Creates or replaces the API skill of the request's name in the target scope.
   *
   * @throws ApiException 422 for an invalid request or SKILL.md, 409 for a file-managed row
   */
  public Skill create(SkillRequests.Write request, Scope caller) {
    Validated valid = validate(request, caller);
    return Skill.of(registry.put(request.name(), valid.scope(), valid.spec()));
  }

  /**
   * Replaces an existing skill entirely.
   *
   * @throws ApiException 404 when it does not exist, 409 when it is file-managed, 422 when invalid
   */
  public Skill replace(String name, SkillRequests.Write request, Scope caller) {
    SkillRequests.Write named = request.name() == null ? request.withName(name) : request;
    if (!name.equals(named.name())) {
      throw ApiException.invalid("name", "must equal the skill name of the path ('" + name + "')");
    }
    RegistryEntry<SkillSpec> current = target(name, named.scope(), caller);
    Validated valid = validate(named, caller);
    return Skill.of(registry.update(name, current.scope(), valid.spec()));
  }

  /**
   * Changes the {@code given} fields of an existing skill. Giving {@code path} re-reads the file.
   *
   * @param given the wire names of the fields present in the request body
   */
  public Skill update(String name, SkillRequests.Patch patch, Set<String> given, Scope caller) {
    RegistryEntry<SkillSpec> current = target(name, patch.scope(), caller);
    Set<String> fields = new HashSet<>(given);
    SkillRequests.Write write =
        new SkillRequests.Write(
            name,
            current.document().content(),
            null,
            current.document().description(),
            current.document().enabled(),
            current.scope().values());
    SkillRequests.Write merged = patches.apply(write, patch, fields, SkillRequests.Write.class);
    if (fields.contains("path") && !fields.contains("content")) {
      merged = merged.withoutContent();
    }
    Validated valid = validate(merged, caller);
    return Skill.of(registry.update(name, current.scope(), valid.spec()));
  }

  /**
   * @throws ApiException 404 when it does not exist, 409 when it is file-managed
   */
  public void delete(String name, Scope caller) {
    registry.delete(name, target(name, null, caller).scope());
  }

  /** Makes the file rows of skills equal to {@code files}; see {@link Registry#syncFiles}. */
  public SyncResult syncFiles(List<FileEntry<SkillSpec>> files) {
    return registry.syncFiles(files);
  }

  private RegistryEntry<SkillSpec> target(
      String name, Map<String, String> requestedScope, Scope caller) {
    Optional<RegistryEntry<SkillSpec>> entry =
        requestedScope == null
            ? registry.find(name, caller)
            : registry.findExact(name, Registry.targetScope(requestedScope, caller));
    return entry.orElseThrow(() -> ApiException.notFound("skill", name));
  }

  private record Validated(Scope scope, SkillSpec spec) {}

  private Validated validate(SkillRequests.Write request, Scope caller) {
    List<FieldError> errors = new ArrayList<>();
    String name = request.name();
    if (name == null || name.isEmpty() || name.length() > AgentService.MAX_NAME) {
      errors.add(
          new FieldError("name", "is required, 1 to " + AgentService.MAX_NAME + " characters"));
    } else if (!AgentService.NAME.matcher(name).matches()) {
      errors.add(
          new FieldError(
              "name", "must start with a letter or digit and use only letters, digits, . _ -"));
    }
    boolean hasContent = request.content() != null;
    boolean hasPath = request.path() != null;
    if (hasContent == hasPath) {
      errors.add(new FieldError("content", "give exactly one of content or path"));
    }
    if (request.description() != null
        && request.description().length() > SkillDocument.MAX_DESCRIPTION) {
      errors.add(
          new FieldError(
              "description", "must be at most " + SkillDocument.MAX_DESCRIPTION + " characters"));
    }
    Scope target = caller;
    try {
      target = Registry.targetScope(request.scope(), caller);
    } catch (ApiException e) {
      errors.add(new FieldError("scope", "must be within the caller's scope " + caller.values()));
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    String content = hasContent ? request.content() : read(request.path());
    SkillDocument.parse(content, name, hasContent ? "content" : "path");
    boolean enabled = request.enabled() == null || request.enabled();
    return new Validated(target, new SkillSpec(content, request.description(), enabled));
  }

  /** Reads a SKILL.md (or the SKILL.md of a folder) inside the skills folder. */
  private String read(String requested) {
    Path candidate;
    try {
      candidate = Path.of(requested);
    } catch (InvalidPathException e) {
      throw ApiException.invalid("path", "is not a valid file path");
    }
    if (!candidate.isAbsolute()) {
      candidate = skillsDir.resolve(candidate);
    }
    candidate = candidate.normalize();
    if (!candidate.startsWith(skillsDir)) {
      throw outsideSkillsDir();
    }
    if (Files.isDirectory(candidate)) {
      candidate = candidate.resolve("SKILL.md");
    }
    if (!Files.isRegularFile(candidate)) {
      throw ApiException.invalid(
          "path", "no SKILL.md at '" + requested + "' in the project's .cogent/skills folder");
    }
    try {
      if (!candidate.toRealPath().startsWith(skillsDir.toRealPath())) {
        throw outsideSkillsDir();
      }
      if (Files.size(candidate) > SkillDocument.MAX_CHARS * 4L) {
        throw ApiException.invalid("path", "SKILL.md is too large");
      }
      return Files.readString(candidate);
    } catch (CharacterCodingException e) {
      throw ApiException.invalid("path", "SKILL.md is not UTF-8 text");
    } catch (IOException e) {
      throw ApiException.invalid("path", "cannot read '" + requested + "'");
    }
  }

  private static ApiException outsideSkillsDir() {
    return ApiException.invalid(
        "path", "must be inside the project's .cogent/skills folder (relative paths start there)");
  }
}
