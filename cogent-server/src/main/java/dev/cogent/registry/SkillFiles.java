package dev.cogent.registry;

import dev.cogent.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the skill files of a project: {@code .cogent/skills/<name>/SKILL.md}, whose front matter
 * must name the folder and describe the skill. File skills are global and enabled.
 */
final class SkillFiles {

  LoadedFiles<SkillSpec> read(Path projectDir) {
    Path dir = SkillService.skillsDir(projectDir);
    List<FileEntry<SkillSpec>> entries = new ArrayList<>();
    List<SeedProblem> problems = new ArrayList<>();
    for (Path folder : folders(dir, problems)) {
      String name = folder.getFileName().toString();
      Path file = folder.resolve("SKILL.md");
      if (!Files.isRegularFile(file)) {
        problems.add(problem(folder, "the folder has no SKILL.md"));
        continue;
      }
      if (!AgentService.NAME.matcher(name).matches() || name.length() > AgentService.MAX_NAME) {
        problems.add(problem(file, "the folder name is not a valid skill name"));
        continue;
      }
      try {
        String content = Files.readString(file);
        SkillDocument.parse(content, name, "content");
        entries.add(FileEntry.global(name, file.toString(), new SkillSpec(content, null, true)));
      } catch (ApiException e) {
        problems.add(problem(file, ProblemReasons.of(e)));
      } catch (IOException e) {
        problems.add(problem(file, "cannot read the file: " + e.getMessage()));
      }
    }
    return new LoadedFiles<>(entries, problems);
  }

  private static List<Path> folders(Path dir, List<SeedProblem> problems) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(Files::isDirectory)
          .filter(folder -> !folder.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(problem(dir, "cannot list the folder: " + e.getMessage()));
      return List.of();
    }
  }

  private static SeedProblem problem(Path file, String reason) {
    return new SeedProblem(RegistryKind.SKILL, file.toString(), reason);
  }
}
