package dev.cogent.tools.mcp;

import dev.cogent.Json;
import dev.cogent.registry.Registry;
import dev.cogent.registry.RegistryKind;
import dev.cogent.registry.SeedProblem;
import dev.cogent.registry.SeedProblems;
import dev.cogent.registry.SyncResult;
import dev.cogent.settings.Placeholders;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the MCP servers a project declares in files (see {@link McpServerFiles}) as global {@code
 * source: file} rows at start-up. As for agents and skills (docs/registry.md): file rows refuse API
 * changes with 409, an API row of the same name and scope wins, rows whose entry is gone are
 * removed, and a broken entry is logged, kept for {@code GET /tools/errors} and skipped, never
 * fatal.
 *
 * <p>Thread-safe.
 */
public final class McpServerSeeder {

  private static final Logger log = LoggerFactory.getLogger(McpServerSeeder.class);

  private final McpServerFiles files;
  private final Registry<McpServerSpec> registry;
  private final SeedProblems problems;
  private final InstantSource clock;
  private volatile Seeded last = new Seeded(List.of(), Instant.EPOCH);

  /** The broken entries of the last seeding and when it ran. */
  public record Seeded(List<SeedProblem> problems, Instant at) {

    public Seeded {
      problems = List.copyOf(problems);
    }
  }

  public McpServerSeeder(
      Path projectDir,
      Json json,
      Placeholders placeholders,
      Registry<McpServerSpec> registry,
      SeedProblems problems,
      InstantSource clock) {
    this.files = new McpServerFiles(projectDir, json, placeholders);
    this.registry = registry;
    this.problems = problems;
    this.clock = clock;
  }

  public synchronized void seed() {
    McpServerFiles.Loaded loaded = files.read();
    SyncResult result = registry.syncFiles(loaded.entries());
    for (SeedProblem problem : loaded.problems()) {
      log.warn("Skipped MCP server {}: {}", problem.path(), problem.reason());
    }
    problems.replace(RegistryKind.MCP_SERVER, loaded.problems());
    last = new Seeded(loaded.problems(), clock.instant());
    if (!result.shadowed().isEmpty()) {
      log.info("API-created MCP servers win over their files: {}", result.shadowed());
    }
    log.info(
        "MCP servers from files: {} created, {} updated, {} removed, {} broken",
        result.created(),
        result.updated(),
        result.removed(),
        loaded.problems().size());
  }

  /** The broken entries of the last {@link #seed}. */
  public Seeded last() {
    return last;
  }
}
