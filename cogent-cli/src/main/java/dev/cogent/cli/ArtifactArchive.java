package dev.cogent.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.cogent.client.Artifact;
import dev.cogent.client.ArtifactRequest;
import dev.cogent.client.ArtifactUpdate;
import dev.cogent.client.ArtifactVersion;
import dev.cogent.client.CogentClient;
import dev.cogent.client.CogentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The artifacts of a snapshot: {@code artifacts.json} at the archive's root, every visible artifact
 * with all its versions, oldest first. Run and checkpoint links and the scope are not kept: they
 * name rows of the server the snapshot came from.
 */
final class ArtifactArchive {

  static final String FILE = "artifacts.json";

  /** One artifact as archived. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("artifact_type") String artifactType,
      @JsonProperty("path") String path,
      @JsonProperty("visibility") String visibility,
      @JsonProperty("versions") List<Version> versions) {}

  /** One version's content. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Version(
      @JsonProperty("version") int version,
      @JsonProperty("content") String content,
      @JsonProperty("content_type") String contentType) {}

  private ArtifactArchive() {}

  /** Writes the server's artifacts to {@code dir/artifacts.json}; returns how many. */
  static int write(CogentClient client, Path dir) {
    List<Entry> entries = new ArrayList<>();
    for (Artifact artifact : client.artifacts().list(null, null)) {
      List<Version> versions =
          client.artifacts().versions(artifact.id()).stream()
              .sorted(Comparator.comparingInt(ArtifactVersion::version))
              .map(v -> new Version(v.version(), v.content(), v.contentType()))
              .toList();
      entries.add(
          new Entry(
              artifact.id(),
              artifact.name(),
              artifact.artifactType(),
              artifact.path(),
              artifact.visibility(),
              versions));
    }
    try {
      ProjectFiles.JSON
          .writerWithDefaultPrettyPrinter()
          .writeValue(dir.resolve(FILE).toFile(), entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE, e);
    }
    return entries.size();
  }

  /**
   * Creates each archived artifact missing on the server with its versions in order, and gives an
   * existing one whose latest content differs the archive's latest as a new version. Returns how
   * many artifacts changed; a snapshot without {@code artifacts.json} changes none.
   */
  static int restore(CogentClient client, Path dir, Output output) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    List<Entry> entries;
    try {
      entries = ProjectFiles.JSON.readValue(file.toFile(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new ClientCalls.UsageException("cannot read " + FILE + ": " + e.getMessage());
    }
    int changed = 0;
    for (Entry entry : entries) {
      if (entry.versions().isEmpty()) {
        continue;
      }
      Version latest = entry.versions().get(entry.versions().size() - 1);
      Optional<Artifact> existing = find(client, entry.id());
      if (existing.isEmpty()) {
        Version first = entry.versions().get(0);
        client
            .artifacts()
            .create(
                new ArtifactRequest(
                    entry.id(),
                    entry.name(),
                    entry.artifactType(),
                    first.content(),
                    first.contentType(),
                    entry.path(),
                    null,
                    null,
                    entry.visibility(),
                    null));
        for (Version next : entry.versions().subList(1, entry.versions().size())) {
          client.artifacts().update(entry.id(), contentOf(next));
        }
        output.line("+ artifact " + entry.id());
        changed++;
      } else if (!Objects.equals(existing.get().content(), latest.content())) {
        client.artifacts().update(entry.id(), contentOf(latest));
        output.line("~ artifact " + entry.id());
        changed++;
      }
    }
    return changed;
  }

  private static ArtifactUpdate contentOf(Version version) {
    return new ArtifactUpdate(version.content(), null, version.contentType(), null, null);
  }

  private static Optional<Artifact> find(CogentClient client, String id) {
    try {
      return Optional.of(client.artifacts().get(id));
    } catch (CogentException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
