package dev.cogent.registry;

import java.util.List;
import java.util.Map;

/**
 * The agents every server has (spec 001, "Agents"): {@code default} with every tool and {@code
 * readonly}, whose writes and commands wait for a human's approval. They are seeded as global file
 * rows at start-up, so the API can neither change (409) nor delete (400) them.
 */
final class BuiltInAgents {

  static final String ORIGIN = "builtin";

  static final String DEFAULT_PROMPT =
      """
      You are a coding agent working in a project workspace. Read the code before you change it, \
      make small and correct changes, run the project's checks when you can, and explain what \
      you did and why. Use the tools you are given; never invent file contents or command output.\
      """;

  static final String READONLY_PROMPT =
      DEFAULT_PROMPT
          + "\n\nRESTRICTION: READ-ONLY mode. Analyse, read and search, but do not write or edit"
          + " files or run commands; such calls wait for a human's approval.";

  static final Map<String, AgentSpec> AGENTS =
      Map.of(
          AgentDirectory.DEFAULT_AGENT,
          new AgentSpec(
              DEFAULT_PROMPT,
              "Full-access coding agent with all tools enabled",
              AgentMode.PRIMARY,
              List.of(),
              List.of(),
              List.of("AGENTS.md"),
              Map.of(),
              null,
              null,
              false,
              true,
              null,
              false),
          "readonly",
          new AgentSpec(
              READONLY_PROMPT,
              "Analysis-only agent: can read files and search; writes and commands need approval",
              AgentMode.PRIMARY,
              List.of(),
              List.of(),
              List.of("AGENTS.md"),
              Map.of("write_file", true, "edit_file", true, "execute", true, "bash", true),
              null,
              null,
              false,
              true,
              null,
              false));

  private BuiltInAgents() {}

  static boolean isBuiltIn(String name) {
    return AGENTS.containsKey(name);
  }

  static List<FileEntry<AgentSpec>> entries() {
    return AGENTS.entrySet().stream()
        .map(e -> FileEntry.global(e.getKey(), ORIGIN, e.getValue()))
        .sorted(java.util.Comparator.comparing(FileEntry::name))
        .toList();
  }
}
