package dev.cogent.registry;

/** The kinds of configuration the registry holds; each has its own name space. */
public enum RegistryKind {
  AGENT("agent"),
  SKILL("skill"),
  TOOL("tool"),
  PROVIDER("provider"),
  MCP_SERVER("mcp_server");

  private final String wireName;

  RegistryKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name stored in the {@code kind} column and used in messages. */
  public String wireName() {
    return wireName;
  }
}
