package dev.cogent.memory;

import java.time.Instant;

/**
 * Text remembered under a session id ({@code remember} with {@code session_id}); {@code bridged}
 * once improve has cognified it into the graph.
 */
public record SessionEntry(
    String id,
    String datasetId,
    String sessionId,
    String ownerId,
    String text,
    boolean bridged,
    Instant createdAt) {}
