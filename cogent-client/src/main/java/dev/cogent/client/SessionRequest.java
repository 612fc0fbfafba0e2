package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of a session create or update: every field is optional, and in an update only the fields
 * set change. Build one with {@link #builder()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionRequest(
    @JsonProperty("title") String title,
    @JsonProperty("agent_name") String agentName,
    @JsonProperty("metadata") Map<String, String> metadata,
    @JsonProperty("config") SessionConfig config) {

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the optional fields of a {@link SessionRequest}. */
  public static final class Builder {
    private String title;
    private String agentName;
    private Map<String, String> metadata;
    private SessionConfig config;

    private Builder() {}

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder agentName(String agentName) {
      this.agentName = agentName;
      return this;
    }

    public Builder metadata(Map<String, String> metadata) {
      this.metadata = Map.copyOf(metadata);
      return this;
    }

    public Builder config(SessionConfig config) {
      this.config = config;
      return this;
    }

    public SessionRequest build() {
      return new SessionRequest(title, agentName, metadata, config);
    }
  }
}
