package dev.cogent.tools.catalog;

import dev.cogent.registry.FileEntry;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Discovers the tool files of a project: {@code .cogent/tools/<name>.py} and {@code <name>.js}.
 * Each file is loaded once in the sandbox to read its tools; a file that fails to load (a syntax
 * error, a missing import, no tool in it) is reported, never fatal. The row's name is the file name
 * without its extension; the model calls the tools by their own names.
 */
final class ToolFiles {

  /** The largest tool file read; a bigger one is reported. */
  static final int MAX_BYTES = 1024 * 1024;

  private final Path projectDir;
  private final CodeRunner runner;
  private final InstantSource clock;

  ToolFiles(Path projectDir, CodeRunner runner, InstantSource clock) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.runner = runner;
    this.clock = clock;
  }

  record Loaded(List<FileEntry<ToolSpec>> entries, List<ToolLoadError> errors) {
    Loaded {
      entries = List.copyOf(entries);
      errors = List.copyOf(errors);
    }
  }

  Loaded read() {
    Path dir = projectDir.resolve(".cogent").resolve("tools");
    List<FileEntry<ToolSpec>> entries = new ArrayList<>();
    List<ToolLoadError> errors = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return new Loaded(entries, errors);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(Files::isRegularFile)
              .filter(file -> ToolLanguage.ofFile(file.getFileName().toString()).isPresent())
              .sorted()
              .toList();
    } catch (IOException e) {
      errors.add(error(dir, "OSError", "cannot list the folder: " + e.getMessage()));
      return new Loaded(entries, errors);
    }
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      ToolLanguage language = ToolLanguage.ofFile(fileName).orElseThrow();
      String name = fileName.substring(0, fileName.lastIndexOf('.'));
      if (!ToolService.NAME.matcher(name).matches() || name.length() > ToolService.MAX_NAME) {
        errors.add(error(file, "NameError", "the file name is not a valid tool name"));
        continue;
      }
      try {
        if (Files.size(file) > MAX_BYTES) {
          errors.add(error(file, "ValueError", "the file is larger than " + MAX_BYTES + " bytes"));
          continue;
        }
        String code = Files.readString(file);
        CodeRunner.Described described = runner.describe(language, code);
        if (!described.isLoaded()) {
          errors.add(error(file, described.errorType(), described.error()));
        } else if (described.functions().isEmpty()) {
          errors.add(error(file, "ValueError", ToolService.noToolReason(language)));
        } else {
          String invalid = ToolService.invalidFunctionNames(described.functions());
          if (invalid != null) {
            errors.add(error(file, "NameError", invalid));
            continue;
          }
          ToolSpec spec =
              new ToolSpec(language, code, null, null, true, false, described.functions());
          entries.add(FileEntry.global(name, relative(file), spec));
        }
      } catch (CharacterCodingException e) {
        errors.add(error(file, "UnicodeDecodeError", "the file is not UTF-8 text"));
      } catch (IOException e) {
        errors.add(error(file, "OSError", "cannot read the file: " + e.getMessage()));
      }
    }
    return new Loaded(entries, errors);
  }

  private String relative(Path file) {
    return file.startsWith(projectDir) ? projectDir.relativize(file).toString() : file.toString();
  }

  private ToolLoadError error(Path file, String type, String message) {
    return new ToolLoadError(relative(file), type, message, clock.millis() / 1000.0);
  }
}
