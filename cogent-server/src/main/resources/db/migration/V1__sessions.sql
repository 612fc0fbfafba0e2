-- Sessions of the agent runtime. The same SQL runs on SQLite and PostgreSQL:
-- timestamps are epoch milliseconds (BIGINT), JSON documents are TEXT.

CREATE TABLE sessions (
    id            VARCHAR(36)  PRIMARY KEY,
    scope         TEXT         NOT NULL,            -- Scope.canonical() of the owner; empty = global
    title         VARCHAR(200),
    thread_id     VARCHAR(36)  NOT NULL,
    status        VARCHAR(32)  NOT NULL,
    agent_name    VARCHAR(100) NOT NULL,
    metadata      TEXT         NOT NULL,            -- JSON object, as the client sent it
    config        TEXT,                             -- JSON SessionConfig, or NULL
    message_count INTEGER      NOT NULL DEFAULT 0,
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL
);

CREATE INDEX sessions_by_scope_and_age ON sessions (scope, created_at);

-- One row per metadata entry, so that `metadata.<key>=<value>` filters are plain indexed SQL.
CREATE TABLE session_metadata (
    session_id VARCHAR(36)  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    meta_key   VARCHAR(200) NOT NULL,
    meta_value TEXT         NOT NULL,
    PRIMARY KEY (session_id, meta_key)
);

CREATE INDEX session_metadata_by_entry ON session_metadata (meta_key, meta_value);

-- Agent runs of a session. The runtime fills it; /health counts sessions with a running run.
CREATE TABLE runs (
    id          VARCHAR(36) PRIMARY KEY,
    session_id  VARCHAR(36) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    status      VARCHAR(32) NOT NULL,
    created_at  BIGINT      NOT NULL,
    finished_at BIGINT
);

CREATE INDEX runs_by_session ON runs (session_id, created_at);
CREATE INDEX runs_by_status ON runs (status);
