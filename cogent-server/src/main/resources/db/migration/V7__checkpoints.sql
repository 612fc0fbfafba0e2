-- Checkpoints of runs paused for a human (HITL): what the runtime needs to continue a run that
-- waits for approval, stored durably so the run can be resumed after a server restart.
-- The same SQL runs on SQLite and PostgreSQL: timestamps are epoch milliseconds, JSON is TEXT.
CREATE TABLE run_checkpoints (
    run_id     VARCHAR(36) PRIMARY KEY,
    session_id VARCHAR(36) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    state      TEXT        NOT NULL,                -- JSON owned by the runtime (opaque here)
    created_at BIGINT      NOT NULL
);

CREATE INDEX run_checkpoints_by_session ON run_checkpoints (session_id);
