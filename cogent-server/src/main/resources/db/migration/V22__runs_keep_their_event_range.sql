-- A run keeps the range of its events itself, so that the event log needs no index by run: every
-- index on `events` is one more page written per event and commit, and the log's one writer on
-- SQLite spent half of its time on `events_by_run` (docs/benchmarks.md, "Steady streams, and the
-- event log without its index by run").
-- `first_sequence` is set when the run starts (the session's next sequence: the run holds the
-- session's one active slot, so the next event of the session is its own), `last_sequence` when it
-- finishes (its terminal event); while it is live, its last event is the session's last.

UPDATE runs SET first_sequence = (SELECT MIN(e.sequence) FROM events e WHERE e.run_id = runs.id);

UPDATE runs SET last_sequence = (SELECT MAX(e.sequence) FROM events e WHERE e.run_id = runs.id)
WHERE finished_at IS NOT NULL;

DROP INDEX events_by_run;
