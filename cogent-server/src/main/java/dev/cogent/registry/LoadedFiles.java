package dev.cogent.registry;

import java.util.List;

/** What reading one kind of project files gave: the good entries and the broken files. */
record LoadedFiles<T>(List<FileEntry<T>> entries, List<SeedProblem> problems) {

  LoadedFiles {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }
}
