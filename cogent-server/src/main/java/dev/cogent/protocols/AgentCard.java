package dev.cogent.protocols;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An A2A AgentCard as spec 001 shows it ("A2A Protocol"), with the fields the current A2A protocol
 * (0.3) requires of a card so that its SDKs accept it: {@code protocolVersion}, {@code
 * preferredTransport}, the default input and output modes, and skills with tags. Wire names are
 * A2A's camelCase.
 */
public record AgentCard(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("url") String url,
    @JsonProperty("version") String version,
    @JsonProperty("capabilities") Capabilities capabilities,
    @JsonProperty("skills") List<Skill> skills,
    @JsonProperty("protocolVersion") String protocolVersion,
    @JsonProperty("preferredTransport") String preferredTransport,
    @JsonProperty("defaultInputModes") List<String> defaultInputModes,
    @JsonProperty("defaultOutputModes") List<String> defaultOutputModes) {

  /** The A2A protocol version the endpoint speaks. */
  static final String PROTOCOL_VERSION = "0.3.0";

  /** The one transport served: JSON-RPC 2.0 over HTTP, with SSE for streaming. */
  static final String TRANSPORT = "JSONRPC";

  /** Only text parts are read and written. */
  static final List<String> TEXT_ONLY = List.of("text/plain");

  public AgentCard {
    skills = List.copyOf(skills);
    defaultInputModes = List.copyOf(defaultInputModes);
    defaultOutputModes = List.copyOf(defaultOutputModes);
  }

  /** What the endpoint supports: SSE streaming yes, push notifications no. */
  public record Capabilities(
      @JsonProperty("streaming") boolean streaming,
      @JsonProperty("pushNotifications") boolean pushNotifications) {}

  /**
   * One skill of the agent: {@code id} and {@code name} are the registry skill's name; A2A requires
   * a description (the skill's name when the skill has none) and tags (none).
   */
  public record Skill(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("description") String description,
      @JsonProperty("tags") List<String> tags) {
    public Skill {
      tags = List.copyOf(tags);
    }
  }

  /** The body of {@code GET /.well-known/agent-card.json}. */
  public record Listing(@JsonProperty("cards") List<AgentCard> cards) {
    public Listing {
      cards = List.copyOf(cards);
    }
  }
}
