package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@link Tools#create}: {@code name} and exactly one of {@code code} or {@code path}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolRequest(
    @JsonProperty("name") String name,
    @JsonProperty("code") String code,
    @JsonProperty("path") String path,
    @JsonProperty("enabled") Boolean enabled,
    @JsonProperty("description") String description,
    @JsonProperty("interrupt_on") Boolean interruptOn,
    @JsonProperty("scope") Map<String, String> scope) {}
