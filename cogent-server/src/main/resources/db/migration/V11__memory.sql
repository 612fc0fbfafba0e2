-- Knowledge-graph memory (issue #7): datasets, their data items, chunks, summaries, the graph and
-- the provenance that ties every derived row to the data item(s) it came from, pipeline runs and
-- session memory. Same SQL on SQLite and PostgreSQL: epoch-ms BIGINT timestamps, JSON as TEXT.
-- Vectors and BM25 text live in a Lucene index per dataset under <data-dir>/memory/index.

-- A dataset; its owner also appears in dataset_owners (identity), which decides access.
CREATE TABLE memory_datasets (
    id            VARCHAR(36)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    owner_id      VARCHAR(36)  NOT NULL,
    tenant_id     VARCHAR(36),
    graph_schema  TEXT,                          -- JSON Schema used by cognify, or null
    custom_prompt TEXT,                          -- extraction prompt used by cognify, or null
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL
);
CREATE UNIQUE INDEX memory_datasets_by_owner_name ON memory_datasets (owner_id, name);

-- One ingested document; its raw bytes are a file under <data-dir>/memory/raw.
CREATE TABLE memory_data (
    id                VARCHAR(36)  PRIMARY KEY,
    dataset_id        VARCHAR(36)  NOT NULL REFERENCES memory_datasets (id) ON DELETE CASCADE,
    name              VARCHAR(500) NOT NULL,
    extension         VARCHAR(32)  NOT NULL,
    mime_type         VARCHAR(200) NOT NULL,
    content_hash      VARCHAR(64)  NOT NULL,     -- SHA-256 hex of the raw bytes
    data_size         BIGINT       NOT NULL,
    raw_location      TEXT         NOT NULL,     -- path relative to the data dir
    node_set          TEXT         NOT NULL,     -- JSON array of tags
    label             VARCHAR(200),
    external_metadata TEXT,                      -- JSON object or null
    owner_id          VARCHAR(36)  NOT NULL,
    status            VARCHAR(32)  NOT NULL,     -- pending | processing | cognified | errored
    token_count       INTEGER,
    created_at        BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL
);
CREATE UNIQUE INDEX memory_data_by_hash ON memory_data (dataset_id, content_hash);

-- The node_set tags of a data item, one row each, so that filters are plain joins.
CREATE TABLE memory_data_node_sets (
    data_id    VARCHAR(36)  NOT NULL REFERENCES memory_data (id) ON DELETE CASCADE,
    dataset_id VARCHAR(36)  NOT NULL,
    node_set   VARCHAR(200) NOT NULL,
    PRIMARY KEY (data_id, node_set)
);
CREATE INDEX memory_data_node_sets_by_set ON memory_data_node_sets (dataset_id, node_set);

CREATE TABLE memory_chunks (
    id          VARCHAR(36) PRIMARY KEY,
    dataset_id  VARCHAR(36) NOT NULL,
    data_id     VARCHAR(36) NOT NULL REFERENCES memory_data (id) ON DELETE CASCADE,
    chunk_index INTEGER     NOT NULL,
    text        TEXT        NOT NULL,
    token_count INTEGER     NOT NULL,
    created_at  BIGINT      NOT NULL
);
CREATE INDEX memory_chunks_by_data ON memory_chunks (data_id, chunk_index);
CREATE INDEX memory_chunks_by_dataset ON memory_chunks (dataset_id);

CREATE TABLE memory_summaries (
    id         VARCHAR(36) PRIMARY KEY,
    dataset_id VARCHAR(36) NOT NULL,
    chunk_id   VARCHAR(36) NOT NULL REFERENCES memory_chunks (id) ON DELETE CASCADE,
    data_id    VARCHAR(36) NOT NULL,
    text       TEXT        NOT NULL,
    created_at BIGINT      NOT NULL
);
CREATE INDEX memory_summaries_by_dataset ON memory_summaries (dataset_id);

-- A graph node; the id is derived from the normalised name and type, so one entity named in
-- several documents is one node of the dataset.
CREATE TABLE memory_nodes (
    dataset_id  VARCHAR(36)  NOT NULL REFERENCES memory_datasets (id) ON DELETE CASCADE,
    id          VARCHAR(36)  NOT NULL,
    name        VARCHAR(500) NOT NULL,
    type        VARCHAR(200) NOT NULL,
    description TEXT,
    properties  TEXT         NOT NULL,          -- JSON object
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    PRIMARY KEY (dataset_id, id)
);

-- A directed edge; the id is derived from source, relationship and target.
CREATE TABLE memory_edges (
    dataset_id        VARCHAR(36)  NOT NULL REFERENCES memory_datasets (id) ON DELETE CASCADE,
    id                VARCHAR(36)  NOT NULL,
    source_id         VARCHAR(36)  NOT NULL,
    target_id         VARCHAR(36)  NOT NULL,
    relationship_name VARCHAR(200) NOT NULL,
    description       TEXT,
    weight            DOUBLE PRECISION NOT NULL,
    properties        TEXT         NOT NULL,    -- JSON object
    created_at        BIGINT       NOT NULL,
    PRIMARY KEY (dataset_id, id)
);
CREATE INDEX memory_edges_by_source ON memory_edges (dataset_id, source_id);
CREATE INDEX memory_edges_by_target ON memory_edges (dataset_id, target_id);

-- Which data item produced which node, edge, chunk or summary: a row disappears with its data
-- item, and an element without rows left is removed.
CREATE TABLE memory_provenance (
    dataset_id   VARCHAR(36) NOT NULL,
    element_kind VARCHAR(16) NOT NULL,          -- node | edge | chunk | summary
    element_id   VARCHAR(36) NOT NULL,
    data_id      VARCHAR(36) NOT NULL,
    PRIMARY KEY (dataset_id, element_kind, element_id, data_id)
);
CREATE INDEX memory_provenance_by_data ON memory_provenance (data_id);

CREATE TABLE memory_pipeline_runs (
    id              VARCHAR(36)  PRIMARY KEY,
    dataset_id      VARCHAR(36)  NOT NULL,
    dataset_name    VARCHAR(200) NOT NULL,
    owner_id        VARCHAR(36)  NOT NULL,
    pipeline_name   VARCHAR(64)  NOT NULL,      -- add_pipeline | cognify_pipeline | improve_pipeline
    status          VARCHAR(40)  NOT NULL,      -- DATASET_PROCESSING_INITIATED | _STARTED | _COMPLETED | _ERRORED
    total_items     INTEGER      NOT NULL,
    processed_items INTEGER      NOT NULL,
    extractor       VARCHAR(64),                -- how the graph was extracted (model or heuristic)
    error           TEXT,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    finished_at     BIGINT
);
CREATE INDEX memory_pipeline_runs_by_dataset ON memory_pipeline_runs (dataset_id, created_at);
CREATE INDEX memory_pipeline_runs_by_status ON memory_pipeline_runs (status);

-- Session memory: text remembered under a session id, bridged into the graph in the background.
CREATE TABLE memory_session_entries (
    id         VARCHAR(36)  PRIMARY KEY,
    dataset_id VARCHAR(36)  NOT NULL REFERENCES memory_datasets (id) ON DELETE CASCADE,
    session_id VARCHAR(200) NOT NULL,
    owner_id   VARCHAR(36)  NOT NULL,
    text       TEXT         NOT NULL,
    bridged    INTEGER      NOT NULL,           -- 0 until improve has cognified it
    created_at BIGINT       NOT NULL
);
CREATE INDEX memory_session_entries_by_session ON memory_session_entries (dataset_id, session_id);
