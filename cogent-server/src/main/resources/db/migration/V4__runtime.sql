-- The agent runtime: messages, the append-only event log, and the columns runs need.
-- The same SQL runs on SQLite and PostgreSQL: timestamps are epoch milliseconds, JSON is TEXT.

-- The last event sequence handed out in each session. Appending an event increments it in the
-- same transaction as the insert: the row lock orders concurrent appenders on PostgreSQL, the
-- application's write lock does on SQLite, so sequences are strictly increasing without gaps.
ALTER TABLE sessions ADD COLUMN event_sequence BIGINT NOT NULL DEFAULT 0;

-- The transcript of a session, oldest first by position.
CREATE TABLE messages (
    id           VARCHAR(36)  PRIMARY KEY,
    session_id   VARCHAR(36)  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    run_id       VARCHAR(36),
    position     BIGINT       NOT NULL,             -- 1, 2, … within the session
    role         VARCHAR(16)  NOT NULL,             -- user | assistant | system | tool
    content      TEXT         NOT NULL,
    tool_calls   TEXT,                              -- JSON array of {id, name, args}, or NULL
    tool_call_id VARCHAR(200),                      -- for role tool: the call it answers
    parent_id    VARCHAR(36),
    token_count  INTEGER,
    model_used   VARCHAR(200),
    created_at   BIGINT       NOT NULL
);

CREATE UNIQUE INDEX messages_by_session_position ON messages (session_id, position);

-- Every event a run emitted; the SSE `id` of a frame is its sequence.
CREATE TABLE events (
    session_id VARCHAR(36) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    sequence   BIGINT      NOT NULL,
    run_id     VARCHAR(36) NOT NULL,
    type       VARCHAR(32) NOT NULL,
    payload    TEXT        NOT NULL,                -- JSON object, the SSE `data`
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (session_id, sequence)
);

CREATE INDEX events_by_run ON events (run_id, sequence);

ALTER TABLE runs ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN user_message_id VARCHAR(36);
ALTER TABLE runs ADD COLUMN assistant_message_id VARCHAR(36);
ALTER TABLE runs ADD COLUMN first_sequence BIGINT;
ALTER TABLE runs ADD COLUMN last_sequence BIGINT;
ALTER TABLE runs ADD COLUMN error TEXT;             -- JSON {code, message} of a failed/aborted run
ALTER TABLE runs ADD COLUMN callback_url TEXT;
ALTER TABLE runs ADD COLUMN ordinal BIGINT NOT NULL DEFAULT 0;      -- 1, 2, … within the session
-- The session id while the run is live (queued, running, waiting_for_approval), NULL once it
-- ended. The unique index is what makes "one active run per session" atomic: a second start
-- fails on it, on both databases, however the requests interleave.
ALTER TABLE runs ADD COLUMN active_session_id VARCHAR(36);

CREATE UNIQUE INDEX runs_one_active_per_session ON runs (active_session_id);
