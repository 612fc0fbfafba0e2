-- Versioned artifacts ("Artifacts" of spec 001). The same SQL runs on SQLite and PostgreSQL:
-- timestamps are epoch milliseconds (BIGINT).
--
-- One head row per artifact holds what never changes and the number of the latest version; every
-- version is a full snapshot in artifact_versions. Writers of one artifact serialize on its head
-- row (an UPDATE of it is the first statement of every change), and the primary key of
-- artifact_versions makes two versions with the same number impossible even if they did not.

CREATE TABLE artifacts (
    scope          TEXT         NOT NULL,           -- Scope.canonical() of the owner; empty = global
    id             VARCHAR(200) NOT NULL,
    artifact_type  VARCHAR(32)  NOT NULL,           -- scratch, artifact, contract, eval, memory, policy
    source         VARCHAR(16)  NOT NULL,           -- api, or file (read-only through the API)
    latest_version INTEGER      NOT NULL,
    created_at     BIGINT       NOT NULL,
    PRIMARY KEY (scope, id)
);

CREATE INDEX artifacts_by_id ON artifacts (id);

CREATE TABLE artifact_versions (
    scope          TEXT         NOT NULL,
    artifact_id    VARCHAR(200) NOT NULL,
    version        INTEGER      NOT NULL,           -- 1, 2, ...
    parent_version INTEGER,                         -- NULL for version 1
    name           VARCHAR(200) NOT NULL,
    path           TEXT,
    content        TEXT         NOT NULL,
    content_type   VARCHAR(200),
    run_id         VARCHAR(200),
    checkpoint_id  VARCHAR(200),
    visibility     VARCHAR(16)  NOT NULL,           -- private, run, public
    created_at     BIGINT       NOT NULL,           -- when this version was written
    updated_at     BIGINT       NOT NULL,           -- last in-place (metadata-only) change
    PRIMARY KEY (scope, artifact_id, version),
    FOREIGN KEY (scope, artifact_id) REFERENCES artifacts (scope, id) ON DELETE CASCADE
);

CREATE INDEX artifact_versions_by_run ON artifact_versions (run_id);
