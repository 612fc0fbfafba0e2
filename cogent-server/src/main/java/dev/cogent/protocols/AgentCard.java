package dev.cogent.protocols;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An A2A AgentCard as spec 001 shows it ("A2A Protocol"); wire names are A2A's camelCase. */
public record AgentCard(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("url") String url,
    @JsonProperty("version") String version,
    @JsonProperty("capabilities") Capabilities capabilities,
    @JsonProperty("skills") List<Skill> skills) {

  public AgentCard {
    skills = List.copyOf(skills);
  }

  /** What the endpoint supports: SSE streaming yes, push notifications no. */
  public record Capabilities(
      @JsonProperty("streaming") boolean streaming,
      @JsonProperty("pushNotifications") boolean pushNotifications) {}

  /** One skill of the agent: {@code id} and {@code name} are the registry skill's name. */
  public record Skill(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("description") String description) {}

  /** The body of {@code GET /.well-known/agent-card.json}. */
  public record Listing(@JsonProperty("cards") List<AgentCard> cards) {
    public Listing {
      cards = List.copyOf(cards);
    }
  }
}
