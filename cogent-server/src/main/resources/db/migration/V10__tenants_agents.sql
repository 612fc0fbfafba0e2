-- Tenants, roles, dataset permissions, agent identities and agent connections (issue #6).
-- The same SQL runs on SQLite and PostgreSQL: timestamps are epoch milliseconds (BIGINT),
-- JSON is TEXT.

-- An agent identity is a user whose parent is the user who created it; it has no password.
ALTER TABLE users ADD COLUMN parent_user_id VARCHAR(36);
CREATE INDEX users_by_parent ON users (parent_user_id);

CREATE TABLE tenants (
    id         VARCHAR(36)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    owner_id   VARCHAR(36)  NOT NULL,
    created_at BIGINT       NOT NULL
);
CREATE UNIQUE INDEX tenants_by_name ON tenants (name);

CREATE TABLE tenant_members (
    tenant_id VARCHAR(36) NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id   VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at  BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX tenant_members_by_user ON tenant_members (user_id);

CREATE TABLE roles (
    id          VARCHAR(36)  PRIMARY KEY,
    tenant_id   VARCHAR(36)  NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        VARCHAR(200) NOT NULL,
    description TEXT,
    created_at  BIGINT       NOT NULL
);
CREATE UNIQUE INDEX roles_by_tenant_name ON roles (tenant_id, name);

CREATE TABLE role_members (
    role_id  VARCHAR(36) NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    user_id  VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at BIGINT      NOT NULL,
    PRIMARY KEY (role_id, user_id)
);
CREATE INDEX role_members_by_user ON role_members (user_id);

-- Who created a dataset (the memory feature records it); the owner holds every permission.
CREATE TABLE dataset_owners (
    dataset_id VARCHAR(64) PRIMARY KEY,
    owner_id   VARCHAR(36) NOT NULL,
    tenant_id  VARCHAR(36),
    created_at BIGINT      NOT NULL
);

-- A grant of one permission on one dataset to a user, a role or a tenant.
CREATE TABLE dataset_grants (
    dataset_id     VARCHAR(64) NOT NULL,
    principal_id   VARCHAR(36) NOT NULL,
    principal_type VARCHAR(16) NOT NULL,          -- user | role | tenant
    permission     VARCHAR(16) NOT NULL,          -- read | write | delete | share
    granted_by     VARCHAR(36) NOT NULL,
    created_at     BIGINT      NOT NULL,
    PRIMARY KEY (dataset_id, principal_id, permission)
);
CREATE INDEX dataset_grants_by_principal ON dataset_grants (principal_id);

-- A live (or past) session of an agent, keyed by <session name>-<hash of name and user>.
CREATE TABLE agent_connections (
    id                 VARCHAR(80)  PRIMARY KEY,
    user_id            VARCHAR(36)  NOT NULL,     -- who registered it (a user or an agent identity)
    owner_id           VARCHAR(36)  NOT NULL,     -- the agent's parent user, else user_id
    tenant_id          VARCHAR(36),
    agent_session_name VARCHAR(200) NOT NULL,
    type               VARCHAR(16)  NOT NULL,
    memory_mode        VARCHAR(16)  NOT NULL,
    session_id         VARCHAR(200),
    dataset_ids        TEXT         NOT NULL,     -- JSON array of strings
    dataset_names      TEXT         NOT NULL,     -- JSON array of strings
    source             VARCHAR(32)  NOT NULL,
    origin_function    VARCHAR(200),
    metadata           TEXT         NOT NULL,     -- JSON object
    status             VARCHAR(16)  NOT NULL,     -- active | inactive
    created_at         BIGINT       NOT NULL,
    last_active_at     BIGINT       NOT NULL
);
CREATE INDEX agent_connections_by_user ON agent_connections (user_id, last_active_at);
CREATE INDEX agent_connections_by_owner ON agent_connections (owner_id);
CREATE INDEX agent_connections_by_tenant ON agent_connections (tenant_id);
