package dev.cogent.settings;

/** MLflow experiment tracking, accepted for compatibility with spec 001's {@code PATCH /config}. */
public record MlflowSettings(boolean enabled, String experimentName) {}
