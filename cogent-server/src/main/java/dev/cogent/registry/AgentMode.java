package dev.cogent.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** Whether an agent owns sessions, is delegated to, or both (spec 001, "Agents"). */
public enum AgentMode {
  @JsonProperty("primary")
  PRIMARY("primary"),
  @JsonProperty("subagent")
  SUBAGENT("subagent"),
  @JsonProperty("all")
  ALL("all");

  private final String wireName;

  AgentMode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether an agent of this mode may own a session. */
  public boolean canOwnSessions() {
    return this != SUBAGENT;
  }

  /** Whether an agent of this mode may be delegated to by another agent. */
  public boolean canBeDelegatedTo() {
    return this != PRIMARY;
  }

  static Optional<AgentMode> fromWire(String value) {
    for (AgentMode mode : values()) {
      if (mode.wireName.equals(value)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
