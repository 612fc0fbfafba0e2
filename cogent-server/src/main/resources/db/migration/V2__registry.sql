-- The scoped configuration registry: agents, skills, tools, providers and MCP servers share one
-- table (dev.cogent.registry.Registry). The same SQL runs on SQLite and PostgreSQL.
--
-- One row per (kind, name, scope): the same name in two scopes is two rows, and a lookup picks the
-- most specific row whose scope is within the caller's scope.

CREATE TABLE registry_entries (
    kind       VARCHAR(32)  NOT NULL,            -- agent | skill | tool | provider | mcp_server
    name       VARCHAR(100) NOT NULL,
    scope      TEXT         NOT NULL,            -- Scope.canonical(); empty = global
    source     VARCHAR(8)   NOT NULL,            -- file (seeded at start-up, read-only) | api
    origin     TEXT,                             -- for file rows, the file it was read from
    document   TEXT         NOT NULL,            -- JSON document of the kind
    created_at BIGINT       NOT NULL,
    updated_at BIGINT       NOT NULL,
    PRIMARY KEY (kind, name, scope)
);

CREATE INDEX registry_entries_by_scope ON registry_entries (kind, scope);
