package dev.cogent.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A minimal registry document for the generic registry's tests. */
record Note(@JsonProperty("text") String text) {}
