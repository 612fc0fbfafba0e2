-- Search history of the memory API (issue #7): one row per searched dataset of a search or recall,
-- listed by GET /api/v1/search and GET /api/v1/recall for the user who asked. Same SQL on SQLite
-- and PostgreSQL: epoch-ms BIGINT timestamps.
CREATE TABLE memory_search_history (
    id          VARCHAR(36)  PRIMARY KEY,
    user_id     VARCHAR(36)  NOT NULL,
    dataset_id  VARCHAR(36),
    search_type VARCHAR(64)  NOT NULL,
    query_text  TEXT         NOT NULL,
    result_text TEXT,                            -- the completion (or a short result digest)
    created_at  BIGINT       NOT NULL
);
CREATE INDEX memory_search_history_by_user ON memory_search_history (user_id, created_at);
