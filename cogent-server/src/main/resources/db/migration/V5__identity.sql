-- Identity: users and their API keys. The same SQL runs on SQLite and PostgreSQL:
-- timestamps are epoch milliseconds (BIGINT), booleans are INTEGER 0/1.

CREATE TABLE users (
    id            VARCHAR(36)  PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,          -- lower-cased, so uniqueness ignores case
    password_hash TEXT,                           -- Argon2id PHC string; NULL: no password login
    is_superuser  INTEGER      NOT NULL DEFAULT 0,
    is_default    INTEGER      NOT NULL DEFAULT 0, -- the built-in user of unauthenticated calls
    first_user    VARCHAR(8),                     -- 'first' on the first registered user only
    tenant_id     VARCHAR(36),                    -- NULL until tenants exist
    created_at    BIGINT       NOT NULL
);

CREATE UNIQUE INDEX users_by_email ON users (email);
-- NULLs never collide, so exactly one row can claim 'first': the superuser election has no race.
CREATE UNIQUE INDEX users_first_user ON users (first_user);

CREATE TABLE api_keys (
    id           VARCHAR(36)  PRIMARY KEY,
    user_id      VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         VARCHAR(16)  NOT NULL,           -- user | super
    name         VARCHAR(200),
    prefix       VARCHAR(16)  NOT NULL,           -- the key's first characters, for lookup and display
    key_hash     VARCHAR(64)  NOT NULL,           -- hex SHA-256 of the whole key
    tenant_id    VARCHAR(36),
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT,
    expires_at   BIGINT,                          -- NULL: never (user keys); super keys expire
    revoked_at   BIGINT
);

CREATE INDEX api_keys_by_prefix ON api_keys (prefix);
CREATE INDEX api_keys_by_user ON api_keys (user_id, created_at);
