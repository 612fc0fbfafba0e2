package dev.cogent.tools.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /tools/reload}: how many tool files loaded and how many failed. */
public record ReloadResult(
    @JsonProperty("tools_loaded") int toolsLoaded, @JsonProperty("errors") int errors) {}
