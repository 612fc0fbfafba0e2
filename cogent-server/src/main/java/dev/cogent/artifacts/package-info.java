/**
 * Versioned, scope-aware artifacts ("Artifacts" of spec 001): durable text that agents and builders
 * read, write and list outside the model's context window. Owns the {@code artifacts} and {@code
 * artifact_versions} tables. Imports nothing of HTTP or Javalin.
 */
package dev.cogent.artifacts;
