-- A2A tasks (spec 001, "A2A Protocol"): an A2A task is a run; this table finds the session of a
-- task id (= run id) for tasks/get and tasks/cancel, which name only the task. The same SQL runs
-- on SQLite and PostgreSQL: timestamps are epoch milliseconds.

CREATE TABLE a2a_tasks (
    task_id    VARCHAR(36)  PRIMARY KEY,                                          -- the run id
    session_id VARCHAR(36)  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    context_id VARCHAR(200) NOT NULL,                                             -- the A2A contextId
    agent_name VARCHAR(100) NOT NULL,
    scope      TEXT         NOT NULL,                                             -- Scope.canonical() of the caller
    created_at BIGINT       NOT NULL
);
