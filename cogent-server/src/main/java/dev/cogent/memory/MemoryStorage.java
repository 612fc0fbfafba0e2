package dev.cogent.memory;

import dev.cogent.memory.index.MemoryIndex;

/** The storage of memory, handed to its services as one value. */
public record MemoryStorage(
    DatasetRepository datasets,
    DataRepository data,
    GraphRepository graph,
    PipelineRunRepository runs,
    SessionEntryRepository sessions,
    MemoryIndex index,
    RawFiles raw) {}
