-- Feedback on memory answers (issue #7, research §1.7, §2, §3.6): the anchor's feedback_weight on
-- graph nodes and edges (0.5 is neutral), and the session entries of remember/entry and recall.

ALTER TABLE memory_nodes ADD COLUMN feedback_weight DOUBLE PRECISION NOT NULL DEFAULT 0.5;
ALTER TABLE memory_edges ADD COLUMN feedback_weight DOUBLE PRECISION NOT NULL DEFAULT 0.5;

-- A question/answer of a session (entry_type 'qa', with the graph elements whose triplets made the
-- context, and the feedback given on it) or an agent trace (entry_type 'trace', its fields as
-- JSON). applied = 1 once improve has used the feedback (weights applied, or trace feedback
-- cognified), so a second improve changes nothing.
CREATE TABLE memory_feedback_entries (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    dataset_id     VARCHAR(36)  NOT NULL REFERENCES memory_datasets (id) ON DELETE CASCADE,
    session_id     VARCHAR(200) NOT NULL,
    owner_id       VARCHAR(36),
    entry_type     VARCHAR(20)  NOT NULL,
    question       TEXT,
    context        TEXT,
    answer         TEXT,
    used_ids       TEXT         NOT NULL,   -- JSON array of node and edge ids
    feedback_score INTEGER,
    feedback_text  TEXT,
    trace          TEXT,                    -- JSON object
    applied        INTEGER      NOT NULL,
    created_at     BIGINT       NOT NULL
);
CREATE INDEX memory_feedback_entries_by_session ON memory_feedback_entries (dataset_id, session_id);
