package dev.cogent;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What this deployment really has wired ({@code GET /capabilities} of spec 001). Built once by
 * {@link CogentServer} from the services it constructed; a feature is {@code true} only when its
 * code is running in this process.
 */
public record Capabilities(
    @JsonProperty("versions") Map<String, String> versions,
    @JsonProperty("stream_protocols") List<String> streamProtocols,
    @JsonProperty("sandbox_backends") List<String> sandboxBackends,
    @JsonProperty("features") Map<String, Boolean> features,
    @JsonProperty("middleware") List<String> middleware,
    @JsonProperty("scope_keys") List<String> scopeKeys,
    @JsonProperty("deployment") Map<String, Object> deployment) {

  public Capabilities {
    versions = Map.copyOf(versions);
    streamProtocols = List.copyOf(streamProtocols);
    sandboxBackends = List.copyOf(sandboxBackends);
    features = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(features));
    middleware = List.copyOf(middleware);
    scopeKeys = List.copyOf(scopeKeys);
    deployment = Map.copyOf(deployment);
  }
}
